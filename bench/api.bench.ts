// `npm run bench:api`: the API's ingest throughput. The server (compose → buildApp, SQLite in a temporary
// file, the real monitor) runs in this process; the load comes from a second process (bench/api-load.ts,
// autocannon) on loopback. Figures go to BENCHMARKS.md, section "API".
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, compose, generateApiKey, loadServerConfig } from '@raqib/server';
import { machineLine, writeBenchmarkSection } from './benchmarks-file.ts';

interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  latency: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.env.BENCH_API_SECONDS ?? 10);
const batchSize = Number(process.env.BENCH_API_BATCH ?? 100);

/** The runs: single transactions at autocannon's default 10 connections and at 32, then batches. */
const RUNS = [
  { label: 'one transaction per request', batch: 1, connections: 10 },
  { label: 'one transaction per request', batch: 1, connections: 32 },
  { label: `batches of ${batchSize}`, batch: batchSize, connections: 8 },
] as const;

function load(
  url: string,
  key: string,
  batch: number,
  connections: number,
  secs: number,
  prefix: string,
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(here, 'api-load.ts'),
        JSON.stringify({ url, key, connections, seconds: secs, batch, prefix }),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
      else resolve(JSON.parse(out) as LoadResult);
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'raqib-bench-api-'));
const composition = await compose(
  loadServerConfig({
    ...process.env,
    RAQIB_DB: join(dir, 'bench.db'),
    RAQIB_LOG_LEVEL: 'silent',
    RAQIB_WEB_DIST: join(dir, 'none'),
  }),
);
const { key, record } = generateApiKey('bench', 'analyst', 'bench', Date.now());
await composition.deps.keys.insertKey(record);
const app = await buildApp(composition.deps);
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const run = `r${Date.now().toString(36)}`;
try {
  process.stderr.write(`bench:api: server ${url}; warming up 3 s\n`);
  await load(url, key, 1, 10, 3, `${run}-w`);
  const results: {
    label: string;
    batch: number;
    connections: number;
    r: LoadResult;
    cpuUsPerRequest: number;
  }[] = [];
  for (const [i, spec] of RUNS.entries()) {
    process.stderr.write(`bench:api: ${spec.label}, ${spec.connections} connections, ${seconds} s\n`);
    const cpu0 = process.cpuUsage();
    const r = await load(url, key, spec.batch, spec.connections, seconds, `${run}-${i}`);
    const cpu = process.cpuUsage(cpu0);
    // server CPU per request: a figure the other work on a shared machine disturbs far less than wall-clock rates
    const cpuUsPerRequest = (cpu.user + cpu.system) / Math.max(1, r.requests);
    results.push({ ...spec, r, cpuUsPerRequest });
  }
  const { n } = await composition.database.db
    .selectFrom('transactions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const failures = results.reduce((sum, x) => sum + x.r.non2xx + x.r.errors + x.r.timeouts, 0);
  const met = results
    .filter((x) => x.batch === 1)
    .map(
      (x) =>
        `${x.connections} connections: ${x.r.requestsPerSecond >= 5000 && x.r.latency.p99 <= 20 ? 'met' : 'not met'}`,
    );
  const row = (x: (typeof results)[number]) =>
    `| ${x.label} | ${x.connections} | ${x.r.requestsPerSecond.toFixed(0)} | ${(x.r.requestsPerSecond * x.batch).toFixed(0)} | ${x.r.latency.p50} | ${x.r.latency.p90} | ${x.r.latency.p99} | ${x.r.latency.max} | ${x.r.errors + x.r.timeouts} / ${x.r.non2xx} | ${x.cpuUsPerRequest.toFixed(0)} µs (≈ ${(1e6 / x.cpuUsPerRequest).toFixed(0)} req/s per core) |`;
  const md = `## API

\`npm run bench:api\` (bench/api.bench.ts): \`POST /v1/transactions\` on loopback. The server (compose → buildApp:
SQLite file, the real monitor, group-committed writes, bearer-key auth, zod validation) runs in one process;
autocannon 8 sends the load from a second process, ${seconds} s per run after a 3 s warm-up. Transactions are
random payments among 20,000 accounts in event-time order. Machine: ${machineLine()}, shared with other work
(load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} at the end). Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.

| load | connections | requests/s | transactions/s | p50 ms | p90 ms | p99 ms | max ms | errors / non-2xx | server CPU per request |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${results.map(row).join('\n')}

Target ≥ 5,000 single-transaction requests/s with p99 ≤ 20 ms: ${met.join('; ')}. The last column is the server
process's CPU time (user + system, all its threads) per request: the capacity of one otherwise idle core, which the
other work on this shared machine disturbs much less than the wall-clock rates.
${failures === 0 ? 'Every request succeeded' : `${failures} requests failed`}; ${n} transactions were stored.
`;
  writeBenchmarkSection('api', md);
  process.stdout.write(md);
} finally {
  await app.close();
  await composition.close();
  rmSync(dir, { recursive: true, force: true });
}
