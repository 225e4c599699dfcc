import { z } from 'zod';
import { transactionContract } from './transaction.ts';

/** Most transactions one request may carry; larger loads go through files (`raqib scan`) or the bus. */
export const API_MAX_BATCH = 1000;

/** `POST /v1/transactions` (JSON): one transaction, or `{ transactions: [...] }`. */
export const apiTransactionBatch = z.object({
  transactions: z
    .array(z.unknown())
    .min(1, 'empty batch')
    .max(API_MAX_BATCH, `at most ${API_MAX_BATCH} per request`),
});

/** What the documentation shows for the body (validation goes record by record, to name each bad record). */
export const apiTransactionsBody = z.union([
  transactionContract,
  z.object({ transactions: z.array(transactionContract).min(1).max(API_MAX_BATCH) }),
]);

export const apiDetectorResult = z.object({
  detector: z.string(),
  version: z.string(),
  band: z.string(),
  value: z.number(),
  unit: z.string(),
  detail: z.string().optional(),
});

export const apiTransactionResult = z.object({
  id: z.string(),
  score: z.number(),
  flag: z.boolean(),
  typologies: z.array(z.string()),
  detectors: z.array(apiDetectorResult),
  alertIds: z.array(z.string()),
  /** The id was received before: the first assessment is returned and the transaction is not scored again. */
  duplicate: z.boolean().optional(),
});
export type ApiTransactionResult = z.infer<typeof apiTransactionResult>;
