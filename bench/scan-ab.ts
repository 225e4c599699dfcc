/**
 * A/B of the whole scan between launch variants: source trees, Node flags, environment. Each run is a fresh
 * `bench/monitoring-child.ts scan` process (what `npm run bench` measures), the variants alternating round by round
 * so that the load other jobs put on a shared machine falls on all of them alike. Compares the CPU time each child
 * reports (user + system, start-up included) and checks that every variant wrote the same flags.csv and the same
 * alerts.jsonl (`createdAt` aside, the wall clock's).
 *
 * Usage: node --import tsx bench/scan-ab.ts DATA_DIR ROUNDS VARIANT…  (pin it: `taskset -c 1`)
 * VARIANT is `TREE` or `TREE|NODE_FLAGS|ENV=VALUE,ENV=VALUE`, e.g. `/work/main||GLIBC_TUNABLES=glibc.malloc.hugetlb=1`
 * or `/work/main|--max-semi-space-size=64|`; TREE is a checkout whose bench/monitoring-child.ts prints cpuSeconds.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const [dataDir, roundsArg, ...specs] = process.argv.slice(2);
if (!dataDir || !roundsArg || specs.length === 0)
  throw new Error('usage: scan-ab.ts DATA_DIR ROUNDS VARIANT…');
const rounds = Number(roundsArg);

interface Variant {
  readonly label: string;
  readonly tree: string;
  readonly flags: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

const variants: Variant[] = specs.map((spec) => {
  const [tree = '', flags = '', env = ''] = spec.split('|');
  return {
    label: spec,
    tree,
    flags: flags.split(' ').filter((f) => f !== ''),
    env: Object.fromEntries(
      env
        .split(',')
        .filter((e) => e !== '')
        .map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]),
    ),
  };
});

/** flags.csv and alerts.jsonl without the alerts' creation time: what must not change between variants. */
function digest(outDir: string): string {
  const hash = createHash('sha256').update(readFileSync(join(outDir, 'flags.csv')));
  for (const line of readFileSync(join(outDir, 'alerts.jsonl'), 'utf8').split('\n')) {
    if (line === '') continue;
    const { createdAt: _createdAt, ...alert } = JSON.parse(line) as Record<string, unknown>;
    hash.update(JSON.stringify(alert));
  }
  return hash.digest('hex').slice(0, 16);
}

const cpu: number[][] = variants.map(() => []);
const digests = new Set<string>();
const outRoot = join(tmpdir(), `scan-ab-${process.pid}`);
for (let r = 0; r < rounds; r++) {
  for (let v = 0; v < variants.length; v++) {
    const variant = variants[v]!;
    const outDir = join(outRoot, String(v));
    mkdirSync(outDir, { recursive: true });
    const child = spawnSync(
      process.execPath,
      [
        ...variant.flags,
        '--import',
        'tsx',
        join(variant.tree, 'bench', 'monitoring-child.ts'),
        'scan',
        dataDir,
        outDir,
      ],
      { cwd: variant.tree, encoding: 'utf8', env: { ...process.env, ...variant.env }, maxBuffer: 1 << 24 },
    );
    if (child.status !== 0) throw new Error(`${variant.label} failed:\n${child.stderr}`);
    const result = JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as {
      cpuSeconds: number;
      maxRssMB: number;
    };
    const d = digest(outDir);
    digests.add(d);
    cpu[v]!.push(result.cpuSeconds);
    process.stderr.write(
      `round ${r + 1} ${variant.label}: ${result.cpuSeconds.toFixed(2)} CPU-s, RSS ${Math.round(result.maxRssMB)} MB (${d}), load ${loadavg()[0]!.toFixed(1)}\n`,
    );
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
process.stdout.write(
  `${JSON.stringify({
    rounds,
    sameResults: digests.size === 1,
    result: variants.map((v, k) => ({
      variant: v.label,
      medianCpuSeconds: median(cpu[k]!),
      cpuSeconds: cpu[k]!.map((s) => Number(s.toFixed(2))),
      ratioToFirstPerRound: cpu[k]!.map((s, r) => Number((cpu[0]![r]! / s).toFixed(3))),
    })),
  })}\n`,
);
