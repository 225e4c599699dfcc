/**
 * The arithmetic of `raqib eval`, kept pure so it can be checked by hand. Conventions: the positive class is
 * laundering (AMLworld's minority-class measure); precision is 0 when nothing was flagged, recall is null when
 * there is nothing to find, F1 is 0 when precision + recall is 0.
 */
export interface Confusion {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
}

export interface Scores {
  readonly precision: number;
  readonly recall: number | null;
  readonly f1: number;
}

export function scores(c: Confusion): Scores {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn);
  const r = recall ?? 0;
  const f1 = precision + r === 0 ? 0 : (2 * precision * r) / (precision + r);
  return { precision, recall, f1 };
}

/** Share of an instance's rows that must be flagged for the instance to count as found. */
export const FOUND_SHARE = 0.5;

export interface InstanceOutcome {
  readonly type: string;
  /** Rows of the instance (pattern lines), matched to data or not. */
  readonly rows: number;
  readonly flagged: number;
}

export interface PatternRecall {
  readonly type: string;
  readonly instances: number;
  readonly found: number;
  readonly recall: number | null;
  readonly rows: number;
  readonly rowsFlagged: number;
}

export function instanceFound(o: InstanceOutcome): boolean {
  return o.rows > 0 && o.flagged >= FOUND_SHARE * o.rows;
}

/** Per-type recall over instances, types in first-seen order (or `order` first when given). */
export function patternRecall(
  outcomes: readonly InstanceOutcome[],
  order: readonly string[] = [],
): PatternRecall[] {
  const by = new Map<string, { instances: number; found: number; rows: number; rowsFlagged: number }>();
  for (const t of order) by.set(t, { instances: 0, found: 0, rows: 0, rowsFlagged: 0 });
  for (const o of outcomes) {
    let s = by.get(o.type);
    if (!s) {
      s = { instances: 0, found: 0, rows: 0, rowsFlagged: 0 };
      by.set(o.type, s);
    }
    s.instances++;
    if (instanceFound(o)) s.found++;
    s.rows += o.rows;
    s.rowsFlagged += o.flagged;
  }
  return [...by].map(([type, s]) => ({
    type,
    ...s,
    recall: s.instances === 0 ? null : s.found / s.instances,
  }));
}

/** Alerts per 1,000 transactions; null when there were no transactions. */
export function alertsPerThousand(alerts: number, transactions: number): number | null {
  return transactions === 0 ? null : (alerts * 1000) / transactions;
}
