import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * glibc's malloc tunable that backs its large blocks with transparent huge pages (madvise MADV_HUGEPAGE). glibc
 * reads tunables once, at process start, hence a child process: see docs/decisions/0018-scan-on-huge-pages.md.
 */
export const HUGE_PAGES_TUNABLE = 'glibc.malloc.hugetlb=1';
/** Set in the child's environment to the parent's pid: marks the relaunched process and lets it watch its parent. */
export const RELAUNCHED_BY = 'RAQIB_RELAUNCHED_BY';

/** What decides whether a process would gain from the tunable: the kernel's THP mode and the C library. */
export interface HugePageHost {
  readonly platform: string;
  /** Contents of /sys/kernel/mm/transparent_hugepage/enabled, undefined when unreadable. */
  readonly thpMode: string | undefined;
  readonly glibc: boolean;
}

export function currentHost(): HugePageHost {
  let thpMode: string | undefined;
  try {
    thpMode = readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8');
  } catch {
    thpMode = undefined;
  }
  // the report takes about 20 ms: asked only where the answer matters
  const header = thpMode?.includes('[madvise]')
    ? (process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header
    : undefined;
  return { platform: process.platform, thpMode, glibc: header?.glibcVersionRuntime !== undefined };
}

/**
 * The environment a scan process should run with: the tunable added when the kernel hands out huge pages only on
 * request (`[madvise]`: with `[always]` large blocks get them anyway, with `[never]` never) and glibc is the C
 * library; otherwise `undefined` (nothing to gain). Other tunables already set are kept.
 */
export function hugePageEnv(env: NodeJS.ProcessEnv, host: HugePageHost): NodeJS.ProcessEnv | undefined {
  if (host.platform !== 'linux' || !host.glibc || !host.thpMode?.includes('[madvise]')) return undefined;
  const tunables = env.GLIBC_TUNABLES ?? '';
  if (tunables.includes('glibc.malloc.hugetlb=')) return undefined;
  return {
    ...env,
    GLIBC_TUNABLES: tunables === '' ? HUGE_PAGES_TUNABLE : `${tunables}:${HUGE_PAGES_TUNABLE}`,
  };
}

/**
 * Whether Node was started with its inspector (`--inspect…`, on the command line or in NODE_OPTIONS): a relaunched
 * child would ask for the same debugger port, and the developer means to debug this process, so it runs the scan.
 */
export function underInspector(execArgv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return execArgv.some((a) => a.startsWith('--inspect')) || (env.NODE_OPTIONS ?? '').includes('--inspect');
}

/**
 * `raqib scan` reruns itself in a child process with huge pages (decision 0018) unless it is that child already.
 * Resolves to the child's exit code, or `undefined` when this process should run the command itself. The child
 * shares the terminal and process group: Ctrl-C reaches it directly (the parent ignores SIGINT, so that the scan's
 * "finish what was read" interrupt is not delivered twice), SIGTERM and SIGHUP sent to the parent are passed on,
 * and a child whose parent dies exits too.
 */
export async function relaunchScanOnHugePages(argv: readonly string[]): Promise<number | undefined> {
  if (argv[2] !== 'scan') return undefined;
  const parent = process.env[RELAUNCHED_BY];
  if (parent !== undefined) {
    watchParent(Number(parent));
    return undefined;
  }
  if (underInspector(process.execArgv, process.env)) return undefined;
  const env = hugePageEnv(process.env, currentHost());
  if (env === undefined) return undefined;
  const child = spawn(process.execPath, [...process.execArgv, ...argv.slice(1)], {
    stdio: 'inherit',
    env: { ...env, [RELAUNCHED_BY]: String(process.pid) },
  });
  const ignore = () => {};
  const pass = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', ignore);
  process.on('SIGTERM', pass);
  process.on('SIGHUP', pass);
  const [code, signal] = (await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c, s) => resolve([c, s]));
  })) as [number | null, NodeJS.Signals | null];
  process.off('SIGINT', ignore);
  process.off('SIGTERM', pass);
  process.off('SIGHUP', pass);
  // a child killed by a signal: end the same way, so that a shell or supervisor sees what happened
  if (signal !== null) process.kill(process.pid, signal);
  return code ?? 1;
}

/** A relaunched scan whose parent is gone (killed with SIGKILL) stops instead of running on unattended. */
function watchParent(parent: number): void {
  setInterval(() => {
    if (process.ppid !== parent) process.exit(1);
  }, 1000).unref();
}
