import { DAY, type Detector, type EvalContext, HOUR } from '../detector.ts';
import { ENTITY_GOVERNMENT, ENTITY_INDIVIDUAL, ENTITY_NPO, ENTITY_UNKNOWN, isBusiness } from '../state.ts';

export type ExodusParams = {
  readonly windowMs: number;
  readonly provenanceWindowMs: number;
  readonly minBase: number;
  readonly provenanceFactor: number;
  readonly minRisk: number;
  readonly minLegs: number;
  readonly minPayers: number;
  readonly minLegsOnePayer: number;
  readonly minLegsDirect: number;
  readonly largeBase: number;
  readonly minLegsDirectLarge: number;
  readonly maxScan: number;
  readonly individualsOnly: number;
  readonly minLegsRelay: number;
  readonly relayShare: number;
  readonly relayMaxShare: number;
  readonly minLegsBusinessToPeople: number;
};

/**
 * Detector 11, TF-EXODUS (T08): money moving from a conflict zone or FATF-listed jurisdiction into the destination
 * set (Europe by default), directly (the payer's country is risky) or one hop later (the payer was paid from a
 * risky country inside the provenance window). One remittance is not a pattern (FATF: no wholesale de-risking),
 * so one of these shapes is required inside the window: a person in a risky country paying people in the
 * destination set `minLegsDirect` times (`minLegsDirectLarge` times, each of `largeBase` or more); a firm,
 * exchange house or charity there paying people in the destination set `minLegsBusinessToPeople` lump sums of
 * `largeBase` or more, people it pays nothing smaller; a beneficiary paid `minLegs` times by `minPayers` risky payers
 * (one repeating); `minLegsOnePayer` payments forwarded by an intermediary after it was paid from a risky country; or
 * a relay (below). The value is the origin's geographic risk (tier A / call-for-action 1.0, tier B/C 0.6, grey list
 * 0.4; one-hop risk × factor).
 */
