import type { Alert } from '../model/alert.ts';
import { accountKey, type Transaction } from '../model/transaction.ts';
import type { MonitoringConfig } from './config.ts';

/**
 * Partitioning of the monitoring work for scale-out (docs/decisions/0060-scale-out-lanes.md).
 *
 * The stream is split into *lanes*. Account lane `p` (0 ≤ p < P) receives every transaction that touches an
 * account whose key hashes to `p`, so it sees the complete history of its own accounts: alerts anchored on one of
 * them are exactly those a single process would raise. The graph lane receives every transaction once and keeps
 * only alerts that need more than one hop (cycles, scatter-gather, stacks, chains), which no account lane can see
 * whole. Each alert is therefore kept by exactly one lane.
 */

/** Most partitions a stream may have: the subject token and the durable names stay short. */
export const MAX_PARTITIONS = 1024;

/** Detectors whose measurement reads accounts other than the payer and the payee of the current payment. */
export const MULTI_HOP_DETECTORS = [
  'scatter-gather',
  'cycle',
  'layering-chain',
  'bipartite',
  'stack',
] as const;
/**
 * Detectors that run on the graph lane: the multi-hop ones, and fx-premium, whose yardstick (the median observed
 * rate of a currency pair) is learnt from every payment of the stream, not from one account's.
 */
export const GRAPH_LANE_DETECTORS = [...MULTI_HOP_DETECTORS, 'fx-premium'] as const;
const GRAPH_ONLY: ReadonlySet<string> = new Set(GRAPH_LANE_DETECTORS);

export const GRAPH_LANE = 'graph' as const;
export type Lane = number | typeof GRAPH_LANE;

/**
 * Partition of an account key: FNV-1a (32-bit) of the key, finished with murmur3's fmix32, modulo `partitions`.
 * The finisher matters: FNV-1a's low bits depend only on the low bits of the input, so without it a power-of-two
 * partition count splits keys badly. Stable across processes and releases: changing it re-homes every account, so
 * it is part of the stream's contract.
 */
export function partitionOf(key: string, partitions: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % partitions;
}

/** The account lanes a transaction goes to: the payer's first, then the payee's when it differs. */
export function transactionPartitions(tx: Transaction, partitions: number): readonly number[] {
  const from = partitionOf(accountKey(tx.fromBank, tx.fromAccount), partitions);
  const to = partitionOf(accountKey(tx.toBank, tx.toAccount), partitions);
  return from === to ? [from] : [from, to];
}

/**
 * Parses a partition list such as `0-3`, `5`, `0,2,4-6` against the stream's partition count.
 * Throws an Error that names the offending part.
 */
export function parsePartitionList(text: string, partitions: number): number[] {
  const out = new Set<number>();
  for (const rawPart of text.split(',')) {
    const part = rawPart.trim();
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) throw new Error(`partition list "${text}": "${part}" is not a number or a range like 0-3`);
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (hi < lo) throw new Error(`partition list "${text}": range ${part} runs backwards`);
    if (hi >= partitions) {
      throw new Error(
        `partition list "${text}": ${hi} is out of range (the stream has ${partitions}: 0-${partitions - 1})`,
      );
    }
    for (let p = lo; p <= hi; p++) out.add(p);
  }
  return [...out].sort((a, b) => a - b);
}

/** True when any finding that fired comes from a graph-lane detector. */
export function isGraphAlert(alert: Alert): boolean {
  return alert.findings.some((f) => f.band !== '.00' && GRAPH_ONLY.has(f.detector));
}

/**
 * The account a pattern is centred on, read from the alert itself: the account on most evidence edges (the hub
 * of a fan-out, fan-in, structuring…); on a tie, the payer of the earliest edge. A lane that saw only part of a
 * foreign hub's payments may raise a partial alert about it, and this is how such an alert is recognised as not
 * its own.
 */
export function alertHub(alert: Alert): string | undefined {
  const counts = new Map<string, number>();
  for (const e of alert.subgraph.edges) {
    counts.set(e.from, (counts.get(e.from) ?? 0) + 1);
    if (e.to !== e.from) counts.set(e.to, (counts.get(e.to) ?? 0) + 1);
  }
  let hub = alert.subgraph.edges[0]?.from;
  let best = hub === undefined ? 0 : (counts.get(hub) ?? 0);
  for (const [key, n] of counts) {
    if (n > best) {
      best = n;
      hub = key;
    }
  }
  return hub;
}

/**
 * The lane that owns an alert. With one partition the only lane runs the whole monitor and owns everything.
 * Otherwise alerts with a graph-lane finding belong to the graph lane, the rest to the partition of their hub.
 */
export function alertLane(alert: Alert, partitions: number): Lane {
  if (partitions === 1) return 0;
  if (isGraphAlert(alert)) return GRAPH_LANE;
  const hub = alertHub(alert);
  return hub === undefined ? GRAPH_LANE : partitionOf(hub, partitions);
}

/**
 * The monitoring configuration a lane runs: with one partition, the configuration unchanged (the lane is the
 * single-process monitor); on an account lane, without the graph-lane detectors; on the graph lane, only the
 * graph-lane detectors and those that share a typology with one (so that those typologies score as in one
 * process).
 */
export function laneConfig(config: MonitoringConfig, lane: Lane, partitions: number): MonitoringConfig {
  if (partitions === 1) return config;
  const keep = new Set<string>();
  if (lane === GRAPH_LANE) {
    for (const t of Object.values(config.typologies)) {
      const ids = Object.keys(t.weights);
      if (ids.some((id) => GRAPH_ONLY.has(id))) for (const id of ids) keep.add(id);
    }
  } else {
    for (const id of Object.keys(config.detectors)) if (!GRAPH_ONLY.has(id)) keep.add(id);
  }
  const detectors: Record<string, MonitoringConfig['detectors'][string]> = {};
  for (const [id, d] of Object.entries(config.detectors)) {
    detectors[id] = { ...d, enabled: d.enabled && keep.has(id) };
  }
  return { ...config, detectors };
}

/** NATS subject of an account lane. */
export function partitionSubject(prefix: string, partition: number): string {
  return `${prefix}.${partition}`;
}
