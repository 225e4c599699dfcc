/**
 * Quality A/B of monitor trees in one process (the recall rounds of docs/typologies/README.md): reads a data set
 * once, runs each tree's monitor, and reports per tree F1, false-positive rows, alerts per 1,000 and instances found per pattern type (found = ≥ 50 % of its rows
 * flagged, as raqib eval), plus which instances each tree finds that the first does not (and vice versa).
 * The figures are those of `raqib scan` + `raqib eval` on the same files (flag = score ≥ flagThreshold).
 * Usage: node --import tsx bench/recall-ab.ts DATA_DIR TREE_A[@detector.param=value,…] [TREE_B…]
 *   [--fp] (false-positive rows by typology) [--dump TYPE,TYPE] (the last tree's missed instances, row by row)
 *   [--newfp N] (N false-positive rows of the last tree that the first did not flag) [--trace ROW,ROW]
 * A tree is a source checkout (its packages/core is loaded); `@…` overrides default detector parameters.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as Core from '@raqib/core';
import { loadDataSet, loadTrees } from './ab-trees.ts';

const args = process.argv.slice(2);
const dumpIdx = args.indexOf('--dump');
const dumpTypes = dumpIdx >= 0 ? (args[dumpIdx + 1] ?? '').split(',') : [];
const fpReport = args.includes('--fp');
const traceIdx = args.indexOf('--trace');
const traceRows = new Set(traceIdx >= 0 ? (args[traceIdx + 1] ?? '').split(',').map(Number) : []);
const positional = args.filter(
  (a, i) =>
    !a.startsWith('--') &&
    (dumpIdx < 0 || i !== dumpIdx + 1) &&
    (traceIdx < 0 || i !== traceIdx + 1) &&
    !(args[i - 1] === '--newfp'),
);
const [dataDir, ...specs] = positional;
// TREE or TREE@detector.param=value,detector.param=value (config overrides for that run)
const trees = (specs ?? []).map((s) => s.split('@')[0]!);
const overrides = (specs ?? []).map((s) =>
  (s.split('@')[1] ?? '')
    .split(',')
    .filter((x) => x)
    .map((x) => {
      const [k, v] = x.split('=');
      const [det, param] = k!.split('.');
      return { det: det!, param: param!, value: Number(v) };
    }),
);
if (!dataDir || trees.length === 0) throw new Error('usage');

const { cores, formats } = await loadTrees(trees);
const core0 = cores[0]!;
const { transactions, banks, accounts, fxRates } = await loadDataSet(dataDir, core0, formats);
const maxRow = transactions.reduce((m, t) => Math.max(m, t.row), 0);
const label = new Uint8Array(maxRow + 1);
for (const tx of transactions) if (tx.label) label[tx.row] = 1;

// instance rows
const instances = await formats.readPatternsFile(join(dataDir, 'patterns.txt'));
const waiting = new Map<string, number[]>();
const rowsOf: number[][] = instances.map(() => []);
instances.forEach((inst, i) => {
  for (const tx of inst.transactions) {
    const k = formats.matchKey(tx);
    const l = waiting.get(k);
    if (l) l.push(i);
    else waiting.set(k, [i]);
  }
});
for (const tx of transactions) {
  const l = waiting.get(formats.matchKey(tx));
  if (l && l.length > 0) rowsOf[l.shift()!]!.push(tx.row);
}
const txByRow = new Map<number, Core.Transaction>();
for (const rows of rowsOf) for (const r of rows) txByRow.set(r, transactions[r]!);

interface Result {
  f1: number;
  fpRows: number;
  tp: number;
  alerts: number;
  found: boolean[];
  typ: Map<number, Set<string>>;
  score: Float32Array;
  fpByTyp: Map<string, number>;
}

function runOnce(core: typeof Core, ov: { det: string; param: string; value: number }[]): Result {
  const reference = {
    banks: new Map(banks.map((b) => [b.bankId, b])),
    accounts: new Map(accounts.map((a) => [core.accountKey(a.bankId, a.account), a])),
    fxRates,
  };
  const base = core.defaultMonitoringConfig();
  const detectors: Record<string, Core.DetectorConfig> = { ...base.detectors };
  for (const o of ov) {
    const d = detectors[o.det]!;
    detectors[o.det] = { ...d, params: { ...d.params, [o.param]: o.value } };
  }
  const config: Core.MonitoringConfig = { ...base, detectors };
  const score = new Float32Array(maxRow + 1);
  const typ = new Map<number, Set<string>>();
  const raise = (row: number, s: number, t: readonly string[]) => {
    if (row < 0) return;
    if (s > score[row]!) score[row] = s;
    if (t.length > 0) {
      let set = typ.get(row);
      if (!set) {
        set = new Set();
        typ.set(row, set);
      }
      for (const x of t) set.add(x);
    }
  };
  const monitor = core.createMonitor({
    config,
    reference,
    clock: { now: () => 0 },
    onScore: (row, _id, s, t) => raise(row, s, t),
  });
  let alerts = 0;
  for (const tx of transactions) {
    const a = monitor.process(tx);
    if (traceRows.has(tx.row)) process.stderr.write(`trace row ${tx.row}: ${JSON.stringify(a.findings)}\n`);
    if (a.score > 0) raise(tx.row, a.score, a.typologies);
  }
  alerts += monitor.drainAlerts().length;
  alerts += monitor.finish().length;
  // scores held as float32, compared as raqib scan compares them
  const flagAt = Math.fround(config.flagThreshold);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const fpByTyp = new Map<string, number>();
  for (let r = 0; r <= maxRow; r++) {
    const f = score[r]! >= flagAt;
    if (label[r]) {
      if (f) tp++;
      else fn++;
    } else if (f) {
      fp++;
      for (const t of typ.get(r) ?? []) fpByTyp.set(t, (fpByTyp.get(t) ?? 0) + 1);
    }
  }
  const p = tp / Math.max(1, tp + fp);
  const rc = tp / Math.max(1, tp + fn);
  const found = rowsOf.map((rows) => {
    let hit = 0;
    for (const r of rows) if (score[r]! >= flagAt) hit++;
    return rows.length > 0 && hit >= 0.5 * rows.length;
  });
  return { f1: (2 * p * rc) / (p + rc), fpRows: fp, tp, alerts, found, typ, score, fpByTyp };
}

const acctInfo = new Map(accounts.map((a) => [`${a.bankId}|${a.account}`, a]));
const bankInfo = new Map(banks.map((b) => [b.bankId, b]));
function describe(tx: Core.Transaction, r: Result): string {
  const a = acctInfo.get(`${tx.fromBank}|${tx.fromAccount}`) as unknown as
    | Record<string, unknown>
    | undefined;
  const b = acctInfo.get(`${tx.toBank}|${tx.toAccount}`) as unknown as Record<string, unknown> | undefined;
  const ca = (bankInfo.get(tx.fromBank) as unknown as Record<string, unknown> | undefined)?.country;
  const cb = (bankInfo.get(tx.toBank) as unknown as Record<string, unknown> | undefined)?.country;
  const d = new Date(tx.ts).toISOString().slice(5, 16);
  return `  row ${tx.row} ${d} ${tx.fromAccount}(${a?.entityType ?? '?'},${ca}) -> ${tx.toAccount}(${b?.entityType ?? '?'},${cb}) ${tx.amountPaid} ${tx.currencyPaid} fmt ${tx.paymentFormat} score ${r.score[tx.row]!.toFixed(2)} ${[...(r.typ.get(tx.row) ?? [])].join(';')}`;
}

const results: Result[] = [];
cores.forEach((core, t) => {
  results.push(runOnce(core, overrides[t]!));
});
const types = [...new Set(instances.map((i) => i.type))];
const out: string[] = [];
out.push(`data ${dataDir}: ${transactions.length} rows, ${label.reduce((s, x) => s + x, 0)} laundering`);
results.forEach((r, t) => {
  const per = types.map((ty) => {
    const idx = instances.map((x, i) => [x, i] as const).filter(([x]) => x.type === ty);
    return `${ty} ${idx.filter(([, i]) => r.found[i]).length}/${idx.length}`;
  });
  out.push(
    `${specs[t]}: F1 ${r.f1.toFixed(4)} fpRows ${r.fpRows} tp ${r.tp} alerts/1000 ${((r.alerts * 1000) / transactions.length).toFixed(3)}`,
  );
  out.push(`  ${per.join('  ')}`);
  if (fpReport) out.push(`  fp by typology: ${[...r.fpByTyp].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (t > 0) {
    const r0 = results[0]!;
    instances.forEach((inst, i) => {
      if (r.found[i] !== r0.found[i])
        out.push(
          `  ${r.found[i] ? 'GAINED' : 'LOST'} ${inst.type} line ${inst.line} (${rowsOf[i]!.length} rows)`,
        );
    });
  }
});
for (const ty of dumpTypes) {
  const r = results[results.length - 1]!;
  instances.forEach((inst, i) => {
    if (inst.type !== ty || r.found[i]) return;
    out.push(`MISS ${ty} line ${inst.line}`);
    for (const row of rowsOf[i]!.sort((a, b) => transactions[a]!.ts - transactions[b]!.ts))
      out.push(describe(transactions[row]!, r));
  });
}
const newFp = args.indexOf('--newfp');
if (newFp >= 0 && results.length > 1) {
  const r0 = results[0]!;
  const r = results[results.length - 1]!;
  let shown = 0;
  const limit = Number(args[newFp + 1] ?? 40);
  for (const tx of transactions) {
    if (label[tx.row] || r.score[tx.row]! < 0.5 || r0.score[tx.row]! >= 0.5) continue;
    out.push(`NEWFP${describe(tx, r)}`);
    if (++shown >= limit) break;
  }
}
process.stdout.write(`${out.join('\n')}\n`);
if (process.env.SAVE) await writeFile(process.env.SAVE, JSON.stringify(results.map((r) => r.found)));
