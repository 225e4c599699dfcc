import { DAY, type Detector, type EvalContext, HOUR } from '../detector.ts';
import {
  type AccountTable,
  CREDITS,
  ENTITY_INDIVIDUAL,
  ENTITY_MSB,
  FORMAT_EPOCH_MS,
  isBusiness,
  PAYMENTS,
} from '../state.ts';

export type BipartiteParams = {
  readonly windowMs: number;
  readonly maxScan: number;
  readonly maxTargetDegree: number;
  readonly amountSpread: number;
  readonly minBase: number;
  readonly minBaseAbroad: number;
  readonly linkSpread: number;
  readonly linkWindowMs: number;
  readonly linkPivots: number;
  readonly linkMaxScan: number;
  readonly linkPaying: number;
};

/**
 * An exchange house paid by `payer` as its ordinary trade: a customer in its own country (or either country
 * unknown). Walk-in currency exchange is local; people abroad paying a foreign exchange house is hawala-like.
 */
function localExchange(acc: AccountTable, payer: number, payee: number): boolean {
  if (acc.entity(payee) !== ENTITY_MSB) return false;
  const there = acc.country(payee);
  const home = acc.country(payer);
  return there === 0 || home === 0 || there === home;
}

/**
 * A payer whose walk ended (maxScan) before its leg into b still counts that leg when it is a person: a busy
 * firm's payroll and supplier files pay many accounts at once, and counting its leg found from b's side grouped
 * firms paying the same staff or suppliers.
 */
function busyPerson(acc: AccountTable, payer: number, b: number): boolean {
  return !isBusiness(acc.entity(payer)) && !localExchange(acc, payer, b);
}

/** Both countries known (banks.csv) and different. */
function across(acc: AccountTable, x: number, y: number): boolean {
  const cx = acc.country(x);
  const cy = acc.country(y);
  return cx !== 0 && cy !== 0 && cx !== cy;
}

/** Sources of the last bipartite found, within this detector (the stack detector stopped reading them in 8f0f088). */
export const lastBipartite = { seq: -1, sources: new Int32Array(64), count: 0 };
// Scratch: each payer's most recent similar leg into the current payee (parallel to lastBipartite.sources).
const SRC_LEG = new Int32Array(64);
// Scratch: the legs each payer's payee walk read, in walk order (64 payers × maxScan), and each payer's range of them
// (parallel to lastBipartite.sources): the later passes over a payer's payees replay its walk from here instead of
// following its list again. Same legs, same order, so the same counts and evidence. Sized for the schema's largest
// maxScan (256) and grown for a configuration built in code past it: a write past a typed array's end is dropped.
let WALKED = new Int32Array(64 * 256);
const WALK_LO = new Int32Array(64);
const WALK_HI = new Int32Array(64);

/**
 * Finds the densest set of payees shared by the payers of the current payee: payers S of b (in the window), and
 * the payees T that ≥ 2 of S paid. Payees with many lifetime credits (shops, utilities) are skipped: two people
 * paying the same supermarket is not a pattern. Returns the number of S×T edges; writes them as evidence. When b
 * is the only payee S share, the group may still be linked through b (linkedGroup); `linkedOnly` asks only that.
 */
