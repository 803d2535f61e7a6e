/**
 * Progress for long runs, on a terminal only (silent when piped or in CI): phases with their time, and a bar
 * with rows per second where the total is known.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  /** A phase whose length is unknown ("Loading book.xlsx"); ends when the next phase starts. */
  phase(label: string): void;
  /** `done` of `total` rows in a phase (total 0 when unknown). */
  update(phase: string, done: number, total: number): void;
  stop(): void;
}

export const silentProgress: Progress = {
  phase: () => undefined,
  update: () => undefined,
  stop: () => undefined,
};

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || process.env.CI) return silentProgress;
  let bar: cliProgress.SingleBar | null = null;
  let current: { label: string; started: number } | null = null;
  const end = () => {
    if (bar) {
      bar.stop();
      bar = null;
    } else if (current) stream.write(` ${((Date.now() - current.started) / 1000).toFixed(1)} s\n`);
    current = null;
  };
  return {
    phase(label) {
      end();
      current = { label, started: Date.now() };
      stream.write(`${label}…`);
    },
    update(phase, done, total) {
      if (!current || current.label !== phase || !bar) {
        end();
        current = { label: phase, started: Date.now() };
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: `${phase} [{bar}] {percentage}% {value}/{total} rows, {speed} rows/s`,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(Math.max(total, done, 1), 0, { speed: 0 });
      }
      const seconds = Math.max((Date.now() - current.started) / 1000, 0.001);
      bar.setTotal(Math.max(total, done, 1));
      bar.update(done, { speed: Math.round(done / seconds) });
    },
    stop: end,
  };
}
