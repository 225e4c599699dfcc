import {
  type Bus,
  type Lane,
  MAX_PARTITIONS,
  MERGER_LANE,
  subjectPrefixFor,
  type TxStreamSpec,
  txStreamConfig,
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
