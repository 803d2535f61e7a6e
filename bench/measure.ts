/** Benchmark helpers: wall time and peak memory (RSS sampled, heap after gc) of a piece of work. */

export interface Measurement {
  seconds: number;
  peakRssMb: number;
  /** CPU time (user + system) the process used during the work: steadier than wall time on a shared machine. */
  cpuSeconds?: number;
}

export async function measure(work: () => Promise<unknown> | unknown): Promise<Measurement> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const start = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, peakRssMb: peak / 1024 / 1024, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

export function row(label: string, m: Measurement, base?: Measurement): string {
  const ratio = base ? `  ${(m.seconds / base.seconds).toFixed(2)}x` : '';
  const cpu = m.cpuSeconds === undefined ? '' : `  ${m.cpuSeconds.toFixed(2).padStart(6)} s CPU`;
  return `${label.padEnd(52)} ${m.seconds.toFixed(2).padStart(7)} s${cpu}  ${m.peakRssMb.toFixed(0).padStart(6)} MB peak RSS${ratio}`;
}
