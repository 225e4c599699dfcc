import type { Transaction } from '@raqib/core';
import { parsePacs008Text } from '@raqib/formats';
import { ApiError } from './errors.ts';

export interface Pacs008Problem {
  readonly index: number;
  readonly element: string;
  readonly line: number;
  readonly reason: string;
}

/**
 * Reads the credit transfers of a pacs.008 request body with the formats package's reader (the same mapping and
 * rejections as `raqib scan`). That reader refuses any DOCTYPE or ENTITY declaration and parses with entity
 * processing off, so no external entity is fetched and no entity is expanded; such a body is XML_REJECTED.
 */
export function parsePacs008Body(xml: string): { transactions: Transaction[]; invalid: Pacs008Problem[] } {
  let batch: ReturnType<typeof parsePacs008Text>;
  try {
    batch = parsePacs008Text(xml, 'request body');
  } catch (error) {
    throw new ApiError('XML_REJECTED', error instanceof Error ? error.message : String(error));
  }
  if (batch.accepted.length === 0 && batch.rejected.length === 0) {
    throw new ApiError('XML_REJECTED', 'request body: the pacs.008 message holds no CdtTrfTxInf');
  }
  return {
    transactions: batch.accepted.map((tx) => ({ ...tx, row: -1 })),
    invalid: batch.rejected.map((r) => ({
      index: r.row,
      element: `CdtTrfTxInf[${r.row}]`,
      line: r.line,
      reason: r.reason,
    })),
  };
}
