import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'BENCHMARKS.md');
const HEADER = `# Benchmarks

Every figure here was written by a benchmark script (\`npm run bench\`, \`bench:screening\`, \`bench:media\`,
\`bench:api\`, \`bench:scale\`), with the machine and the exact command beside it. Comparisons are ratios measured
in one run, because the machines are shared and noisy. Each section is replaced whole when its script runs again.
`;

/** True when `taskset` can pin a process to core 0 here (util-linux; absent on macOS and in some containers). */
export function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-c', '0', 'true']);
    return true;
  } catch {
    return false;
  }
}

/** A one-line description of the machine, for the record beside each figure. */
export function machineLine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${arch()}, Node ${process.version}`;
}

/**
 * Replaces (or appends) the section delimited by `<!-- bench:KEY -->` … `<!-- /bench:KEY -->` in BENCHMARKS.md,
 * so that each benchmark owns its section and others' figures stay untouched.
 */
export function writeBenchmarkSection(key: string, markdown: string): void {
  const text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
  const open = `<!-- bench:${key} -->`;
  const close = `<!-- /bench:${key} -->`;
  const block = `${open}\n${markdown.trim()}\n${close}`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  const next =
    start >= 0 && end > start
      ? text.slice(0, start) + block + text.slice(end + close.length)
      : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, next.endsWith('\n') ? next : `${next}\n`);
}