export function findBipartite(
  ctx: EvalContext,
  p: BipartiteParams,
  b: number,
  checkSeq: number,
  linkedOnly = false,
): number {
  const { acc, ring } = ctx;
  const minSeq = ring.minSeq();
  const mask = ring.mask;
  const cutoff = ctx.ts - p.windowMs;
  // Exchange houses collect from their local customers: that is their trade, not a bipartite layer.
  if (
    acc.inCount(b) > p.maxTargetDegree ||
    acc.rate(b, ctx.ts) > ctx.busyRate ||
    localExchange(acc, ctx.from, b)
  )
    return 0;
  // Payers of b count in the current leg's format only: with no credit of it in the window besides the current leg
  // (not yet noted), b has one payer at most (decision 0019).
  if (p.windowMs <= FORMAT_EPOCH_MS && !acc.mayHaveFormat(b, CREDITS, ctx.format, ctx.ts)) return 0;
  const lo = Math.max(Math.min(p.minBase, p.minBaseAbroad), ctx.base / p.amountSpread);
  // Legs between minBaseAbroad and minBase count only across a border (see minBaseAbroad).
  const small = p.minBase;
  const hi = ctx.base * p.amountSpread;
  const fmt = ctx.format;
  const epoch = acc.nextEpoch();
  // Payers of b.
  let nSources = 0;
  let scanned = 0;
  const src = lastBipartite.sources;
  for (let s = acc.lastIn(b); s >= minSeq && scanned < p.maxScan; s = ring.prevIn(s & mask)) {
    const i = s & mask;
    if (ring.ts(i) < cutoff) break;
    scanned++;
    const f = ring.from(i);
    const bs = ring.base(i);
    // the slot's own fields first (its cache line is loaded); the payer's state is another memory access
    if (f === b || bs < lo || bs > hi || ring.format(i) !== fmt || acc.stamp2[f] === epoch) continue;
    if (bs < small && !across(acc, f, b)) continue;
    acc.stamp2[f] = epoch;
    if (nSources < src.length) {
      SRC_LEG[nSources] = s;
      src[nSources++] = f;
    }
  }
  if (nSources < 2) return 0;
  // Payees of those payers, counted once per payer. Payers with a recent counted leg to another payee within the
  // linked-group band are counted too: a group linked through b needs two of them (a cheap test before its walk).
  const linkLo = p.linkSpread > 0 ? ctx.base / p.linkSpread : hi;
  const linkHi = ctx.base * p.linkSpread;
  const recent = ctx.ts - p.linkWindowMs;
  let payingOthers = 0;
  let walked = 0;
  if (WALKED.length < nSources * p.maxScan) WALKED = new Int32Array(64 * p.maxScan);
  for (let k = 0; k < nSources; k++) {
    const f = src[k]!;
    let paysOther = false;
    scanned = 0;
    WALK_LO[k] = walked;
    for (let s = acc.lastOut(f); s >= minSeq && scanned < p.maxScan; s = ring.prevOut(s & mask)) {
      const i = s & mask;
      if (ring.ts(i) < cutoff) break;
      scanned++;
      WALKED[walked++] = s;
      const t = ring.to(i);
      const bs = ring.base(i);
      if (
        t === f ||
        bs < lo ||
        bs > hi ||
        (bs < small && !across(acc, f, t)) ||
        ring.format(i) !== fmt ||
        acc.inCount(t) > p.maxTargetDegree ||
        acc.rate(t, ctx.ts) > ctx.busyRate ||
        localExchange(acc, f, t)
      )
        continue;
      if (acc.stamp[t] !== epoch) {
        acc.stamp[t] = epoch;
        acc.counter[t] = 0;
        acc.counter2[t] = -1;
      }
      if (t !== b && bs >= linkLo && bs <= linkHi && ring.ts(i) >= recent) paysOther = true;
      if (acc.counter2[t] === f) continue;
      acc.counter2[t] = f;
      acc.counter[t]!++;
    }
    WALK_HI[k] = walked;
    if (paysOther) payingOthers++;
    // A busy payer's walk can end before its leg into b: that leg is known from b's side, so b still counts it.
    // counter2 is only this evaluation's when b is stamped with its epoch (the current payer's walk stamps b first
    // today, but the count must not rest on that order)
    const bCounted = acc.stamp[b] === epoch && acc.counter2[b] === f;
    if (scanned >= p.maxScan && !bCounted && busyPerson(acc, f, b)) {
      if (acc.stamp[b] !== epoch) {
        acc.stamp[b] = epoch;
        acc.counter[b] = 0;
      }
      acc.counter2[b] = f;
      acc.counter[b]!++;
    }
  }
  // Edges from payers to shared payees (count ≥ 2).
  let edges = 0;
  let targets = 0;
  let keep = 0;
  for (let k = 0; k < nSources; k++) {
    const f = src[k]!;
    let used = false;
    let sawB = false;
    const wLo = WALK_LO[k]!;
    const wHi = WALK_HI[k]!;
    // the payer's walk, replayed: it read wHi - wLo legs, so it hit maxScan exactly when that many
    scanned = wHi - wLo;
    for (let w = wLo; w < wHi; w++) {
      const s = WALKED[w]!;
      const i = s & mask;
      const t = ring.to(i);
      const bs = ring.base(i);
      if (acc.stamp[t] !== epoch || acc.counter[t]! < 2 || bs < lo || bs > hi || ring.format(i) !== fmt)
        continue;
      if (bs < small && !across(acc, f, t)) continue;
      used = true;
      if (t === b) sawB = true;
      edges++;
      ctx.add(s);
      if (acc.counter2[t] !== -2) {
        acc.counter2[t] = -2;
        targets++;
      }
    }
    if (
      !sawB &&
      scanned >= p.maxScan &&
      acc.stamp[b] === epoch &&
      acc.counter[b]! >= 2 &&
      busyPerson(acc, f, b)
    ) {
      used = true;
      edges++;
      ctx.add(SRC_LEG[k]!);
      if (acc.counter2[b] !== -2) {
        acc.counter2[b] = -2;
        targets++;
      }
    }
    if (used) {
      // keep ≤ k: the slot written was read already
      WALK_LO[keep] = wLo;
      WALK_HI[keep] = wHi;
      src[keep++] = f;
    }
  }
  lastBipartite.count = keep;
  lastBipartite.seq = checkSeq;
  if (targets < 2 && keep >= 2 && payingOthers >= Math.min(2, p.linkPaying) && p.linkSpread > 0)
    return linkedGroup(ctx, p, b, keep, epoch, lo, hi, small);
  if (targets < 2 || keep < 2 || linkedOnly) return 0;
  // The rest of the pattern: other similar credits of the shared payees (payers seen only from their side).
  for (let k = 0; k < keep; k++) {
    for (let w = WALK_LO[k]!; w < WALK_HI[k]!; w++) {
      const i = WALKED[w]! & mask;
      const t = ring.to(i);
      if (acc.stamp[t] !== epoch || acc.counter[t]! < 2) continue;
      let inner = 0;
      for (let r = acc.lastIn(t); r >= minSeq && inner < p.maxScan; r = ring.prevIn(r & mask)) {
        const j = r & mask;
        if (ring.ts(j) < cutoff) break;
        inner++;
        const bs = ring.base(j);
        if (
          bs >= lo &&
          bs <= hi &&
          ring.format(j) === fmt &&
          acc.rate(ring.from(j), ctx.ts) <= ctx.busyRate &&
          (bs >= small || across(acc, ring.from(j), t))
        )
          ctx.add(r);
      }
    }
  }
  return edges;
}

