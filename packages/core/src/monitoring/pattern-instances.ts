import type { Alert, DetectorFinding, SubgraphEdge } from '../model/alert.ts';
import { stableId } from '../model/ids.ts';
import { parseAccountKey } from '../model/transaction.ts';
import { explainAlert } from './explain.ts';
import type { Firing, FiringEdge } from './firing.ts';
import type { TypologyDefinition } from './typologies.ts';

export interface InstanceContext {
  readonly typologies: readonly TypologyDefinition[];
  readonly maxEvidence: number;
  /** An instance no firing touched for this long in event time (merge gap + tolerated disorder) is closed. */
  readonly idleMs: number;
  readonly configVersion: string;
  readonly jurisdictionsVersion: string;
  readonly now: () => number;
}

/** One open pattern instance: evidence gathered so far, merged across firings and typologies. */
class PatternInstance {
  readonly edges: FiringEdge[] = [];
  readonly txIds = new Set<string>();
  readonly scores = new Map<number, number>();
  readonly findings = new Map<string, DetectorFinding>();
  readonly anchors = new Set<string>();
  first = Number.POSITIVE_INFINITY;
  last = Number.NEGATIVE_INFINITY;
  lastFired = Number.NEGATIVE_INFINITY;
  truncated = false;
}

/**
 * The instance merger: turns the stream of firings into alerts, one alert per pattern instance, not per
 * transaction. A firing joins the open instance of the same typology and anchor account, or any open instance
 * that already holds one of its evidence transactions (which merges the two): so a fan-out that also forms a
 * scatter-gather gives one alert with both typologies. An instance closes when, in event time, no firing touched
 * it for `idleMs`: judged against each firing's watermark before the firing is recorded, so the result depends
 * only on the sequence of firings, never on how often `closeIdle` is called (scale-out relies on that: 0062).
 */
export class PatternInstances {
  private readonly open = new Set<PatternInstance>();
  private readonly byAnchor = new Map<string, PatternInstance>();
  private readonly byTx = new Map<string, PatternInstance>();
  private readonly typologyIndex = new Map<string, number>();
  private completed: Alert[] = [];

  private readonly ctx: InstanceContext;

  constructor(ctx: InstanceContext) {
    this.ctx = ctx;
    ctx.typologies.forEach((t, i) => {
      this.typologyIndex.set(t.name, i);
    });
  }

  get openCount(): number {
    return this.open.size;
  }

  /** Records a firing (firings must come in stream order). Throws on a typology this merger does not know. */
  record(firing: Firing): void {
    const typology = this.typologyIndex.get(firing.typology);
    if (typology === undefined) throw new Error(`firing of unknown typology "${firing.typology}"`);
    this.closeIdle(firing.watermark - this.ctx.idleMs);
    const evidence = firing.evidence;
    const key = firing.anchor === undefined ? undefined : `${typology}#${firing.anchor}`;
    let inst = key === undefined ? undefined : this.byAnchor.get(key);
    for (const e of evidence) {
      const other = this.byTx.get(e.txId);
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
    if (key !== undefined) {
      this.byAnchor.set(key, inst);
      inst.anchors.add(key);
    }
    inst.scores.set(typology, Math.max(inst.scores.get(typology) ?? 0, firing.score));
    for (const f of firing.findings) {
      const prev = inst.findings.get(f.detector);
      if (prev === undefined || f.value > prev.value) inst.findings.set(f.detector, f);
    }
    inst.lastFired = Math.max(inst.lastFired, firing.ts);
    for (const e of evidence) {
      if (inst.txIds.has(e.txId)) continue;
      if (inst.edges.length >= this.ctx.maxEvidence) {
        inst.truncated = true;
        break;
      }
      inst.txIds.add(e.txId);
      this.byTx.set(e.txId, inst);
      inst.edges.push(e);
      if (e.ts < inst.first) inst.first = e.ts;
      if (e.ts > inst.last) inst.last = e.ts;
    }
  }

  private merge(a: PatternInstance, b: PatternInstance): PatternInstance {
    const [big, small] = a.edges.length >= b.edges.length ? [a, b] : [b, a];
    for (const e of small.edges) {
      if (big.txIds.has(e.txId)) continue;
      big.txIds.add(e.txId);
      big.edges.push(e);
      this.byTx.set(e.txId, big);
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

  /**
   * Closes instances last touched before `before` (event time). Safe at any moment with any `before` up to the
   * current watermark minus `idleMs`: the watermark only grows, so the next firing would close them anyway.
   */
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
    for (const s of inst.txIds) if (this.byTx.get(s) === inst) this.byTx.delete(s);
    if (inst.edges.length === 0) return;
    this.completed.push(this.toAlert(inst));
  }

  private toAlert(inst: PatternInstance): Alert {
    const { typologies } = this.ctx;
    const ranked = [...inst.scores].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const names = ranked.map(([t]) => typologies[t]!.name);
    const score = ranked[0]?.[1] ?? 0;
    inst.edges.sort((x, y) => x.ts - y.ts || x.row - y.row);
    const nodes = new Set<string>();
    const edges: SubgraphEdge[] = [];
    let total = 0;
    for (const e of inst.edges) {
      nodes.add(e.from);
      nodes.add(e.to);
      total += e.base;
      edges.push({ txId: e.txId, from: e.from, to: e.to, amount: e.minor, currency: e.currency, ts: e.ts });
    }
    const nodeKeys = [...nodes];
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
