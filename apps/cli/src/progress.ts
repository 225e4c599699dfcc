import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, extra?: string): void;
  stop(): void;
}

/** A progress bar on a TTY; silent otherwise (logs and CI stay clean). */
export function startProgress(label: string, total: number, unit = ''): Progress {
  if (!process.stderr.isTTY || total <= 0) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total}${unit} | {extra}`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { extra: '' });
  return {
    update(done, extra = '') {
      bar.update(Math.min(done, total), { extra });
    },
    stop() {
      bar.stop();
    },
  };
}
