import type { Detector } from '../detector.ts';
import { lastBipartite } from './bipartite.ts';

export type StackParams = {
  readonly maxScan: number;
  readonly windowMs: number;
};

/**
 * Detector 8, STACK: a bipartite layer whose payers were themselves paid, inside the window, by a shared set of
 * upstream payers (≥ 2 upstream accounts each paying ≥ 2 of them): two stacked bipartite layers. Runs right after
 * the bipartite detector and reuses its payer set, so it costs nothing when no bipartite layer was found.
 * The value is the number of upstream edges.
 */
export const stackDetector: Detector<StackParams> = {
  id: 'stack',
  number: 8,
  version: '1.0.0',
  title: 'Stack (two bipartite layers)',
  unit: 'upstream edges',
  configSchema: {
    maxScan: {
      default: 16,
      min: 2,
      max: 256,
      unit: 'transactions',
      description: 'credits examined per payer',
    },
    windowMs: {
      default: 8 * 86_400_000,
      min: 3_600_000,
      max: 30 * 86_400_000,
      unit: 'ms',
      description: 'window',
    },
  },
  bands: [4, 6, 9],
  evaluate(ctx, p) {
    if (lastBipartite.seq !== ctx.seq || lastBipartite.count < 2) return 0;
    const { acc, ring } = ctx;
    const minSeq = ring.minSeq();
    const mask = ring.mask;
    const cutoff = ctx.ts - p.windowMs;
    const epoch = acc.nextEpoch();
    const n = lastBipartite.count;
    for (let k = 0; k < n; k++) {
      const f = lastBipartite.sources[k]!;
      let scanned = 0;
      for (let s = acc.lastIn[f]!; s >= minSeq && scanned < p.maxScan; s = ring.prevIn[s & mask]!) {
        const i = s & mask;
        if (ring.ts[i]! < cutoff) break;
        scanned++;
        const u = ring.from[i]!;
        if (acc.stamp[u] !== epoch) {
          acc.stamp[u] = epoch;
          acc.counter[u] = 0;
          acc.counter2[u] = -1;
        }
        if (acc.counter2[u] === f) continue;
        acc.counter2[u] = f;
        acc.counter[u]!++;
      }
    }
    let edges = 0;
    let uppers = 0;
    for (let k = 0; k < n; k++) {
      const f = lastBipartite.sources[k]!;
      let scanned = 0;
      for (let s = acc.lastIn[f]!; s >= minSeq && scanned < p.maxScan; s = ring.prevIn[s & mask]!) {
        const i = s & mask;
        if (ring.ts[i]! < cutoff) break;
        scanned++;
        const u = ring.from[i]!;
        if (acc.counter[u]! < 2) continue;
        edges++;
        ctx.add(s);
        if (acc.counter2[u] !== -2) {
          acc.counter2[u] = -2;
          uppers++;
        }
      }
    }
    if (uppers < 2) return 0;
    ctx.anchor = ctx.to;
    return edges;
  },
};