export const exodusDetector: Detector<ExodusParams> = {
  id: 'exodus',
  number: 11,
  version: '1.2.0',
  title: 'Flows out of conflict zones and FATF-listed jurisdictions',
  unit: 'origin risk',
  configSchema: {
    windowMs: { default: 10 * DAY, min: HOUR, max: 30 * DAY, unit: 'ms', description: 'legs counted within' },
    provenanceWindowMs: {
      default: 10 * DAY,
      min: HOUR,
      max: 30 * DAY,
      unit: 'ms',
      description: 'how long a credit from a risky country marks the receiving account',
    },
    minBase: { default: 1_000, min: 0, max: 1e9, unit: 'USD', description: 'smaller payments are ignored' },
    provenanceFactor: { default: 0.9, min: 0, max: 1, unit: 'factor', description: 'one-hop risk discount' },
    minRisk: { default: 0.5, min: 0, max: 1, unit: 'risk', description: 'origin risk that counts as risky' },
    minLegs: { default: 3, min: 1, max: 100, unit: 'payments', description: 'risky-origin credits needed' },
    minPayers: {
      default: 2,
      min: 1,
      max: 100,
      unit: 'accounts',
      description: 'distinct risky-origin payers needed',
    },
    minLegsOnePayer: {
      default: 5,
      min: 1,
      max: 100,
      unit: 'payments',
      description:
        'forwarded credits (via an intermediary paid from a risky country) that suffice on their own',
    },
    minLegsDirect: {
      default: 3,
      min: 1,
      max: 100,
      unit: 'payments',
      description: 'payments into the destination set by one risky-country person that suffice on their own',
    },
    largeBase: {
      default: 5_000,
      min: 0,
      max: 1e9,
      unit: 'USD',
      description: 'a large transfer (a lump sum), for minLegsDirectLarge and minLegsBusinessToPeople',
    },
    minLegsDirectLarge: {
      default: 2,
      min: 1,
      max: 100,
      unit: 'payments',
      description:
        'payments of at least largeBase into the destination set by one risky-country person that suffice on their own',
    },
    maxScan: {
      default: 32,
      min: 1,
      max: 1024,
      unit: 'transactions',
      description: 'credits of the beneficiary, or payments of the payer, examined',
    },
    individualsOnly: {
      default: 1,
      min: 0,
      max: 1,
      unit: 'flag',
      description: '1: beneficiary must be a person (not for the relay shape)',
    },
    minLegsRelay: {
      default: 3,
      min: 1,
      max: 100,
      unit: 'payments',
      description:
        'payments into the destination set by an account that relays what it got from a risky country',
    },
    relayShare: {
      default: 0.6,
      min: 0,
      max: 10,
      unit: 'share',
      description: 'relay: paid into the destination set ≥ this share of the risky-origin credits received',
    },
    relayMaxShare: {
      default: 1.25,
      min: 0,
      max: 1000,
      unit: 'share',
      description:
        'relay: paid into the destination set ≤ this share of the risky-origin credits (more is own trade)',
    },
    minLegsBusinessToPeople: {
      default: 3,
      min: 1,
      max: 100,
      unit: 'payments',
      description:
        'payments of at least largeBase by one risky-country firm, exchange house or NPO to known individuals in the destination set that suffice on their own',
    },
  },
  bands: [0.5, 0.8, 0.95],
  evaluate(ctx, p) {
    const dest = ctx.destination;
    const fc = ctx.fromCountry;
    const tc = ctx.toCountry;
    if (tc === 0 || dest[tc] !== 1 || dest[fc] === 1 || fc === tc || ctx.base < p.minBase) return 0;
    const { acc, ring, geoRisk } = ctx;
    const b = ctx.to;
    const e = acc.entity(b);
    const person = p.individualsOnly < 1 || e === ENTITY_INDIVIDUAL || e === ENTITY_UNKNOWN;
    const mask = ring.mask;
    const minSeq = ring.minSeq();
    // Risk of the current leg: direct, else one hop back.
    const a = ctx.from;
    let risk = geoRisk[fc]!;
    const provSince = ctx.ts - p.provenanceWindowMs;
    const prov = acc.riskInTs(a) >= provSince;
    if (risk < p.minRisk && prov) {
      const ps = acc.riskInSeq(a);
      if (ring.live(ps)) risk = geoRisk[acc.country(ring.from(ps & mask))]! * p.provenanceFactor;
    }
    if (risk < p.minRisk) return 0;
    // Risky-origin legs into the beneficiary within the window: direct ones (payer in a risky country) and
    // forwarded ones (payer paid from a risky country before it paid the beneficiary).
    const cutoff = ctx.ts - p.windowMs;
    let directLegs = 0;
    let directPayers = 0;
    let repeat = 0;
    let forwarded = 0;
    let scanned = 0;
    const epoch = acc.nextEpoch();
    // Beneficiary-centred shapes look at people only (firms in Europe are paid from everywhere for trade).
    const lastIn = person ? acc.lastIn(b) : -1;
    for (let s = lastIn; s >= minSeq && scanned < p.maxScan; s = ring.prevIn(s & mask)) {
      const i = s & mask;
      if (ring.ts(i) < cutoff) break;
      scanned++;
      if (ring.base(i) < p.minBase) continue;
      const f = ring.from(i);
      const fcountry = acc.country(f);
      if (dest[fcountry] === 1) continue;
      if (geoRisk[fcountry]! >= p.minRisk) {
        directLegs++;
        ctx.add(s);
        if (acc.stamp[f] !== epoch) {
          acc.stamp[f] = epoch;
          acc.counter[f] = 0;
          directPayers++;
        }
        const c = ++acc.counter[f]!;
        if (c > repeat) repeat = c;
        continue;
      }
      if (acc.riskInTs(f) < provSince) continue;
      // Earliest risky credit of the intermediary inside the provenance window: legs after it count.
      let firstRisk = Number.POSITIVE_INFINITY;
      let inner = 0;
      for (let r = acc.lastIn(f); r >= minSeq && inner < 16; r = ring.prevIn(r & mask)) {
        const j = r & mask;
        const tj = ring.ts(j);
        if (tj < provSince) break;
        inner++;
        if (geoRisk[acc.country(ring.from(j))]! >= p.minRisk && ring.base(j) >= p.minBase) {
          firstRisk = tj;
          ctx.add(r);
        }
      }
      if (ring.ts(i) >= firstRisk) {
        forwarded++;
        ctx.add(s);
      }
    }
    // One-off payments from unrelated senders, or one sender's remittances, are ordinary; several risky payers
    // repeating, or an intermediary forwarding what it was sent from a risky country, is what the scheme shows.
    const collected = directLegs >= p.minLegs && directPayers >= p.minPayers && repeat >= 2;
    // One person in a risky country paying into the destination set again and again (to one or several people).
    let sent = 0;
    let sentLarge = 0;
    const ea = acc.entity(a);
    if (
      !collected &&
      forwarded < p.minLegsOnePayer &&
      geoRisk[fc]! >= p.minRisk &&
      !isBusiness(ea) &&
      ea !== ENTITY_NPO
    ) {
      scanned = 0;
      for (let s = acc.lastOut(a); s >= minSeq && scanned < p.maxScan; s = ring.prevOut(s & mask)) {
        const i = s & mask;
        if (ring.ts(i) < cutoff) break;
        scanned++;
        const t = ring.to(i);
        const bs = ring.base(i);
        if (bs < p.minBase || dest[acc.country(t)] !== 1) continue;
        sent++;
        if (bs >= p.largeBase) sentLarge++;
        ctx.add(s);
      }
    }
    // A firm, exchange house or charity in a risky country sending private people in the destination set large sums
    // again and again. Trade is paid to firms; a person the firm deals with in the ordinary way (wages, refunds, small
    // payments, cash) is also paid less than largeBase, so only people paid nothing but large lump sums count (among
    // the firm's last maxScan payments in the window). A state body paying people abroad (pensions) is not a firm.
    let toPeople = 0;
    const lump = Math.max(p.largeBase, p.minBase);
    if (
      !collected &&
      forwarded < p.minLegsOnePayer &&
      geoRisk[fc]! >= p.minRisk &&
      e === ENTITY_INDIVIDUAL &&
      ctx.base >= lump &&
      ((isBusiness(ea) && ea !== ENTITY_GOVERNMENT) || ea === ENTITY_NPO)
    ) {
      const ordinary = acc.nextEpoch();
      scanned = 0;
      for (let s = acc.lastOut(a); s >= minSeq && scanned < p.maxScan; s = ring.prevOut(s & mask)) {
        const i = s & mask;
        if (ring.ts(i) < cutoff) break;
        scanned++;
        if (ring.base(i) < lump) acc.stamp[ring.to(i)] = ordinary;
      }
      if (acc.stamp[b] !== ordinary) {
        toPeople = lumpSums(ctx, a, cutoff, p.maxScan, ordinary, false);
        // evidence only when the shape fires: a relay found below must not carry these payments
        if (toPeople >= p.minLegsBusinessToPeople) lumpSums(ctx, a, cutoff, p.maxScan, ordinary, true);
      }
    }
    // A second large transfer within days is no longer a one-off remittance: households abroad are sent small sums.
    if (
      toPeople < p.minLegsBusinessToPeople &&
      !collected &&
      forwarded < p.minLegsOnePayer &&
      sent < p.minLegsDirect &&
      sentLarge < p.minLegsDirectLarge
    )
      return relay(ctx, p, provSince) ? risk : 0;
    // the pattern is centred on the firm paying out when only the firm's own payments make it
    ctx.anchor = !collected && forwarded < p.minLegsOnePayer && toPeople >= p.minLegsBusinessToPeople ? a : b;
    return risk;
  },
};

