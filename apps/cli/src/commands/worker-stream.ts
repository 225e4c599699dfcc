import { type Bus, type Lane, MAX_PARTITIONS, MERGER_LANE } from '@raqib/core';
import { CliError } from '../cli-error.ts';

/** The transaction stream that ingest writes and workers read. */
export interface TxStreamSpec {
  readonly name: string;
  /** Subjects are `<prefix>.<partition>.o`, the partition of the payer (`.i`, a payee's copy, is no longer written). */
  readonly subjectPrefix: string;
  readonly partitions: number;
}

export const DEFAULT_STREAM = 'RAQIB_TX';
export const DEFAULT_SUBJECT_PREFIX = 'raqib.tx';
export const DEFAULT_PARTITIONS = 8;

/**
 * Subject prefix of a stream: `raqib.tx` for the default stream; another stream gets its own prefix,
 * because JetStream refuses two streams whose subjects overlap.
 */
export function subjectPrefixFor(stream: string): string {
  return stream === DEFAULT_STREAM ? DEFAULT_SUBJECT_PREFIX : `raqib.tx-${stream.toLowerCase()}`;
}

/** Lane names as stored in checkpoints and leases: `p0`…, `merger`. */
export function laneName(lane: Lane): string {
  return lane === MERGER_LANE ? MERGER_LANE : `p${lane}`;
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
    await bus.ensureStream({
      name: spec.name,
      subjects: [`${spec.subjectPrefix}.*.*`],
      description: `raqib transactions; partitions=${spec.partitions}`,
      duplicateWindowMs: 10 * 60_000,
    });
  } catch (error) {
    throw new CliError(
      `stream ${spec.name} does not match (--partition-count ${spec.partitions}): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
