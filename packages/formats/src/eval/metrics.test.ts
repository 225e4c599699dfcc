import { describe, expect, it } from 'vitest';
import { alertsPerThousand, instanceFound, patternRecall, scores } from './metrics.ts';

describe('scores', () => {
  it('computes minority-class precision, recall and F1', () => {
    const s = scores({ tp: 3, fp: 1, fn: 2, tn: 94 });
    expect(s.precision).toBe(0.75);
    expect(s.recall).toBe(0.6);
    expect(s.f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35, 12);
  });
  it('gives precision 0 when nothing is flagged and recall null when nothing is positive', () => {
    expect(scores({ tp: 0, fp: 0, fn: 5, tn: 10 })).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(scores({ tp: 0, fp: 2, fn: 0, tn: 10 })).toEqual({ precision: 0, recall: null, f1: 0 });
  });
});

describe('patternRecall', () => {
  it('counts an instance as found at 50 % of its rows flagged, not below', () => {
    expect(instanceFound({ type: 'CYCLE', rows: 4, flagged: 2 })).toBe(true);
    expect(instanceFound({ type: 'CYCLE', rows: 5, flagged: 2 })).toBe(false);
    expect(instanceFound({ type: 'CYCLE', rows: 0, flagged: 0 })).toBe(false);
  });
  it('aggregates per type in the given order, with empty types as null recall', () => {
    const r = patternRecall(
      [
        { type: 'FAN-IN', rows: 10, flagged: 9 },
        { type: 'FAN-OUT', rows: 6, flagged: 1 },
        { type: 'FAN-OUT', rows: 4, flagged: 4 },
        { type: 'TF-EXODUS', rows: 3, flagged: 2 },
      ],
      ['FAN-OUT', 'FAN-IN', 'CYCLE'],
    );
    expect(r.map((p) => p.type)).toEqual(['FAN-OUT', 'FAN-IN', 'CYCLE', 'TF-EXODUS']);
    expect(r[0]).toEqual({ type: 'FAN-OUT', instances: 2, found: 1, rows: 10, rowsFlagged: 5, recall: 0.5 });
    expect(r[1]?.recall).toBe(1);
    expect(r[2]).toEqual({ type: 'CYCLE', instances: 0, found: 0, rows: 0, rowsFlagged: 0, recall: null });
    expect(r[3]?.recall).toBe(1);
  });
});

describe('alertsPerThousand', () => {
  it('scales alerts to 1,000 transactions', () => {
    expect(alertsPerThousand(6, 2000)).toBe(3);
    expect(alertsPerThousand(1, 0)).toBeNull();
  });
});