/**
 * Shape 5's count: payer a's payments in the window (its last `maxScan`) to known individuals in the destination set
 * not stamped `ordinary` (every payment left to them is a lump sum), added as evidence when `record` is set.
 */
function lumpSums(
  ctx: EvalContext,
  a: number,
  cutoff: number,
  maxScan: number,
  ordinary: number,
  record: boolean,
): number {
  const { acc, ring, destination: dest } = ctx;
  const mask = ring.mask;
  const minSeq = ring.minSeq();
  let count = 0;
  let scanned = 0;
  for (let s = acc.lastOut(a); s >= minSeq && scanned < maxScan; s = ring.prevOut(s & mask)) {
    const i = s & mask;
    if (ring.ts(i) < cutoff) break;
    scanned++;
    const t = ring.to(i);
    if (acc.stamp[t] === ordinary || dest[acc.country(t)] !== 1 || acc.entity(t) !== ENTITY_INDIVIDUAL)
      continue;
    count++;
    if (record) ctx.add(s);
  }
  return count;
}

/**
 * The relay shape: the payer received money from a risky country inside the provenance window and has since
 * passed most of it on into the destination set in several payments (to people or firms). This is the transit
 * hub of the scheme (a Turkish, Jordanian or Emirati account forwarding Syrian money to Europe); a hub that
 * keeps the money, or pays it on locally, is not relaying. Adds the risky credits and the onward payments as
 * evidence, so both halves of the flow are reported.
 */
