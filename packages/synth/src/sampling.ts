import type { Rng } from '@raqib/core';

/**
 * Walker/Vose alias table: O(1) draws from a fixed discrete distribution. Background generation draws millions
 * of senders and receivers from heavy-tailed weights, where a binary search per draw would dominate.
 */
export class AliasTable {
  readonly size: number;
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;
  /** Item ids the table draws (index-aligned with the weights it was built from). */
  private readonly items: Int32Array;

  constructor(items: Int32Array, weights: Float64Array) {
    const n = items.length;
    this.size = n;
    this.items = items;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    if (n === 0) return;
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i] ?? 0;
    const scaled = new Float64Array(n);
    for (let i = 0; i < n; i++) scaled[i] = ((weights[i] ?? 0) * n) / total;
    const small = new Int32Array(n);
    const large = new Int32Array(n);
    let ns = 0;
    let nl = 0;
    for (let i = 0; i < n; i++) {
      if ((scaled[i] ?? 0) < 1) small[ns++] = i;
      else large[nl++] = i;
    }
    while (ns > 0 && nl > 0) {
      const s = small[--ns] ?? 0;
      const l = large[--nl] ?? 0;
      this.prob[s] = scaled[s] ?? 0;
      this.alias[s] = l;
      scaled[l] = (scaled[l] ?? 0) + (scaled[s] ?? 0) - 1;
      if ((scaled[l] ?? 0) < 1) small[ns++] = l;
      else large[nl++] = l;
    }
    while (nl > 0) this.prob[large[--nl] ?? 0] = 1;
    while (ns > 0) this.prob[small[--ns] ?? 0] = 1;
  }

  /** Draws one item; -1 when the table is empty. */
  draw(rng: Rng): number {
    if (this.size === 0) return -1;
    const u = rng.next() * this.size;
    const i = Math.floor(u);
    const pick = u - i < (this.prob[i] ?? 1) ? i : (this.alias[i] ?? i);
    return this.items[pick] ?? -1;
  }
}

export function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng.next() * list.length)] as T;
}

/** Integer in [lo, hi], both inclusive. */
export function intBetween(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng.next() * (hi - lo + 1));
}

export function between(rng: Rng, lo: number, hi: number): number {
  return lo + rng.next() * (hi - lo);
}

/** Standard normal draw (Box–Muller; one of the pair is discarded to keep the stream simple). */
export function normal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Log-normal draw with the given median and log-scale sigma: money amounts are roughly log-normal. */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng));
}

/** Pareto draw (≥ 1) with tail index alpha, capped: heavy-tailed activity and popularity. */
export function pareto(rng: Rng, alpha: number, cap: number): number {
  const x = (1 - rng.next()) ** (-1 / alpha);
  return Math.min(x, cap);
}

/** k distinct items from a list (partial Fisher–Yates on a copy). */
export function sampleDistinct<T>(rng: Rng, list: readonly T[], k: number): T[] {
  const copy = list.slice();
  const n = Math.min(k, copy.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng.next() * (copy.length - i));
    const t = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = t;
  }
  return copy.slice(0, n);
}

/** Derives an independent stream from a seed and a label, so that adding draws to one part of the generator does
 * not shift every other part. */
export function subSeed(seed: number, label: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
