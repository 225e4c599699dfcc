import { DAY, type Detector, HOUR } from '../detector.ts';

export type ExodusParams = {
  readonly provenanceWindowMs: number;
  readonly minBase: number;
  readonly provenanceFactor: number;
};

/**
 * Detector 11, TF-EXODUS (T08): money moving from a conflict zone or FATF-listed jurisdiction to the destination
 * set (Europe by default), either directly (the payer's country is risky) or one hop later (the payer received
 * money from a risky country inside the provenance window and now pays into the destination set). The value is
 * the origin's geographic risk (tier A / call-for-action 1.0, tier B/C 0.6, grey list 0.4), reduced by
 * `provenanceFactor` for the one-hop case. Payers inside the destination set are not exfiltrating.
 */
export const exodusDetector: Detector<ExodusParams> = {
  id: 'exodus',
  number: 11,
  version: '1.0.0',
  title: 'Flows out of conflict zones and FATF-listed jurisdictions',
  unit: 'origin risk',
  configSchema: {
    provenanceWindowMs: {
      default: 30 * DAY,
      min: HOUR,
      max: 30 * DAY,
      unit: 'ms',
      description: 'how long a credit from a risky country marks the receiving account',
    },
    minBase: { default: 100, min: 0, max: 1e9, unit: 'USD', description: 'smaller payments are ignored' },
    provenanceFactor: { default: 0.9, min: 0, max: 1, unit: 'factor', description: 'one-hop risk discount' },
  },
  bands: [0.55, 0.8, 0.95],
  evaluate(ctx, p) {
    const dest = ctx.destination;
    const fc = ctx.fromCountry;
    const tc = ctx.toCountry;
    if (tc === 0 || dest[tc] !== 1 || dest[fc] === 1 || fc === tc || ctx.base < p.minBase) return 0;
    const { acc, ring } = ctx;
    let risk = ctx.geoRisk[fc]!;
    if (risk > 0) ctx.add(ctx.seq);
    const a = ctx.from;
    const ps = acc.riskInSeq[a]!;
    if (acc.riskInTs[a]! >= ctx.ts - p.provenanceWindowMs && ring.live(ps)) {
      const origin = acc.country[ring.from[ps & ring.mask]!]!;
      const prov = ctx.geoRisk[origin]! * p.provenanceFactor;
      if (prov > 0) {
        ctx.add(ps);
        ctx.add(ctx.seq);
        if (prov > risk) risk = prov;
      }
    }
    ctx.anchor = a;
    return risk;
  },
};