function relay(ctx: EvalContext, p: ExodusParams, provSince: number): boolean {
  const { acc, ring, geoRisk, destination: dest } = ctx;
  const a = ctx.from;
  if (!(acc.riskInTs(a) >= provSince)) return false;
  // Only money that crossed a border from a risky country counts: an account's domestic income in its own
  // (risky) country is its livelihood, not money fleeing.
  const home = acc.country(a);
  const mask = ring.mask;
  const minSeq = ring.minSeq();
  let riskIn = 0;
  let first = Number.POSITIVE_INFINITY;
  let scanned = 0;
  for (let r = acc.lastIn(a); r >= minSeq && scanned < p.maxScan; r = ring.prevIn(r & mask)) {
    const j = r & mask;
    const tj = ring.ts(j);
    if (tj < provSince) break;
    scanned++;
    const cf = acc.country(ring.from(j));
    if (cf === home || dest[cf] === 1 || geoRisk[cf]! < p.minRisk || ring.base(j) < p.minBase) continue;
    riskIn += ring.base(j);
    first = tj;
  }
  if (riskIn <= 0) return false;
  // The current payment counts once, whether or not the payer's list already holds it.
  let legs = 1;
  let out = ctx.base;
  scanned = 0;
  for (let s = acc.lastOut(a); s >= minSeq && scanned < p.maxScan; s = ring.prevOut(s & mask)) {
    const i = s & mask;
    if (ring.ts(i) < first) break;
    scanned++;
    if (s === ctx.seq || ring.base(i) < p.minBase || dest[acc.country(ring.to(i))] !== 1) continue;
    legs++;
    out += ring.base(i);
  }
  // A hub paying far more into Europe than it got from risky countries is trading on its own account.
  if (legs < p.minLegsRelay || out < p.relayShare * riskIn || out > p.relayMaxShare * riskIn) return false;
  // Fires: record both halves.
  scanned = 0;
  for (let r = acc.lastIn(a); r >= minSeq && scanned < p.maxScan; r = ring.prevIn(r & mask)) {
    const j = r & mask;
    if (ring.ts(j) < provSince) break;
    scanned++;
    const cf = acc.country(ring.from(j));
    if (cf !== home && dest[cf] !== 1 && geoRisk[cf]! >= p.minRisk && ring.base(j) >= p.minBase) ctx.add(r);
  }
  scanned = 0;
  for (let s = acc.lastOut(a); s >= minSeq && scanned < p.maxScan; s = ring.prevOut(s & mask)) {
    const i = s & mask;
    if (ring.ts(i) < first) break;
    scanned++;
    if (ring.base(i) >= p.minBase && dest[acc.country(ring.to(i))] === 1) ctx.add(s);
  }
  ctx.anchor = a;
  return true;
}
