import type { DetectorFinding } from '../model/alert.ts';

/**
 * A firing: one typology crossing its alert threshold on one transaction, with everything the instance merger
 * needs to turn it into (part of) an alert. The detection stage emits firings; the merger (pattern-instances.ts)
 * turns the stream of firings into alerts. Firings carry account keys and currency codes, never the interned ids
 * of one process, so that they can cross process boundaries (scale-out: docs/decisions/0062-detection-and-merger.md).
 */
export interface FiringEdge {
  readonly txId: string;
  readonly row: number;
  /** Account keys `bank|account`. */
  readonly from: string;
  readonly to: string;
  /** Paid amount in minor units, and its currency code. */
  readonly minor: number;
  readonly currency: string;
  readonly ts: number;
  /** Approximate USD value (the monitor's base amount). */
  readonly base: number;
}

export interface Firing {
  /** Typology name (as in DEFAULT_TYPOLOGIES). */
  readonly typology: string;
  readonly score: number;
  /** Key of the account the pattern is centred on, when the strongest detector named one. */
  readonly anchor: string | undefined;
  /** Evidence edges still in the window, in the order the detectors listed them, each transaction once. */
  readonly evidence: readonly FiringEdge[];
  /** Event time of the transaction that fired. */
  readonly ts: number;
  /** Latest event time seen on the whole stream up to and including this transaction (closing is by it). */
  readonly watermark: number;
  readonly findings: readonly DetectorFinding[];
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/**
 * A firing as compact JSON text: evidence edges as arrays. Scale-out lanes store these (small) instead of alerts.
 */
export function firingText(f: Firing): string {
  return JSON.stringify({
    t: f.typology,
    s: f.score,
    a: f.anchor ?? null,
    ts: f.ts,
    w: f.watermark,
    f: f.findings,
    e: f.evidence.map((e) => [e.txId, e.row, e.from, e.to, e.minor, e.currency, e.ts, e.base]),
  });
}

function parseFinding(v: unknown, where: string): DetectorFinding {
  const o = v as Record<string, unknown> | null;
  if (
    typeof o !== 'object' ||
    o === null ||
    !isStr(o.detector) ||
    !isStr(o.version) ||
    !isStr(o.band) ||
    !isNum(o.value) ||
    !isStr(o.unit)
  ) {
    throw new Error(`${where}: a finding is not {detector, version, band, value, unit}`);
  }
  return {
    detector: o.detector,
    version: o.version,
    band: o.band,
    value: o.value,
    unit: o.unit,
    ...(isStr(o.detail) ? { detail: o.detail } : {}),
  };
}

function parseEdge(v: unknown, where: string, k: number): FiringEdge {
  if (!Array.isArray(v) || v.length !== 8)
    throw new Error(`${where}: evidence edge ${k} is not an 8-item array`);
  const [txId, row, from, to, minor, currency, ts, base] = v as unknown[];
  if (!isStr(txId) || !isNum(row) || !isStr(from) || !isStr(to) || !isNum(minor) || !isStr(currency)) {
    throw new Error(`${where}: evidence edge ${k} has a field of the wrong type`);
  }
  if (!isNum(ts) || !isNum(base)) throw new Error(`${where}: evidence edge ${k} has a bad time or amount`);
  return { txId, row, from, to, minor, currency, ts, base };
}

/** Parses firingText output; throws an Error naming `where` and the problem. */
export function parseFiringText(text: string, where: string): Firing {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${where}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof o !== 'object' || o === null) throw new Error(`${where}: not a JSON object`);
  if (!isStr(o.t) || !isNum(o.s) || !isNum(o.ts) || !isNum(o.w)) {
    throw new Error(`${where}: typology, score, ts or watermark missing or of the wrong type`);
  }
  if (o.a !== null && !isStr(o.a)) throw new Error(`${where}: anchor is neither null nor an account key`);
  if (!Array.isArray(o.f) || !Array.isArray(o.e))
    throw new Error(`${where}: findings or evidence is not a list`);
  return {
    typology: o.t,
    score: o.s,
    anchor: o.a ?? undefined,
    ts: o.ts,
    watermark: o.w,
    findings: o.f.map((x) => parseFinding(x, where)),
    evidence: o.e.map((x, k) => parseEdge(x, where, k)),
  };
}
