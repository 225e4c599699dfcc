import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, extra?: string): void;
  /** Shows the text now, before a stretch of synchronous work during which the bar cannot redraw itself. */
  say(extra: string): void;
  stop(): void;
}

/** A progress bar on a TTY; silent otherwise (logs and CI stay clean). */
export function startProgress(label: string, total: number, unit = ''): Progress {
  if (!process.stderr.isTTY || total <= 0) return { update() {}, say() {}, stop() {} };
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
    say(extra) {
      bar.update({ extra });
      bar.render();
    },
    stop() {
      bar.stop();
    },
  };
}
