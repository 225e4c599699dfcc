import type { Alert } from '../model/alert.ts';
import { accountKey, type Transaction } from '../model/transaction.ts';

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
const MULTI_HOP: ReadonlySet<string> = new Set(MULTI_HOP_DETECTORS);

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

/** True when any finding that fired comes from a multi-hop detector. */
export function isMultiHopAlert(alert: Alert): boolean {
  return alert.findings.some((f) => f.band !== '.00' && MULTI_HOP.has(f.detector));
}

/**
 * The lane that owns an alert: the graph lane for multi-hop alerts, otherwise the partition of the account the
 * pattern is centred on (the monitor lists that anchor account first in `alert.accounts`).
 */
export function alertLane(alert: Alert, partitions: number): Lane {
  if (isMultiHopAlert(alert)) return GRAPH_LANE;
  const anchor = alert.accounts[0];
  if (!anchor) return GRAPH_LANE;
  return partitionOf(accountKey(anchor.bank, anchor.account), partitions);
}

/** NATS subject of an account lane. */
export function partitionSubject(prefix: string, partition: number): string {
  return `${prefix}.${partition}`;
}