// Scratch for linked groups: candidate legs (ring seq), amount, payer (index into the sources), whether the leg is
// into b and whether it crosses a border; per payer, its legs into b, its other legs and its legs across a border.
const LINK = new Int32Array(1024);
const LINK_AMT = new Float64Array(1024);
const LINK_PAYER = new Int32Array(1024);
const LINK_INTO_B = new Uint8Array(1024);
const LINK_ACROSS = new Uint8Array(1024);
const PAID = new Int32Array(256);
const PAYER_B = new Int32Array(64);
const PAYER_OTHER = new Int32Array(64);
const PAYER_ACROSS = new Int32Array(64);
const PAYER_PERSON = new Uint8Array(64);

/**
 * A group linked through one shared payee b (v1.4.0). AMLworld draws a group's legs at random (each payer one
 * forced payee, every other pair with probability 0.6), so a 2×3 group often shares b only, each payer also paying
 * a payee of its own. Counted when at least two payers of b each pay b and another account alike: same instrument,
 * every leg within `linkSpread` of the run's smallest (the group's ±30 % around one unit) and holding the current
 * amount, all within `linkWindowMs`, each payee paid once in the payer's walk (a payee paid again is the payer's
 * circle), the other payee paid by no other payer of b, a firm's legs only across a border (payroll and suppliers
 * are its trade) and at least one of the payer's legs across a border (laundering groups pick accounts across
 * countries; people's everyday transfers are domestic). Returns the legs of those payers; writes them as evidence.
 */
