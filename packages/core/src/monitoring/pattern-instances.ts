import type { Alert, DetectorFinding, SubgraphEdge } from '../model/alert.ts';
import { stableId } from '../model/ids.ts';
import { parseAccountKey } from '../model/transaction.ts';
import { explainAlert } from './explain.ts';
import type { CurrencyTable } from './fx-reference.ts';
import type { AccountTable, TxRing } from './state.ts';
import type { TypologyDefinition } from './typologies.ts';

interface EdgeRec {
  readonly seq: number;
  readonly txId: string;
  readonly row: number;
  readonly from: number;
  readonly to: number;
  readonly minor: number;
  readonly cur: number;
  readonly ts: number;
  readonly base: number;
}

export interface InstanceContext {
  readonly acc: AccountTable;
  readonly ring: TxRing;
  readonly fx: CurrencyTable;
  readonly typologies: readonly TypologyDefinition[];
  readonly maxEvidence: number;
  readonly configVersion: string;
  readonly jurisdictionsVersion: string;
  readonly now: () => number;
}

/** One open pattern instance: evidence gathered so far, merged across firings and typologies. */
class PatternInstance {
  readonly edges: EdgeRec[] = [];
  readonly seqs = new Set<number>();
  readonly scores = new Map<number, number>();
  readonly findings = new Map<string, DetectorFinding>();
  readonly anchors = new Set<number>();
  first = Number.POSITIVE_INFINITY;
  last = Number.NEGATIVE_INFINITY;
  lastFired = Number.NEGATIVE_INFINITY;
  truncated = false;
}

/**
 * Keeps the open pattern instances and closes them into alerts: one alert per instance, not per transaction.
 * A firing joins the open instance of the same typology and anchor account, or any open instance that already
 * holds one of its evidence transactions (which merges the two): so a fan-out that also forms a scatter-gather
 * gives one alert with both typologies. An instance closes when no firing touched it for the merge gap.
 */
export class PatternInstances {
  private readonly open = new Set<PatternInstance>();
  private readonly byAnchor = new Map<number, PatternInstance>();
  private readonly bySeq = new Map<number, PatternInstance>();
  private completed: Alert[] = [];

  private readonly ctx: InstanceContext;

  constructor(ctx: InstanceContext) {
    this.ctx = ctx;
  }

  get openCount(): number {
    return this.open.size;
  }

  /** Records a typology firing at event time `ts` with evidence sequences evidence[0..n). */
  record(
    typology: number,
    score: number,
    anchor: number,
    evidence: Int32Array,
    n: number,
    ts: number,
    findings: readonly DetectorFinding[],
  ): void {
    const key = anchor * 64 + typology;
    let inst = anchor >= 0 ? this.byAnchor.get(key) : undefined;
    for (let k = 0; k < n; k++) {
      const other = this.bySeq.get(evidence[k]!);
      if (other === undefined || other === inst) continue;
      // Merging stops at the evidence cap: otherwise overlapping instances snowball into one alert that swallows
      // a whole busy neighbourhood (seen on AMLSim data with low materiality: one alert of 8,490 transactions).
      if (inst !== undefined && inst.edges.length + other.edges.length > this.ctx.maxEvidence) {
        inst.truncated = true;
        continue;
      }
      inst = inst === undefined ? other : this.merge(inst, other);
    }
    if (inst === undefined) {
      inst = new PatternInstance();
      this.open.add(inst);
    }
    if (anchor >= 0) {
      this.byAnchor.set(key, inst);
      inst.anchors.add(key);
    }
    inst.scores.set(typology, Math.max(inst.scores.get(typology) ?? 0, score));
    for (const f of findings) {
      const prev = inst.findings.get(f.detector);
      if (prev === undefined || f.value > prev.value) inst.findings.set(f.detector, f);
    }
    inst.lastFired = Math.max(inst.lastFired, ts);
    const { ring } = this.ctx;
    for (let k = 0; k < n; k++) {
      const seq = evidence[k]!;
      if (inst.seqs.has(seq) || !ring.live(seq)) continue;
      if (inst.edges.length >= this.ctx.maxEvidence) {
        inst.truncated = true;
        break;
      }
      const i = seq & ring.mask;
      const t = ring.ts[i]!;
      inst.seqs.add(seq);
      this.bySeq.set(seq, inst);
      inst.edges.push({
        seq,
        txId: ring.idOf(i),
        row: ring.row[i]!,
        from: ring.from[i]!,
        to: ring.to[i]!,
        minor: ring.paid[i]!,
        cur: ring.paidCur[i]!,
        ts: t,
        base: ring.base[i]!,
      });
      if (t < inst.first) inst.first = t;
      if (t > inst.last) inst.last = t;
    }
  }

