import { DAY, type Detector, HOUR } from '../detector.ts';
import { type AccountTable, CREDITS, ENTITY_MSB, FORMAT_EPOCH_MS, isBusiness } from '../state.ts';

export type StackParams = {
  readonly windowMs: number;
  readonly maxScan: number;
  readonly minBase: number;
  readonly amountSpread: number;
  readonly maxCv: number;
};

const payers = new Int32Array(64);

/**
 * A business paying a member of S in its own country (or either country unknown): salary, invoices, refunds, not
 * an upper layer. A firm abroad paying private people alike is not such trade (as for fan-out v1.2.0).
 */
function domesticFirm(acc: AccountTable, u: number, f: number): boolean {
  if (!isBusiness(acc.entity(u))) return false;
  const cu = acc.country(u);
  const cf = acc.country(f);
  return cu === 0 || cf === 0 || cu === cf;
}

/**
 * Detector 8, STACK: two group-to-group layers. On a payment into b: the payers S of b (≥ 2, similar legs) were
 * themselves paid, inside the window, by an upstream set U (≥ 2 accounts, at least one of which paid ≥ 2 members
 * of S; a business upstream counts only from another country than the member it pays, v1.2.0). The value is the
 * number of legs in both layers: upstream U → S, and downstream every similar payment of S in the window (v1.1.0;
 * until then only S → b, though AMLworld's sparse layers pay b once per member).
 */
export const stackDetector: Detector<StackParams> = {
  id: 'stack',
  number: 8,
  version: '1.2.0',
  title: 'Stack (two layers of group-to-group payments)',
  unit: 'legs',
  configSchema: {
    windowMs: { default: 8 * DAY, min: HOUR, max: 30 * DAY, unit: 'ms', description: 'sliding window' },
    maxScan: {
      default: 16,
      min: 2,
      max: 256,
      unit: 'transactions',
      description: 'legs examined per account',
    },
    minBase: {
      default: 500,
      min: 0,
      max: 1e9,
      unit: 'USD',
      description: 'smaller legs are ignored (materiality)',
    },
    maxCv: {
      default: 0.35,
      min: 0,
      max: 10,
      unit: 'ratio',
      description: 'legs of both layers must be of similar size (coefficient of variation at most this)',
    },
    amountSpread: {
      default: 2.5,
      min: 1,
      max: 1000,
      unit: 'factor',
      description: 'only legs of the same payment format within this factor of the current amount count',
    },
  },
  bands: [6, 8, 12],
  evaluate(ctx, p) {
    const { acc, ring } = ctx;
    const b = ctx.to;
    if (
      ctx.from === b ||
      ctx.base < p.minBase ||
      acc.rate(b, ctx.ts) > ctx.busyRate ||
      acc.entity(b) === ENTITY_MSB
    ) {
      return 0;
    }
    // The members of S pay b in the current leg's format: with no other credit of it in the window, S has one.
    if (p.windowMs <= FORMAT_EPOCH_MS && !acc.mayHaveFormat(b, CREDITS, ctx.format, ctx.ts)) return 0;
    const minSeq = ring.minSeq();
    const mask = ring.mask;
    const cutoff = ctx.ts - p.windowMs;
    const lo = Math.max(p.minBase, ctx.base / p.amountSpread);
    const hi = ctx.base * p.amountSpread;
    const fmt = ctx.format;
    const epoch = acc.nextEpoch();
    let n = 0;
    let down = 0;
    let sum = 0;
    let sum2 = 0;
    let scanned = 0;
    for (let s = acc.lastIn(b); s >= minSeq && scanned < p.maxScan; s = ring.prevIn(s & mask)) {
      const i = s & mask;
      if (ring.ts(i) < cutoff) break;
      scanned++;
      const f = ring.from(i);
      const bs = ring.base(i);
      if (f === b || bs < lo || bs > hi || ring.format(i) !== fmt || acc.rate(f, ctx.ts) > ctx.busyRate)
        continue;
      down++;
      sum += bs;
      sum2 += bs * bs;
      if (acc.stamp2[f] === epoch) continue;
      acc.stamp2[f] = epoch;
      if (n < payers.length) payers[n++] = f;
    }
    if (n < 2) return 0;
    // Upstream payers of S, counted once per member of S.
    let shared = false;
    for (let k = 0; k < n; k++) {
      const f = payers[k]!;
      scanned = 0;
      for (let s = acc.lastIn(f); s >= minSeq && scanned < p.maxScan; s = ring.prevIn(s & mask)) {
        const i = s & mask;
        if (ring.ts(i) < cutoff) break;
        scanned++;
        const u = ring.from(i);
        const bs = ring.base(i);
        if (u === f || u === b || bs < lo || bs > hi || ring.format(i) !== fmt || domesticFirm(acc, u, f))
          continue;
        if (acc.stamp[u] !== epoch) {
          acc.stamp[u] = epoch;
          acc.counter[u] = 0;
          acc.counter2[u] = -1;
        }
        if (acc.counter2[u] === f) continue;
        acc.counter2[u] = f;
        if (++acc.counter[u]! >= 2) shared = true;
      }
    }
    // Without an upstream payer shared by two members of S there is no upper layer: skip the second walk.
    if (!shared) return 0;
    let up = 0;
    let uppers = 0;
    for (let k = 0; k < n; k++) {
      const f = payers[k]!;
      scanned = 0;
      for (let s = acc.lastIn(f); s >= minSeq && scanned < p.maxScan; s = ring.prevIn(s & mask)) {
        const i = s & mask;
        if (ring.ts(i) < cutoff) break;
        scanned++;
        const u = ring.from(i);
        const bs = ring.base(i);
        if (u === f || u === b || bs < lo || bs > hi || ring.format(i) !== fmt || acc.stamp[u] !== epoch)
          continue;
        up++;
        sum += bs;
        sum2 += bs * bs;
        ctx.add(s);
        if (acc.counter2[u] !== -2) {
          acc.counter2[u] = -2;
          uppers++;
        }
      }
    }
    if (uppers < 2) return 0;
    const legs = up + down;
    const mean = sum / legs;
    if (Math.sqrt(Math.max(0, sum2 / legs - mean * mean)) > p.maxCv * mean) return 0;
    // The lower layer: every similar payment of S in the window, not only those into b.
    let lower = 0;
    for (let k = 0; k < n; k++) {
      const f = payers[k]!;
      scanned = 0;
      for (let s = acc.lastOut(f); s >= minSeq && scanned < p.maxScan; s = ring.prevOut(s & mask)) {
        const i = s & mask;
        if (ring.ts(i) < cutoff) break;
        scanned++;
        const bs = ring.base(i);
        if (bs >= lo && bs <= hi && ring.format(i) === fmt && ring.to(i) !== f) {
          ctx.add(s);
          lower++;
        }
      }
    }
    ctx.anchor = b;
    return up + Math.max(down, lower);
  },
};
