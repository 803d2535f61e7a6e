/** Progress for long runs, on a terminal only: a bar with rows per second; silent when piped or in CI. */
import cliProgress from 'cli-progress';

export interface Progress {
  /** Report `done` of `total` units in a phase (total 0 when unknown). */
  update(phase: string, done: number, total: number): void;
  stop(): void;
}

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || process.env.CI) return { update: () => undefined, stop: () => undefined };
  let bar: cliProgress.SingleBar | null = null;
  let current = '';
  const started = Date.now();
  return {
    update(phase, done, total) {
      if (phase !== current) {
        bar?.stop();
        current = phase;
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: `${phase} [{bar}] {percentage}% {value}/{total} rows, {speed} rows/s`,
            hideCursor: true,
            clearOnComplete: false,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(Math.max(total, done, 1), 0, { speed: 0 });
      }
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar?.setTotal(Math.max(total, done, 1));
      bar?.update(done, { speed: Math.round(done / seconds) });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
