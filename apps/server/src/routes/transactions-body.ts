import { API_MAX_BATCH, parseTransactionRecord } from '@raqib/contracts';
import type { Transaction } from '@raqib/core';
import { ApiError } from '../errors.ts';
import { parsePacs008Body } from '../pacs008-body.ts';

/** Validates every record first and names each bad one; a batch with a bad record is refused whole. */
function readJsonBody(body: unknown): Transaction[] {
  const records: unknown[] =
    typeof body === 'object' && body !== null && 'transactions' in body
      ? ((body as { transactions: unknown }).transactions as unknown[])
      : [body];
  if (!Array.isArray(records) || records.length === 0) {
    throw new ApiError('VALIDATION', '"transactions" must be a non-empty array');
  }
  if (records.length > API_MAX_BATCH) {
    throw new ApiError(
      'VALIDATION',
      `at most ${API_MAX_BATCH} transactions per request (got ${records.length})`,
    );
  }
  const out: Transaction[] = [];
  const invalid: { index: number; id?: string; reason: string }[] = [];
  records.forEach((record, index) => {
    const parsed = parseTransactionRecord(record);
    if (parsed.ok) out.push({ ...parsed.record, row: -1 });
    else {
      const id = (record as { id?: unknown } | null)?.id;
      invalid.push({ index, ...(typeof id === 'string' ? { id } : {}), reason: parsed.reason });
    }
  });
  if (invalid.length > 0) {
    throw new ApiError(
      'INVALID_RECORDS',
      `${invalid.length} of ${records.length} transactions are invalid; none was processed`,
      invalid,
    );
  }
  return out;
}

/**
 * The transactions of a request body: pacs.008 XML (a string) or the JSON contract (one record or
 * `{ "transactions": [...] }`), at most API_MAX_BATCH; a batch with an invalid record is refused whole.
 */
export function readTransactionsBody(body: unknown): Transaction[] {
  if (typeof body !== 'string') return readJsonBody(body);
  const { transactions, invalid } = parsePacs008Body(body);
  if (invalid.length > 0) {
    throw new ApiError(
      'INVALID_RECORDS',
      `${invalid.length} CdtTrfTxInf elements are invalid; none was processed`,
      invalid,
    );
  }
  if (transactions.length > API_MAX_BATCH) {
    throw new ApiError('VALIDATION', `at most ${API_MAX_BATCH} transactions per request`);
  }
  return transactions;
}
