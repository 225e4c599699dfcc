import { existsSync } from 'node:fs';
import { PATTERN_TYPES } from '@raqib/core';
import { readTransactions } from '../transactions/read-transactions.ts';
import { type AlertQuality, alertQuality, readAlertEvidence } from './alerts-file.ts';
import { checkFlagsFitData, type FlagsTable } from './flags-file.ts';
import {
  alertsPerThousand,
  type Confusion,
  type InstanceOutcome,
  type PatternRecall,
  patternRecall,
  type Scores,
  scores,
} from './metrics.ts';
import { matchKey, type PatternInstance, readPatternsFile } from './patterns-file.ts';

/** Pattern row references pack (instance, row in instance) into one number. */
const ROW_REF = 1 << 20;

export interface TransactionEval extends Scores {
  readonly mode: 'transactions';
  /** Data rows read (accepted + quarantined). */
  readonly rows: number;
  readonly quarantined: number;
  readonly positives: number;
  readonly flagged: number;
  readonly confusion: Confusion;
  /** Accepted rows with no line in flags.csv (counted as not flagged). */
  readonly unscored: number;
  readonly patterns: readonly PatternRecall[];
  /** Pattern rows that matched no data row (by their fields). */
  readonly unmatchedPatternRows: number;
  /**
   * Laundering rows in no pattern block (AMLworld's untyped, transitively labelled laundering) and how many of
   * them were flagged; null without a patterns file.
   */
  readonly untyped: {
    readonly rows: number;
    readonly flagged: number;
    readonly recall: number | null;
  } | null;
  readonly alerts: number | null;
  readonly alertsPerThousand: number | null;
  /** Alerts whose evidence holds at least one laundering row, overall and per typology; null without alerts. */
  readonly alertQuality: AlertQuality | null;
}

export interface AmlworldEvalInput {
  readonly transactions: string;
  /** patterns.txt; per-pattern recall is empty without it. */
  readonly patterns?: string | undefined;
  readonly flags: FlagsTable;
  /** alerts.jsonl; alert figures are null when absent. */
  readonly alerts?: string | undefined;
  readonly onBytes?: (read: number, total: number) => void;
}

/**
 * Transaction-level evaluation on labelled AMLworld-format data: minority-class precision/recall/F1 from
 * `Is Laundering`, per-pattern recall from the patterns file (each pattern row is matched to a data row by its
 * fields; duplicate rows pair up one to one), and alerts per 1,000 transactions.
 */
export async function evaluateAmlworld(input: AmlworldEvalInput): Promise<TransactionEval> {
  const instances: PatternInstance[] =
    input.patterns && existsSync(input.patterns) ? await readPatternsFile(input.patterns) : [];
  // key → pattern rows waiting for a data row; each data row satisfies at most one pattern row
  const waiting = new Map<string, number[]>();
  const rowOf: Int32Array[] = instances.map((inst) => new Int32Array(inst.transactions.length).fill(-1));
  instances.forEach((inst, i) => {
    inst.transactions.forEach((tx, j) => {
      const key = matchKey(tx);
      const list = waiting.get(key);
      const ref = i * ROW_REF + j;
      if (list) list.push(ref);
      else waiting.set(key, [ref]);
    });
  });
  const payers = new Set(instances.flatMap((inst) => inst.transactions.map((tx) => tx.fromAccount)));
  const { flagged, scored } = input.flags;
  let rows = 0;
  let quarantined = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let unscored = 0;
  let unlabelled = 0;
  // labels by row, kept for alert-level precision (one byte a row: 5 MB at 5M rows)
  let positive = new Uint8Array(1 << 16);
  for await (const batch of readTransactions(input.transactions, {
    format: 'amlworld',
    ...(input.onBytes ? { onBytes: input.onBytes } : {}),
  })) {
    rows += batch.accepted.length + batch.rejected.length;
    quarantined += batch.rejected.length;
    for (const tx of batch.accepted) {
      if (tx.label === undefined) unlabelled++;
      if (tx.label) {
        if (tx.row >= positive.length) {
          const grown = new Uint8Array(Math.max(tx.row + 1, positive.length * 2));
          grown.set(positive);
          positive = grown;
        }
        positive[tx.row] = 1;
      }
      const isFlagged = flagged[tx.row] === 1;
      if (scored[tx.row] !== 1) unscored++;
      if (tx.label) {
        if (isFlagged) tp++;
        else fn++;
      } else if (isFlagged) fp++;
      else tn++;
      // building a key per row is the costly part; most rows' payer is in no pattern at all
      if (waiting.size > 0 && payers.has(tx.fromAccount)) {
        const key = matchKey(tx);
        const list = waiting.get(key);
        if (list) {
          const ref = list.shift() ?? 0;
          if (list.length === 0) waiting.delete(key);
          const inst = rowOf[Math.floor(ref / ROW_REF)];
          if (inst) inst[ref % ROW_REF] = tx.row;
        }
      }
    }
  }
  checkFlagsFitData(input.flags, rows, input.transactions);
  if (rows > 0 && unlabelled === rows - quarantined) {
    throw new Error(
      `${input.transactions}: no "Is Laundering" column, so there is nothing to evaluate against`,
    );
  }
  let unmatched = 0;
  const outcomes: InstanceOutcome[] = instances.map((inst, i) => {
    let hit = 0;
    for (const row of rowOf[i] ?? []) {
      if (row < 0) unmatched++;
      else if (flagged[row] === 1) hit++;
    }
    return { type: inst.type, rows: inst.transactions.length, flagged: hit };
  });
  // positives that no pattern row claimed: untyped laundering
  for (const rowsOfInstance of rowOf)
    for (const row of rowsOfInstance) if (positive[row] === 1) positive[row] = 2;
  let untypedRows = 0;
  let untypedFlagged = 0;
  for (let row = 0; row < positive.length; row++) {
    if (positive[row] !== 1) continue;
    untypedRows++;
    if (flagged[row] === 1) untypedFlagged++;
  }
  const evidence = await readAlertEvidence(input.alerts ?? '');
  const confusion = { tp, fp, fn, tn };
  const total = rows - quarantined;
  return {
    mode: 'transactions',
    rows,
    quarantined,
    positives: tp + fn,
    flagged: tp + fp,
    confusion,
    ...scores(confusion),
    unscored,
    patterns: instances.length > 0 ? patternRecall(outcomes, PATTERN_TYPES) : [],
    unmatchedPatternRows: unmatched,
    untyped:
      instances.length === 0
        ? null
        : {
            rows: untypedRows,
            flagged: untypedFlagged,
            recall: untypedRows === 0 ? null : untypedFlagged / untypedRows,
          },
    alerts: evidence?.length ?? null,
    alertsPerThousand: evidence ? alertsPerThousand(evidence.length, total) : null,
    alertQuality: evidence ? alertQuality(evidence, (a) => a.rows.some((r) => (positive[r] ?? 0) > 0)) : null,
  };
}
