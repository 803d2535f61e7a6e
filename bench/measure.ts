/** Benchmark helpers: wall time and peak memory (RSS sampled, heap after gc) of a piece of work. */

export interface Measurement {
  seconds: number;
  peakRssMb: number;
}

export async function measure(work: () => Promise<unknown> | unknown): Promise<Measurement> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const start = process.hrtime.bigint();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, peakRssMb: peak / 1024 / 1024 };
}

export function row(label: string, m: Measurement, base?: Measurement): string {
  const ratio = base ? `  ${(m.seconds / base.seconds).toFixed(2)}x` : '';
  return `${label.padEnd(52)} ${m.seconds.toFixed(2).padStart(7)} s  ${m.peakRssMb.toFixed(0).padStart(6)} MB peak RSS${ratio}`;
}
