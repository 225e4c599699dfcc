/**
 * `npm run bench:media`: adverse-media analysis throughput on 600-word articles, Arabic and English, one
 * thread (so the figure is per core), after a warm-up; and RSS: parsing a 200-item feed, then parse + analyze.
 * Arabic articles are built from the seed article's sentences, English ones from the ut-ml-adverse-media test
 * set (read from ../shared, never copied); without ../shared the English set falls back to the fixture cases.
 * Writes the "Adverse media" section of BENCHMARKS.md; RAQIB_BENCH_QUICK=1 runs small and writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeArticle, seededRng } from '@raqib/core';
import { readFeed } from '@raqib/formats';
import { parse } from 'csv-parse/sync';
import { machineLine, writeBenchmarkSection } from './benchmarks-file.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.env.RAQIB_BENCH_QUICK === '1';
const N = quick ? 40 : 400;
const WORDS = 600;
const rng = seededRng(20261129);

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?؟])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Articles of exactly `WORDS` words: sentences drawn (seeded) from a pool until the count is reached. */
function buildArticles(pool: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const words: string[] = [];
    while (words.length < WORDS) {
      const s = pool[Math.floor(rng.next() * pool.length)] ?? '';
      words.push(...s.split(/\s+/));
    }
    out.push(words.slice(0, WORDS).join(' '));
  }
  return out;
}

const seedPath = join(root, '..', 'shared', 'seed', '000_876e788b94d627ed.txt');
const casesPath = join(root, 'fixtures', 'media', 'extraction-cases.jsonl');
const cases = readFileSync(casesPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { lang: string; text: string });
const arPool = existsSync(seedPath)
  ? sentencesOf(readFileSync(seedPath, 'utf8'))
  : cases.filter((c) => c.lang === 'ar').map((c) => c.text);
const enCsv = join(
  root,
  '..',
  'shared',
  'data',
  'arabic',
  'adverse_media_en',
  'ut_ml_adverse_media',
  'public_test.csv',
);
const enPool = existsSync(enCsv)
  ? (parse(readFileSync(enCsv, 'utf8'), { columns: true }) as Array<{ article: string }>).flatMap((r) =>
      sentencesOf(r.article),
    )
  : cases.filter((c) => c.lang === 'en').map((c) => c.text);
const sources = {
  ar: existsSync(seedPath) ? 'seed article sentences' : 'fixture case sentences (../shared absent)',
  en: existsSync(enCsv)
    ? 'ut-ml-adverse-media public_test sentences'
    : 'fixture case sentences (../shared absent)',
};

interface Run {
  articles: number;
  seconds: number;
  cpuSeconds: number;
  perSecond: number;
  perCpuSecond: number;
}

function time(n: number, fn: () => void): Run {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpuSeconds = (c.user + c.system) / 1e6;
  return { articles: n, seconds, cpuSeconds, perSecond: n / seconds, perCpuSecond: n / cpuSeconds };
}

const ar = buildArticles(arPool, N);
const en = buildArticles(enPool, N);
// warm-up: let the JIT settle before measuring
for (const t of [...ar.slice(0, 30), ...en.slice(0, 30)]) analyzeArticle(t);

const arRun = time(ar.length, () => {
  for (const t of ar) analyzeArticle(t);
});
const enRun = time(en.length, () => {
  for (const t of en) analyzeArticle(t);
});

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const items = [...ar.slice(0, N / 2), ...en.slice(0, N / 2)].map(
  (t, i) =>
    `<item><title>item ${i}</title><link>https://news.example/${i}</link><guid>g-${i}</guid><pubDate>Tue, 14 Nov 2017 10:00:00 GMT</pubDate><description>${escapeXml(`<p>${t}</p>`)}</description></item>`,
);
const feed = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>bench</title>${items.join('')}</channel></rss>`;
const feedMiB = Buffer.byteLength(feed) / 2 ** 20;
const parseRun = time(items.length, () => {
  readFeed(feed, 'bench.rss');
});
const rssRun = time(items.length, () => {
  for (const a of readFeed(feed, 'bench.rss').articles) analyzeArticle(`${a.title ?? ''}\n${a.text}`);
});

const f0 = (x: number) => x.toFixed(0);
const f2 = (x: number) => x.toFixed(2);
const row = (name: string, r: Run) =>
  `| ${name} | ${r.articles} | ${f2(r.seconds)} | ${f2(r.cpuSeconds)} | ${f0(r.perSecond)} | ${f0(r.perCpuSecond)} |`;
const minPerCore = Math.min(arRun.perCpuSecond, enRun.perCpuSecond);
const md = `## Adverse media

\`npm run bench:media\` (bench/media.bench.ts): \`analyzeArticle\` (tokens, sentences, amounts, entities with curated
list links, attributions, risk categories, schemes, adverse score) on ${WORDS}-word articles in one thread, after a
warm-up, so articles per CPU-second is the per-core figure. Arabic articles: ${sources.ar}; English: ${sources.en};
sentences drawn with a fixed seed. RSS: a ${items.length}-item RSS 2.0 feed (${f2(feedMiB)} MiB, escaped HTML
descriptions) read with entity processing off, then every item analysed. Machine: ${machineLine()}.
Measured ${new Date().toISOString().slice(0, 10)}.

| workload | articles | wall s | CPU s | articles/s (wall) | articles per CPU-s (per core) |
|---|---:|---:|---:|---:|---:|
${row(`Arabic, ${WORDS} words`, arRun)}
${row(`English, ${WORDS} words`, enRun)}
${row('RSS read only', parseRun)}
${row('RSS read + analyze', rssRun)}

Load average during the run: ${loadavg()
  .map((x) => x.toFixed(1))
  .join(
    ' / ',
  )} (1 / 5 / 15 min) on ${cpus().length} cores; wall-clock figures are lower than per-CPU-second ones when other
processes share the cores.

Target: ≥ 200 articles per second per core on ${WORDS}-word articles: **${minPerCore >= 200 ? 'met' : 'not met'}**
(slowest language ${f0(minPerCore)} per CPU-second).`;

process.stdout.write(`${md}\n`);
if (!quick) writeBenchmarkSection('media', md);
