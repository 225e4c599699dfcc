import { DAY, type Detector, type EvalContext, HOUR } from '../detector.ts';

export type CycleParams = {
  readonly windowMs: number;
  readonly maxLength: number;
  readonly maxFan: number;
  readonly budget: number;
  readonly minReturnRatio: number;
  readonly maxReturnRatio: number;
};

// Search scratch (the monitor is single-threaded; the search is not re-entrant).
const path = new Int32Array(16);
let visits = 0;
let found = 0;

/**
 * Backward, time-respecting depth-first search from `node` for a path that starts at `origin`: every earlier hop
 * must be no later than the one after it. Bounded by `maxFan` newest credits per node and a visit budget.
 */
function search(
  ctx: EvalContext,
  p: CycleParams,
  node: number,
  origin: number,
  before: number,
  depth: number,
  cutoff: number,
): boolean {
  const { acc, ring } = ctx;
  const minSeq = ring.minSeq();
  const mask = ring.mask;
  let fan = 0;
  for (let s = acc.lastIn[node]!; s >= minSeq && fan < p.maxFan; s = ring.prevIn[s & mask]!) {
    const i = s & mask;
    const t = ring.ts[i]!;
    if (t < cutoff) break;
    if (t > before) continue;
    fan++;
    if (++visits > p.budget) return false;
    const src = ring.from[i]!;
    if (src === node) continue;
    path[depth] = s;
    if (src === origin) {
      found = depth + 1;
      return true;
    }
    if (depth + 2 < p.maxLength && search(ctx, p, src, origin, t, depth + 1, cutoff)) return true;
  }
  return false;
}

/**
 * Detector 5, CYCLE: the current payment x → a closes a simple temporal cycle a → … → x → a of at most
 * `maxLength` hops inside the window. Cheap trigger first: `a` must have paid out, inside the window, an amount the
 * returning payment is a plausible remainder of (between minReturnRatio and maxReturnRatio of it); only then is
 * the bounded search run. The value is the cycle length.
 */
export const cycleDetector: Detector<CycleParams> = {
  id: 'cycle',
  number: 5,
  version: '1.0.0',
  title: 'Simple cycle',
  unit: 'hops',
  configSchema: {
    windowMs: {
      default: 10 * DAY,
      min: HOUR,
      max: 30 * DAY,
      unit: 'ms',
      description: 'cycle must close within',
    },
    maxLength: { default: 10, min: 2, max: 12, unit: 'hops', description: 'longest cycle searched' },
    maxFan: {
      default: 6,
      min: 1,
      max: 64,
      unit: 'transactions',
      description: 'newest credits followed per node',
    },
    budget: {
      default: 400,
      min: 10,
      max: 100_000,
      unit: 'visits',
      description: 'search effort per transaction',
    },
    minReturnRatio: {
      default: 0.5,
      min: 0,
      max: 10,
      unit: 'ratio',
      description: 'returning / sent, lower bound',
    },
    maxReturnRatio: {
      default: 1.1,
      min: 0,
      max: 100,
      unit: 'ratio',
      description: 'returning / sent, upper bound',
    },
  },
  bands: [2, 3, 5],
  evaluate(ctx, p) {
    const { acc, ring } = ctx;
    const a = ctx.to;
    const x = ctx.from;
    if (a === x) return 0;
    const minSeq = ring.minSeq();
    const mask = ring.mask;
    const cutoff = ctx.ts - p.windowMs;
    let plausible = false;
    let n = 0;
    for (let s = acc.lastOut[a]!; s >= minSeq && n < 32; s = ring.prevOut[s & mask]!) {
      const i = s & mask;
      if (ring.ts[i]! < cutoff) break;
      n++;
      const r = ctx.base / (ring.base[i]! || 1);
      if (r >= p.minReturnRatio && r <= p.maxReturnRatio && ring.to[i] !== a) {
        plausible = true;
        break;
      }
    }
    if (!plausible) return 0;
    visits = 0;
    found = 0;
    if (!search(ctx, p, x, a, ctx.ts, 0, cutoff)) return 0;
    for (let k = 0; k < found; k++) ctx.add(path[k]!);
    ctx.add(ctx.seq);
    ctx.anchor = a;
    return found + 1;
  },
};
