/** Time and randomness are injected so the core stays deterministic (house rule 1). */
export interface Clock {
  now(): number;
}

export const fixedClock = (at: number): Clock => ({ now: () => at });

/** A seeded PRNG (mulberry32): the same seed gives the same sequence on every machine. */
export interface Rng {
  next(): number;
}

export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}
