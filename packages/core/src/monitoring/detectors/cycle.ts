import { DAY, type Detector, type EvalContext, HOUR } from '../detector.ts';

export type CycleParams = {
  readonly windowMs: number;
  readonly maxLength: number;
  readonly maxScan: number;
  readonly budget: number;
  readonly hopMinRatio: number;
  readonly hopMaxRatio: number;
};

// Search scratch (the monitor is single-threaded; the search is not re-entrant).
const path = new Int32Array(16);
let visits = 0;
let found = 0;

/**
 * Backward, time-respecting depth-first search from `node` for a path that starts at `origin`: each earlier hop
 * is no later than the hop after it and carries an amount the later hop plausibly forwards (later ÷ earlier in
 * [hopMinRatio, hopMaxRatio]: layering keeps the amount, minus fees). Bounded per node and by a visit budget.
 */
function search(
  ctx: EvalContext,
  p: CycleParams,
  node: number,
  origin: number,
  before: number,
  amount: number,
  depth: number,
  cutoff: number,
): boolean {
  const { acc, ring } = ctx;
  const minSeq = ring.minSeq();
  const mask = ring.mask;
  const lo = amount / p.hopMaxRatio;
  const hi = amount / p.hopMinRatio;
  let scanned = 0;
  for (let s = acc.lastIn(node); s >= minSeq && scanned < p.maxScan; s = ring.prevIn(s & mask)) {
    const i = s & mask;
    const t = ring.ts(i);
    if (t < cutoff) break;
    scanned++;
    if (t > before) continue;
    const b = ring.base(i);
    if (b < lo || b > hi) continue;
    if (++visits > p.budget) return false;
    const src = ring.from(i);
    if (src === node || (src !== origin && acc.rate(src, ctx.ts) > ctx.busyRate)) continue;
    path[depth] = s;
    if (src === origin) {
      found = depth + 1;
      return true;
    }
    if (depth + 2 < p.maxLength && search(ctx, p, src, origin, t, b, depth + 1, cutoff)) return true;
  }
  return false;
}

/**
 * Detector 5, CYCLE: the current payment x → a closes a simple temporal cycle a → … → x → a of at most
 * `maxLength` hops inside the window, along which the amount is passed on (minus fees). Cheap trigger first: x
 * must be forwarding a similar credit (the monitor's pass-through link); only then is the bounded search run.
 * The value is the cycle length in hops.
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
    maxScan: {
      default: 24,
      min: 1,
      max: 256,
      unit: 'transactions',
      description: 'credits examined per node',
    },
    budget: {
      default: 200,
      min: 10,
      max: 100_000,
      unit: 'visits',
      description: 'search effort per transaction',
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
    const { ring } = ctx;
    const a = ctx.to;
    const x = ctx.from;
    if (a === x || ring.chainPrev(ctx.seq & ring.mask) < 0) return 0;
    visits = 0;
    found = 0;
    if (!search(ctx, p, x, a, ctx.ts, ctx.base, 0, ctx.ts - p.windowMs)) return 0;
    for (let k = 0; k < found; k++) ctx.add(path[k]!);
    ctx.add(ctx.seq);
    ctx.anchor = a;
    return found + 1;
  },
};
