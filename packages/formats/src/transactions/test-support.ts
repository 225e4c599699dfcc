import { fileURLToPath } from 'node:url';
import type { Transaction } from '@raqib/core';
import type { Rejection, TxBatch } from './types.ts';

/** Absolute path of a file under the repository's fixtures/transactions. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../../../fixtures/transactions/${name}`, import.meta.url));
}

/** Drains a reader into one list of accepted and one of rejected records, counting the batches. */
export async function collect(
  batches: AsyncIterable<TxBatch>,
): Promise<{ accepted: Transaction[]; rejected: Rejection[]; batches: number }> {
  const accepted: Transaction[] = [];
  const rejected: Rejection[] = [];
  let n = 0;
  for await (const b of batches) {
    n++;
    accepted.push(...b.accepted);
    rejected.push(...b.rejected);
  }
  return { accepted, rejected, batches: n };
}
