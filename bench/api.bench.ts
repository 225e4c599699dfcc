// `npm run bench:api`: the API's ingest throughput. The server (compose → buildApp, SQLite in a temporary
// file, the real monitor) runs in this process; the load comes from a second process (bench/api-load.ts,
// autocannon) on loopback. Figures go to BENCHMARKS.md, section "API".
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const connections = Number(process.env.BENCH_API_CONNECTIONS ?? 32);
const batchSize = Number(process.env.BENCH_API_BATCH ?? 100);

function load(url: string, key: string, batch: number, secs: number, prefix: string): Promise<LoadResult> {
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
  await load(url, key, 1, 3, `${run}-w`);
  process.stderr.write(`bench:api: single transactions, ${connections} connections, ${seconds} s\n`);
  const single = await load(url, key, 1, seconds, `${run}-s`);
  process.stderr.write(`bench:api: batches of ${batchSize}, ${connections} connections, ${seconds} s\n`);
  const batched = await load(url, key, batchSize, seconds, `${run}-b`);
  const stored = composition.database.db;
  const { n } = await stored
    .selectFrom('transactions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const ok = (r: LoadResult) => r.non2xx === 0 && r.errors === 0 && r.timeouts === 0;
  const meets = single.requestsPerSecond >= 5000 && single.latency.p99 <= 20;
  const md = `## API

\`npm run bench:api\` (bench/api.bench.ts): \`POST /v1/transactions\` on loopback, server (SQLite file, real monitor,
group-committed writes) in one process, autocannon 8 in a second process, ${connections} connections, ${seconds} s per
run after a 3 s warm-up. Machine: ${machineLine()}. Measured ${new Date().toISOString().slice(0, 10)}.

| load | requests/s | transactions/s | p50 ms | p90 ms | p99 ms | max ms | errors / non-2xx |
|---|---:|---:|---:|---:|---:|---:|---:|
| one transaction per request | ${single.requestsPerSecond.toFixed(0)} | ${single.requestsPerSecond.toFixed(0)} | ${single.latency.p50} | ${single.latency.p90} | ${single.latency.p99} | ${single.latency.max} | ${single.errors + single.timeouts} / ${single.non2xx} |
| batches of ${batchSize} | ${batched.requestsPerSecond.toFixed(0)} | ${(batched.requestsPerSecond * batchSize).toFixed(0)} | ${batched.latency.p50} | ${batched.latency.p90} | ${batched.latency.p99} | ${batched.latency.max} | ${batched.errors + batched.timeouts} / ${batched.non2xx} |

Target: ≥ 5,000 single-transaction requests/s with p99 ≤ 20 ms: **${meets ? 'met' : 'not met'}** in this run.
${ok(single) && ok(batched) ? 'Every request succeeded' : 'Some requests failed (see the error column)'}; ${n} transactions were stored.
`;
  writeBenchmarkSection('api', md);
  process.stdout.write(md);
} finally {
  await app.close();
  await composition.close();
  rmSync(dir, { recursive: true, force: true });
}