function linkedGroup(
  ctx: EvalContext,
  p: BipartiteParams,
  b: number,
  n: number,
  epoch: number,
  lo: number,
  hi: number,
  small: number,
): number {
  const { acc, ring } = ctx;
  const mask = ring.mask;
  const recent = ctx.ts - p.linkWindowMs;
  const fmt = ctx.format;
  const src = lastBipartite.sources;
  let m = 0;
  for (let k = 0; k < n; k++) {
    const f = src[k]!;
    const firm = isBusiness(acc.entity(f));
    PAYER_PERSON[k] = acc.entity(f) === ENTITY_INDIVIDUAL ? 1 : 0;
    let nPaid = 0;
    const start = m;
    // the payer's walk in findBipartite, replayed (its legs in the window, newest first, at most maxScan)
    for (let w = WALK_LO[k]!; w < WALK_HI[k]!; w++) {
      const s = WALKED[w]!;
      const i = s & mask;
      const t = ring.to(i);
      if (nPaid < PAID.length) PAID[nPaid++] = t;
      const bs = ring.base(i);
      if (bs < lo || bs > hi || ring.format(i) !== fmt || ring.ts(i) < recent || t === f) continue;
      // b, or a payee of this payer alone among the payers of b (counted, so not busy nor a local exchange house)
      if (t !== b && (acc.stamp[t] !== epoch || acc.counter[t] !== 1)) continue;
      const x = across(acc, f, t);
      if ((bs < small || firm) && !x) continue;
      if (m >= LINK.length) break;
      LINK[m] = s;
      LINK_AMT[m] = bs;
      LINK_PAYER[m] = k;
      LINK_INTO_B[m] = t === b ? 1 : 0;
      LINK_ACROSS[m++] = x ? 1 : 0;
    }
    let kept = start;
    for (let j = start; j < m; j++) {
      const t = ring.to(LINK[j]! & mask);
      let seen = 0;
      for (let q = 0; q < nPaid; q++) if (PAID[q] === t) seen++;
      if (seen !== 1) continue;
      LINK[kept] = LINK[j]!;
      LINK_AMT[kept] = LINK_AMT[j]!;
      LINK_PAYER[kept] = LINK_PAYER[j]!;
      LINK_INTO_B[kept] = LINK_INTO_B[j]!;
      LINK_ACROSS[kept++] = LINK_ACROSS[j]!;
    }
    m = kept;
  }
  // The run of amounts within linkSpread of its smallest, holding the current amount, with the most legs of linked
  // payers (m is small: at most maxScan legs a payer).
  let best = 0;
  let bestFloor = 0;
  for (let l = 0; l < m; l++) {
    const floor = LINK_AMT[l]!;
    if (floor > ctx.base || floor * p.linkSpread < ctx.base) continue;
    const edges = linkedEdges(n, m, b, floor, floor * p.linkSpread, p.linkPaying, false, ctx);
    if (edges > best) {
      best = edges;
      bestFloor = floor;
    }
  }
  if (best > 0) linkedEdges(n, m, b, bestFloor, bestFloor * p.linkSpread, p.linkPaying, true, ctx);
  return best;
}

/**
 * Legs with amounts in [floor, top] of the payers that, within that run, pay b and another account and cross a
 * border at least once; 0 unless there are two such payers. With one (`paying` 1, v1.5.0), a three-leg group: two
 * or more payers of b whose legs in the run all cross a border, one of them paying an account of its own too; its
 * value is those payers' legs. With `write`, adds the counted legs as evidence.
 */
