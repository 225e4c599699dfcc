import { DAY, type Detector, HOUR } from '../detector.ts';
import { CREDITS, FORMAT_EPOCH_MS } from '../state.ts';
import type { TxRing } from '../tx-ring.ts';

export type ScatterGatherParams = {
  readonly windowMs: number;
  readonly maxScanTarget: number;
  readonly maxScanMiddle: number;
  readonly maxMiddleDegree: number;
  readonly hopMinRatio: number;
  readonly hopMaxRatio: number;
  readonly minBase: number;
};

// Scratch: the candidate middles of one evaluation, their leg's time and amount (maxScanTarget ≤ 1024).
const MIDDLE = new Int32Array(1024);
const MIDDLE_TS = new Float64Array(1024);
const MIDDLE_BASE = new Float64Array(1024);

/**
 * The source of a hop, or -1: the payer of m's credit at slot j (made at `at`, already read) when that credit came
 * before `ts` in the same format and m forwards about it (`forwarded` ÷ received in the hop range), from neither t nor m itself. One test for the
 * current leg's own hop and for every middle's, so that the two cannot drift apart.
 */
function hopSource(
  ring: TxRing,
  j: number,
  at: number,
  ts: number,
  format: number,
  forwarded: number,
  p: ScatterGatherParams,
  t: number,
  m: number,
): number {
  if (at > ts || ring.format(j) !== format) return -1;
  const rb = ring.base(j);
  if (rb < forwarded / p.hopMaxRatio || rb > forwarded / p.hopMinRatio) return -1;
  const src = ring.from(j);
  return src === t || src === m ? -1 : src;
}

/**
 * Detector 4, SCATTER-GATHER: a source s pays intermediaries m1…mk which each pay the same target t, within the
 * window and in time order. Evaluated on each credit of t that is itself a hop (its payer was paid, before, about
 * what it forwards: v1.1.0): a two-hop backward walk, bounded by the scan limits, so its cost depends only on t's
 * and its payers' recent degree. The value is the number of intermediaries the best source shares with t.
 */
