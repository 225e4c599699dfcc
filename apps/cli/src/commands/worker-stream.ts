import {
  type Bus,
  type Lane,
  MAX_PARTITIONS,
  MERGER_LANE,
  subjectPrefixFor,
  type TxStreamSpec,
  txStreamConfig,
  txSubject,
} from '@raqib/core';
import { CliError } from '../cli-error.ts';

export {
  DEFAULT_PARTITIONS,
  DEFAULT_STREAM,
  DEFAULT_SUBJECT_PREFIX,
  subjectPrefixFor,
  type TxStreamSpec,
} from '@raqib/core';

/** Lane names as stored in checkpoints and leases: `p0`…, `merger`. */
export function laneName(lane: Lane): string {
  return lane === MERGER_LANE ? MERGER_LANE : `p${lane}`;
}

/** The stream named by `--stream` and `--partition-count`, as ingest, serve and the workers all read it. */
export function txStreamFromFlags(name: string, partitionCount: string): TxStreamSpec {
  return { name, subjectPrefix: subjectPrefixFor(name), partitions: parsePartitionCount(partitionCount) };
}

export function parsePartitionCount(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PARTITIONS) {
    throw new CliError(`--partition-count must be an integer from 1 to ${MAX_PARTITIONS}, not "${text}"`);
  }
  return n;
}

/** Creates the stream, or checks that the existing one has the same partition count. */
export async function ensureTxStream(bus: Bus, spec: TxStreamSpec): Promise<void> {
  try {
    await bus.ensureStream(txStreamConfig(spec));
  } catch (error) {
    throw new CliError(
      `stream ${spec.name} does not match (--partition-count ${spec.partitions}): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * The position of the stream's last payment message: the highest last position of the partitions' subjects, 0 for
 * an empty stream. A reader at or past it has read every payment the stream holds: a `.o` message on a subject that
 * names no partition is rejected by every lane, whatever its kind, and other subjects are never read. Exact, where a
 * consumer's pending count can miss a message in flight.
 */
export async function streamEnd(bus: Bus, spec: TxStreamSpec): Promise<number> {
  const lasts = await Promise.all(
    Array.from({ length: spec.partitions }, (_, p) => bus.lastSeq(spec.name, txSubject(spec, p))),
  );
  return Math.max(0, ...lasts);
}