  private merge(a: PatternInstance, b: PatternInstance): PatternInstance {
    const [big, small] = a.edges.length >= b.edges.length ? [a, b] : [b, a];
    for (const e of small.edges) {
      if (big.seqs.has(e.seq)) continue;
      big.seqs.add(e.seq);
      big.edges.push(e);
      this.bySeq.set(e.seq, big);
    }
    for (const [t, s] of small.scores) big.scores.set(t, Math.max(big.scores.get(t) ?? 0, s));
    for (const [d, f] of small.findings) {
      const prev = big.findings.get(d);
      if (prev === undefined || f.value > prev.value) big.findings.set(d, f);
    }
    for (const k of small.anchors) {
      big.anchors.add(k);
      this.byAnchor.set(k, big);
    }
    big.first = Math.min(big.first, small.first);
    big.last = Math.max(big.last, small.last);
    big.lastFired = Math.max(big.lastFired, small.lastFired);
    big.truncated ||= small.truncated;
    this.open.delete(small);
    return big;
  }

  /** Closes instances not touched since `before` (event time). */
  closeIdle(before: number): void {
    for (const inst of this.open) if (inst.lastFired < before) this.close(inst);
  }

  closeAll(): void {
    for (const inst of this.open) this.close(inst);
  }

  drain(): Alert[] {
    const out = this.completed;
    this.completed = [];
    return out;
  }

  private close(inst: PatternInstance): void {
    this.open.delete(inst);
    for (const k of inst.anchors) if (this.byAnchor.get(k) === inst) this.byAnchor.delete(k);
    for (const s of inst.seqs) if (this.bySeq.get(s) === inst) this.bySeq.delete(s);
    if (inst.edges.length === 0) return;
    this.completed.push(this.toAlert(inst));
  }

  private toAlert(inst: PatternInstance): Alert {
    const { acc, fx, typologies } = this.ctx;
    const ranked = [...inst.scores].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const names = ranked.map(([t]) => typologies[t]!.name);
    const score = ranked[0]?.[1] ?? 0;
    inst.edges.sort((x, y) => x.ts - y.ts || x.row - y.row);
    const nodes = new Set<number>();
    const edges: SubgraphEdge[] = [];
    let total = 0;
    for (const e of inst.edges) {
      nodes.add(e.from);
      nodes.add(e.to);
      total += e.base;
      edges.push({
        txId: e.txId,
        from: acc.keys[e.from]!,
        to: acc.keys[e.to]!,
        amount: e.minor,
        currency: fx.codes[e.cur] ?? 'USD',
        ts: e.ts,
      });
    }
    const nodeKeys = [...nodes].map((n) => acc.keys[n]!);
    const txIds = inst.edges.map((e) => e.txId);
    const primary = typologies[ranked[0]?.[0] ?? 0]!;
    const findings = [...inst.findings.values()];
    return {
      id: stableId('mon', [names.slice().sort().join(';'), ...txIds]),
      source: 'monitoring',
      typologies: names,
      score,
      accounts: nodeKeys.map(parseAccountKey),
      transactions: txIds,
      rows: inst.edges.map((e) => e.row),
      subgraph: { nodes: nodeKeys, edges },
      start: inst.first,
      end: inst.last,
      explanation: explainAlert({
        primary,
        others: ranked.slice(1).map(([t]) => typologies[t]!),
        accounts: nodeKeys.length,
        transactions: txIds.length,
        totalUsd: total,
        start: inst.first,
        end: inst.last,
        findings,
        truncated: inst.truncated,
      }),
      findings,
      configVersion: this.ctx.configVersion,
      createdAt: this.ctx.now(),
      status: 'new',
      details: { jurisdictions: this.ctx.jurisdictionsVersion },
    };
  }
}