export const scatterGatherDetector: Detector<ScatterGatherParams> = {
  id: 'scatter-gather',
  number: 4,
  version: '1.1.0',
  title: 'Scatter-gather',
  unit: 'intermediaries',
  configSchema: {
    minBase: {
      default: 300,
      min: 0,
      max: 1e9,
      unit: 'USD',
      description:
        'smaller legs are ignored (materiality; low because the split-and-rejoin shape itself is the red flag)',
    },
    windowMs: { default: 8 * DAY, min: HOUR, max: 30 * DAY, unit: 'ms', description: 'sliding window' },
    maxScanTarget: {
      default: 32,
      min: 2,
      max: 1024,
      unit: 'transactions',
      description: 'credits of t examined',
    },
    maxScanMiddle: { default: 8, min: 1, max: 256, unit: 'transactions', description: 'credits per middle' },
    maxMiddleDegree: {
      default: 100,
      min: 1,
      max: 100_000,
      unit: 'transactions',
      description:
        'intermediaries with more lifetime credits than this are ignored (shops, platforms); ordinary firms and busy people can be middles, and the busy-rate limit still applies',
    },
    hopMinRatio: {
      default: 0.8,
      min: 0,
      max: 1,
      unit: 'ratio',
      description: 'forwarded ÷ received, lower bound',
    },
    hopMaxRatio: {
      default: 1.02,
      min: 1,
      max: 10,
      unit: 'ratio',
      description: 'forwarded ÷ received, upper bound',
    },
  },
  bands: [3, 4, 6],
  evaluate(ctx, p) {
    const { acc, ring } = ctx;
    const t = ctx.to;
    const m0 = ctx.from;
    if (t === m0 || ctx.base < p.minBase || acc.rate(t, ctx.ts) > ctx.busyRate) return 0;
    // Middles pay t in the current leg's format: with no other credit of it in the window, m0 is the only one.
    if (p.windowMs <= FORMAT_EPOCH_MS && !acc.mayHaveFormat(t, CREDITS, ctx.format, ctx.ts)) return 0;
    const minSeq = ring.minSeq();
    const mask = ring.mask;
    const cutoff = ctx.ts - p.windowMs;
    // Cheap trigger: the middle of this leg must itself have been paid inside the window.
    const li = acc.lastIn(m0);
    if (li < minSeq || ring.ts(li & mask) < cutoff) return 0;
    const fmt = ctx.format;
    // The current leg must be a hop of the pattern: m0 was paid, before this leg, an amount it forwards here (a
    // candidate source). Without one the leg is no part of a scatter-gather, whatever t's other credits show.
    let hop = false;
    let inner0 = 0;
    for (let r = li; r >= minSeq && inner0 < p.maxScanMiddle; r = ring.prevIn(r & mask)) {
      const j = r & mask;
      const tr = ring.ts(j);
      if (tr < cutoff) break;
      inner0++;
      if (hopSource(ring, j, tr, ctx.ts, fmt, ctx.base, p, t, m0) < 0) continue;
      hop = true;
      break;
    }
    if (!hop) return 0;
    const epoch = acc.nextEpoch();
    let middles = 0;
    let scanned = 0;
    for (let s = acc.lastIn(t); s >= minSeq && scanned < p.maxScanTarget; s = ring.prevIn(s & mask)) {
      const i = s & mask;
      const ts = ring.ts(i);
      if (ts < cutoff) break;
      scanned++;
      const m = ring.from(i);
      const ob = ring.base(i);
      // the slot's own fields first (its cache line is loaded); the middle's state is another memory access
      if (m === t || ring.format(i) !== fmt || ob < p.minBase || acc.stamp2[m] === epoch) continue;
      acc.stamp2[m] = epoch;
      if (acc.inCount(m) > p.maxMiddleDegree || acc.rate(m, ctx.ts) > ctx.busyRate) continue;
      MIDDLE[middles] = m;
      MIDDLE_TS[middles] = ts;
      MIDDLE_BASE[middles] = ob;
      middles++;
    }
    // A source shared by fewer than two middles is no pattern, and the value (the best source's middles) must reach
    // the bands' floor to count: with fewer candidate middles, walk nobody's credits.
    const need = Math.max(2, ctx.floor);
    if (middles < need) return 0;
    let best = 0;
    let bestSource = -1;
    for (let k = 0; k < middles; k++) {
      // Each middle adds at most one to a source's count: once even the best source cannot reach the floor with
      // every middle left, the value stays below it (band .00): skip the remaining walks (most middles have no
      // matching credit at all).
      if (best + (middles - k) < need) return 0;
      const m = MIDDLE[k]!;
      const ts = MIDDLE_TS[k]!;
      const ob = MIDDLE_BASE[k]!;
      let inner = 0;
      for (let r = acc.lastIn(m); r >= minSeq && inner < p.maxScanMiddle; r = ring.prevIn(r & mask)) {
        const j = r & mask;
        const tr = ring.ts(j);
        if (tr < cutoff) break;
        inner++;
        const src = hopSource(ring, j, tr, ts, fmt, ob, p, t, m);
        if (src < 0) continue;
        if (acc.stamp[src] !== epoch) {
          acc.stamp[src] = epoch;
          acc.counter[src] = 0;
          acc.counter2[src] = -1;
        }
        if (acc.counter2[src] === m) continue; // count each middle once per source
        acc.counter2[src] = m;
        const c = ++acc.counter[src]!;
        if (c > best) {
          best = c;
          bestSource = src;
        }
      }
    }
    if (best < need) return 0;
    // Second pass: collect the evidence of the best source only.
    const epoch2 = acc.nextEpoch();
    scanned = 0;
    for (let s = acc.lastIn(t); s >= minSeq && scanned < p.maxScanTarget; s = ring.prevIn(s & mask)) {
      const i = s & mask;
      const ts = ring.ts(i);
      if (ts < cutoff) break;
      scanned++;
      const m = ring.from(i);
      const ob = ring.base(i);
      if (ring.format(i) !== fmt) continue;
      let inner = 0;
      let linked = false;
      for (let r = acc.lastIn(m); r >= minSeq && inner < p.maxScanMiddle; r = ring.prevIn(r & mask)) {
        const j = r & mask;
        const tr = ring.ts(j);
        if (tr < cutoff) break;
        inner++;
        const rb = ring.base(j);
        if (
          tr <= ts &&
          ring.from(j) === bestSource &&
          ring.format(j) === fmt &&
          rb >= ob / p.hopMaxRatio &&
          rb <= ob / p.hopMinRatio
        ) {
          linked = true;
          if (acc.stamp[m] !== epoch2) ctx.add(r);
        }
      }
      if (linked) {
        acc.stamp[m] = epoch2;
        ctx.add(s);
      }
    }
    ctx.anchor = t;
    return best;
  },
};
