import { describe, expect, it } from 'vitest';
import { fixedClock } from '../model/clock.ts';
import type { Firing, FiringEdge } from './firing.ts';
import { createInstanceMerger } from './monitor.ts';
import { D, H, T0 } from './testing/scenario.ts';

const edge = (id: number, from: string, to: string, ts: number): FiringEdge => ({
  txId: `t${id}`,
  row: id,
  from: `1|${from}`,
  to: `1|${to}`,
  minor: 150_000,
  currency: 'USD',
  ts,
  base: 1500,
});

const fanIn = (ts: number, watermark: number, evidence: FiringEdge[]): Firing => ({
  typology: 'FAN-IN',
  score: 0.7,
  anchor: '1|HUB',
  evidence,
  ts,
  watermark,
  findings: [{ detector: 'fan-in', version: '1.0.0', band: '.02', value: evidence.length, unit: 'payers' }],
});

/**
 * Two bursts of payments into one hub, `gap` apart, with an unrelated firing (another anchor) just before the
 * second burst: a merger that closed instances only when asked would close the first burst there or not at all.
 */
function firings(gap: number): Firing[] {
  const first = [0, 1, 2, 3].map((k) => edge(k, `P${k}`, 'HUB', T0 + k * H));
  const second = [4, 5, 6, 7].map((k) => edge(k, `Q${k}`, 'HUB', T0 + gap + k * H));
  const other = [edge(8, 'X', 'Y', T0 + gap)];
  return [
    fanIn(T0 + 3 * H, T0 + 3 * H, first),
    { ...fanIn(T0 + gap, T0 + gap, other), anchor: '1|Y' },
    fanIn(T0 + gap + 7 * H, T0 + gap + 7 * H, second),
  ];
}

function merge(fs: readonly Firing[], closeEvery: number | undefined): string[][] {
  const merger = createInstanceMerger({ clock: fixedClock(0) });
  fs.forEach((f, i) => {
    merger.record(f);
    if (closeEvery !== undefined && i % closeEvery === 0) merger.closeIdle(f.watermark - 2 * D - H);
  });
  merger.closeAll();
  return merger
    .drain()
    .map((a) => [...a.transactions])
    .sort();
}

describe('PatternInstances', () => {
  it('merges firings of one anchor within the merge gap and splits them beyond it, by event time only', () => {
    expect(merge(firings(D), undefined)).toEqual([['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7'], ['t8']]);
    // three days apart: the first instance is closed before the second burst's firing, even with no closeIdle call
    expect(merge(firings(3 * D), undefined)).toEqual([
      ['t0', 't1', 't2', 't3'],
      ['t4', 't5', 't6', 't7'],
      ['t8'],
    ]);
  });

  it('gives the same alerts however often idle instances are closed', () => {
    for (const gap of [D, 2 * D, 3 * D, 5 * D]) {
      const fs = firings(gap);
      expect(merge(fs, 1)).toEqual(merge(fs, undefined));
      expect(merge(fs, 2)).toEqual(merge(fs, undefined));
    }
  });

  it('refuses a firing of a typology it does not know', () => {
    const merger = createInstanceMerger({ clock: fixedClock(0) });
    expect(() => merger.record({ ...fanIn(T0, T0, []), typology: 'NO-SUCH' })).toThrow(
      /unknown typology "NO-SUCH"/,
    );
  });
});
