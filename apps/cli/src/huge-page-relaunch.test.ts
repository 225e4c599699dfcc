import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { HUGE_PAGES_TUNABLE, type HugePageHost, hugePageEnv, underInspector } from './huge-page-relaunch.ts';
import { runCli } from './run-cli.test-support.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = join(root, 'apps/cli/bin/raqib.js');
const sample = join(root, 'fixtures/transactions/amlworld-sample.csv');

const madviseHost: HugePageHost = {
  platform: 'linux',
  thpMode: 'always [madvise] never\n',
  glibc: true,
};

describe('hugePageEnv', () => {
  it('adds the huge-page tunable where the kernel gives huge pages on request and glibc allocates', () => {
    expect(hugePageEnv({ PATH: '/bin' }, madviseHost)).toEqual({
      PATH: '/bin',
      GLIBC_TUNABLES: HUGE_PAGES_TUNABLE,
    });
  });

  it('keeps tunables already set', () => {
    expect(hugePageEnv({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }, madviseHost)?.GLIBC_TUNABLES).toBe(
      `glibc.malloc.arena_max=2:${HUGE_PAGES_TUNABLE}`,
    );
  });

  it('changes nothing where there is nothing to gain or the choice was made already', () => {
    expect(hugePageEnv({}, { ...madviseHost, thpMode: '[always] madvise never\n' })).toBeUndefined();
    expect(hugePageEnv({}, { ...madviseHost, thpMode: 'always madvise [never]\n' })).toBeUndefined();
    expect(hugePageEnv({}, { ...madviseHost, thpMode: undefined })).toBeUndefined();
    expect(hugePageEnv({}, { ...madviseHost, glibc: false })).toBeUndefined();
    expect(hugePageEnv({}, { ...madviseHost, platform: 'darwin' })).toBeUndefined();
    expect(hugePageEnv({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }, madviseHost)).toBeUndefined();
  });
});

describe('underInspector', () => {
  it('sees the inspector on the command line and in NODE_OPTIONS, so that a debugged scan is not relaunched', () => {
    expect(underInspector(['--inspect-brk=9229'], {})).toBe(true);
    expect(underInspector(['--import', 'tsx'], { NODE_OPTIONS: '--inspect' })).toBe(true);
    expect(underInspector(['--import', 'tsx'], { NODE_OPTIONS: '--max-old-space-size=4096' })).toBe(false);
    expect(underInspector([], {})).toBe(false);
  });
});

describe('raqib scan through the bin (relaunched where huge pages help)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'raqib-relaunch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the flags of an in-process scan and exits as it does', async () => {
    const inProcess = await runCli(['scan', '--input', sample, '--out', join(dir, 'a'), '--no-store']);
    expect(inProcess.code).toBe(0);
    const viaBin = spawnSync(
      process.execPath,
      [bin, 'scan', '--input', sample, '--out', join(dir, 'b'), '--no-store'],
      { encoding: 'utf8' },
    );
    expect(viaBin.status).toBe(0);
    expect(readFileSync(join(dir, 'b', 'flags.csv'), 'utf8')).toBe(
      readFileSync(join(dir, 'a', 'flags.csv'), 'utf8'),
    );
  });

  it('passes on the exit code and message of a failed scan', () => {
    const run = spawnSync(
      process.execPath,
      [bin, 'scan', '--input', join(dir, 'missing.csv'), '--out', join(dir, 'c'), '--no-store'],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('input file not found');
  });
});