function linkedEdges(
  n: number,
  m: number,
  b: number,
  floor: number,
  top: number,
  paying: number,
  write: boolean,
  ctx: EvalContext,
): number {
  for (let k = 0; k < n; k++) {
    PAYER_B[k] = 0;
    PAYER_OTHER[k] = 0;
    PAYER_ACROSS[k] = 0;
  }
  for (let j = 0; j < m; j++) {
    const a = LINK_AMT[j]!;
    if (a < floor || a > top) continue;
    const k = LINK_PAYER[j]!;
    if (LINK_INTO_B[j] === 1) PAYER_B[k]!++;
    else PAYER_OTHER[k]!++;
    PAYER_ACROSS[k]! += LINK_ACROSS[j]!;
  }
  let linked = 0;
  let edges = 0;
  for (let k = 0; k < n; k++) {
    if (PAYER_B[k]! > 0 && PAYER_OTHER[k]! > 0 && PAYER_ACROSS[k]! > 0) {
      linked++;
      edges += PAYER_B[k]! + PAYER_OTHER[k]!;
    }
  }
  let threeLeg = false;
  if (linked < 2) {
    // People paying a firm abroad is trade (orders, invoices): only a person or an NPO as b links three legs. A
    // three-leg group's b has two payers; a person paid alike by three or more from abroad is someone's relative or
    // a migrant worker's household (and a larger group is the rules above).
    if (paying > 1 || n !== 2 || isBusiness(ctx.acc.entity(b))) return 0;
    // A three-leg group: every counted leg across a border, since one payer paying b alone is all that links it.
    let payers = 0;
    let linkedAbroad = 0;
    edges = 0;
    for (let k = 0; k < n; k++) {
      const legs = PAYER_B[k]! + PAYER_OTHER[k]!;
      if (PAYER_B[k] === 0 || PAYER_ACROSS[k] !== legs || PAYER_PERSON[k] === 0) continue;
      payers++;
      if (PAYER_OTHER[k]! > 0) linkedAbroad++;
      edges += legs;
    }
    if (payers < 2 || linkedAbroad === 0) return 0;
    threeLeg = true;
    // Found from a payer's other payee (a pivot), the group must hold the current leg: a leg beside it is not one.
    let holds = false;
    for (let j = 0; j < m && !holds; j++) {
      const k = LINK_PAYER[j]!;
      const a = LINK_AMT[j]!;
      holds =
        LINK[j] === ctx.seq &&
        a >= floor &&
        a <= top &&
        PAYER_PERSON[k] === 1 &&
        PAYER_ACROSS[k] === PAYER_B[k]! + PAYER_OTHER[k]!;
    }
    if (!holds) return 0;
  }
  if (write) {
    for (let j = 0; j < m; j++) {
      const a = LINK_AMT[j]!;
      const k = LINK_PAYER[j]!;
      if (a < floor || a > top || PAYER_B[k] === 0) continue;
      const counted = threeLeg
        ? PAYER_PERSON[k] === 1 && PAYER_ACROSS[k] === PAYER_B[k]! + PAYER_OTHER[k]!
        : PAYER_OTHER[k]! > 0 && PAYER_ACROSS[k]! > 0;
      if (counted) ctx.add(LINK[j]!);
    }
  }
  return edges;
}

/**
 * Detector 7, BIPARTITE: a set of payers paying a set of payees (each payee paid by ≥ 2 of the payers). The value
 * is the number of edges between the two sets.
 */
