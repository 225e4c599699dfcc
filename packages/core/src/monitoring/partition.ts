import { accountKey, type Transaction } from '../model/transaction.ts';

/**
 * Partitioning of the monitoring work for scale-out (docs/decisions/0062-detection-and-merger.md).
 *
 * Every worker reads the whole stream once (the payer's copy of each payment) and keeps the whole window state,
 * which is cheap next to running the detectors. The detectors run for a transaction only on the worker that owns
 * the partition of its payer (account lane p), which writes the transaction's firings with its checkpoint. One
 * merger lane turns the firings, in stream order, into alerts. Every detector therefore judges a payment against
 * exactly the state one process would have, and the alerts equal the single-process scan for any partition
 * count and any spread of lanes over workers.
 */

/** Most partitions a stream may have: the subject token and the durable names stay short. */
export const MAX_PARTITIONS = 1024;

/** The lane that merges the account lanes' firings into alerts: exactly one worker runs it. */
export const MERGER_LANE = 'merger' as const;
export type Lane = number | typeof MERGER_LANE;

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

/** The account lane that judges a transaction: the partition of its payer. */
export function payerPartition(tx: Transaction, partitions: number): number {
  return partitionOf(accountKey(tx.fromBank, tx.fromAccount), partitions);
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

/** NATS subject of an account lane. */
export function partitionSubject(prefix: string, partition: number): string {
  return `${prefix}.${partition}`;
}
