import type { Transaction } from '@raqib/core';

/** The transaction file formats raqib reads. */
export const TRANSACTION_FORMATS = ['amlworld', 'jsonl', 'pacs008', 'amlsim'] as const;
export type TransactionFormat = (typeof TRANSACTION_FORMATS)[number];

export function isTransactionFormat(value: string): value is TransactionFormat {
  return (TRANSACTION_FORMATS as readonly string[]).includes(value);
}

/** A record that could not be turned into a transaction, with where it was and why. */
export interface Rejection {
  /** 1-based line number in the file (for XML: the line where the record starts). */
  readonly line: number;
  /** 0-based data-row index (header excluded; for XML the index of the CdtTrfTxInf in the file). */
  readonly row: number;
  readonly reason: string;
  /** The record as it appeared in the file (truncated to a few KiB). */
  readonly raw: string;
}

export interface TxBatch {
  readonly accepted: readonly Transaction[];
  readonly rejected: readonly Rejection[];
}

export interface ReadOptions {
  /** Detected from the extension/content when absent. */
  readonly format?: TransactionFormat;
  /** Records (accepted + rejected) per batch; default 4096. */
  readonly batchSize?: number;
  /** AMLSim: epoch ms of step 0 (default 2022-09-01T00:00Z). */
  readonly startTime?: number;
  readonly signal?: AbortSignal;
  /** Progress: bytes consumed so far and the file size. */
  readonly onBytes?: (bytesRead: number, totalBytes: number) => void;
}

export const DEFAULT_BATCH_SIZE = 4096;
/** AMLSim step 0: the first day of AMLworld's HI-Small period, so both kinds of data share a calendar. */
export const DEFAULT_AMLSIM_START = Date.UTC(2022, 8, 1);
/** Longest raw text kept in a rejection, so a quarantine file cannot balloon on one huge bad record. */
export const MAX_RAW_LENGTH = 4096;

export function clipRaw(raw: string): string {
  return raw.length <= MAX_RAW_LENGTH ? raw : `${raw.slice(0, MAX_RAW_LENGTH)}…`;
}