export const bipartiteDetector: Detector<BipartiteParams> = {
  id: 'bipartite',
  number: 7,
  version: '1.6.0',
  title: 'Bipartite',
  unit: 'edges',
  configSchema: {
    minBase: {
      default: 500,
      min: 0,
      max: 1e9,
      unit: 'USD',
      description: 'smaller legs are ignored (materiality)',
    },
    minBaseAbroad: {
      default: 400,
      min: 0,
      max: 1e9,
      unit: 'USD',
      description:
        'legs from this up to minBase count only between accounts in different countries (cross-border)',
    },
    linkSpread: {
      default: 1.86,
      min: 0,
      max: 1000,
      unit: 'factor',
      description:
        'a group linked through one shared payee counts when its legs lie within this factor of each other (v1.4.0); 0: off',
    },
    linkWindowMs: {
      default: 3 * DAY,
      min: HOUR,
      max: 30 * DAY,
      unit: 'ms',
      description:
        'the legs of a group linked through one shared payee lie within this time of the current leg',
    },
    linkPivots: {
      default: 4,
      min: 0,
      max: 64,
      unit: 'payees',
      description:
        "on a payer's leg to its own payee, how many of its other recent payees are tried as the shared payee; 0: none",
    },
    linkMaxScan: {
      default: 8,
      min: 1,
      max: 256,
      unit: 'transactions',
      description:
        "on a payer's leg to its own payee, how many of its most recent payments are examined for pivots (v1.6.0)",
    },
    linkPaying: {
      default: 1,
      min: 1,
      max: 2,
      unit: 'payers',
      description:
        'payers of the shared payee that must also pay an account of their own: 2, or 1 for a three-leg group with every leg across a border (v1.5.0)',
    },
    windowMs: { default: 6 * DAY, min: HOUR, max: 30 * DAY, unit: 'ms', description: 'sliding window' },
    maxScan: {
      default: 16,
      min: 2,
      max: 256,
      unit: 'transactions',
      description: 'legs examined per account',
    },
    maxTargetDegree: {
      default: 200,
      min: 2,
      max: 100_000,
      unit: 'transactions',
      description: 'payees with more lifetime credits are not counted (shops, utilities)',
    },
    amountSpread: {
      default: 2,
      min: 1,
      max: 1000,
      unit: 'factor',
      description: 'only legs of the same payment format within this factor of the current amount count',
    },
  },
  bands: [3, 6, 9],
  evaluate(ctx, p) {
    lastBipartite.count = 0;
    lastBipartite.seq = -1;
    // The current leg must reach minBase (the detection stage skips smaller ones); minBaseAbroad is for the walks.
    if (ctx.from === ctx.to || ctx.base < p.minBase) return 0;
    const edges = findBipartite(ctx, p, ctx.to, ctx.seq);
    if (edges > 0) {
      ctx.anchor = ctx.to;
      return edges;
    }
    return p.linkSpread > 0 && p.linkPivots > 0 ? linkedFromPayer(ctx, p) : 0;
  },
};

/**
 * A group linked through one payee is complete only at its last leg, and that may be a payer's leg to its own
 * payee: then the shared payee is another recent payee of the current payer, paid alike. Tries up to `linkPivots`
 * of them (newest first) as b, for a linked group only.
 */
function linkedFromPayer(ctx: EvalContext, p: BipartiteParams): number {
  const { acc, ring } = ctx;
  const mask = ring.mask;
  const minSeq = ring.minSeq();
  const recent = ctx.ts - p.linkWindowMs;
  const lo = ctx.base / p.linkSpread;
  const hi = ctx.base * p.linkSpread;
  // A pivot is a payment in the current leg's format: with no other in the window, there is none to try.
  if (p.linkWindowMs <= FORMAT_EPOCH_MS && !acc.mayHaveFormat(ctx.from, PAYMENTS, ctx.format, ctx.ts))
    return 0;
  let pivots = 0;
  let scanned = 0;
  for (
    let s = acc.lastOut(ctx.from);
    s >= minSeq && scanned < p.linkMaxScan && pivots < p.linkPivots;
    s = ring.prevOut(s & mask)
  ) {
    const i = s & mask;
    if (ring.ts(i) < recent) break;
    scanned++;
    const t = ring.to(i);
    const bs = ring.base(i);
    if (
      s === ctx.seq ||
      t === ctx.to ||
      t === ctx.from ||
      bs < lo ||
      bs > hi ||
      ring.format(i) !== ctx.format
    )
      continue;
    pivots++;
    const edges = findBipartite(ctx, p, t, ctx.seq, true);
    if (edges > 0) {
      ctx.anchor = t;
      return edges;
    }
  }
  return 0;
}
