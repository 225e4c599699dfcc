import type { DetectorFinding } from '../model/alert.ts';
import type { AccountInfo, BankInfo } from '../model/reference.ts';
import { PAYMENT_FORMATS, type Transaction } from '../model/transaction.ts';
import { defaultMonitoringConfig, type MonitoringConfig } from './config.ts';
import {
  BAND_REFS,
  type Bands,
  bandOf,
  type Detector,
  type DetectorParams,
  type EvalContext,
} from './detector.ts';
import { DETECTORS } from './detectors/registry.ts';
import type { Firing, FiringEdge } from './firing.ts';
import { CurrencyTable, type FxReferenceRates } from './fx-reference.ts';
import { DEFAULT_JURISDICTIONS, geoRisk, type Jurisdictions } from './jurisdictions.ts';
import { captureStage, restoreStage, type StageSnapshot } from './stage-snapshot.ts';
import { AccountTable, CREDITS, FORMAT_EPOCH_MS, PAYMENTS } from './state.ts';
import { TxRing } from './tx-ring.ts';
import { DEFAULT_TYPOLOGIES, type TypologyDefinition } from './typologies.ts';

export interface ReferenceData {
  /** Bank id → country. */
  readonly banks?: ReadonlyMap<string, BankInfo>;
  /** accountKey(bank, account) → holder. */
  readonly accounts?: ReadonlyMap<string, AccountInfo>;
  readonly jurisdictions?: Jurisdictions;
  readonly fxRates?: FxReferenceRates;
}

export interface TxAssessment {
  readonly score: number;
  readonly flag: boolean;
  readonly typologies: readonly string[];
  readonly findings: readonly DetectorFinding[];
  readonly alertIds: readonly string[];
}

/**
 * Called whenever a transaction's score rises, also retroactively (a fan-in is recognised only after its later
 * legs arrive, and then its earlier legs are flagged too). Final score of a row = max over calls.
 */
export type ScoreSink = (row: number, txId: string, score: number, typologies: readonly string[]) => void;

/** The per-transaction detection stage: state upkeep, detectors, typology scores, firings (no alerts). */
export interface DetectionStage {
  /**
   * Processes one transaction (event-time order, small disorder tolerated). With `detect` false only the window
   * state is updated (no detector runs, no firing, no score): what a scale-out worker does for transactions that
   * another worker, or an earlier run of its own, already judged. The state is the same either way.
   */
  process(tx: Transaction, detect?: boolean): TxAssessment;
  /**
   * Announces that txs[from…to) are the next transactions `process` will get, in that order: their accounts are
   * then looked up together, which is cheaper than one by one (decision 0022). Optional: the state (bank countries
   * are numbered when the stage is built) and results are the same with or without it. The accounts exist (with no
   * transactions) from this call on; a `process` of another transaction than the one announced next ends the
   * announcement.
   */
  lookAhead(txs: readonly Transaction[], from?: number, to?: number): void;
  /** Latest event time seen so far. */
  watermark(): number;
  /** A copy of the window state (not of open firings: the stage has none), to restore a stage later. */
  snapshot(): StageSnapshot;
  stats(): { accounts: number; transactions: number; evicted: number };
}

export interface DetectionStageOptions {
  readonly config?: MonitoringConfig;
  readonly reference?: ReferenceData;
  /** State to start from: a snapshot of a stage with the same configuration and reference data. */
  readonly restore?: StageSnapshot;
  /** Receives each typology firing at or above its alert threshold, in stream order, synchronously. */
  readonly onFiring: (firing: Firing) => void;
  readonly onScore?: ScoreSink;
  /** Called for every detector outcome above band .00 (diagnostics and tests; leave unset in production runs). */
  readonly onFinding?: (row: number, detector: string, value: number, band: number) => void;
}

const NO_NAMES: readonly string[] = Object.freeze([]);
const NO_FINDINGS: readonly DetectorFinding[] = Object.freeze([]);
const NONE: TxAssessment = Object.freeze({
  score: 0,
  flag: false,
  typologies: Object.freeze([]) as readonly string[],
  findings: Object.freeze([]) as readonly DetectorFinding[],
  alertIds: Object.freeze([]) as readonly string[],
});

const FORMAT_IDS = new Map<string, number>(PAYMENT_FORMATS.map((f, i) => [f, i]));
const REINVESTMENT = PAYMENT_FORMATS.indexOf('Reinvestment');
const CARD = PAYMENT_FORMATS.indexOf('Credit Card');
const EVIDENCE_CAP = 8192;

/** Whether `id` is exactly `String(row)`, checked without allocating. */
function idIsRow(id: string, row: number): boolean {
  const n = id.length;
  if (row < 0 || n === 0 || n > 15 || (n > 1 && id.charCodeAt(0) === 48)) return false;
  let v = 0;
  for (let k = 0; k < n; k++) {
    const d = id.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return false;
    v = v * 10 + d;
  }
  return v === row;
}

interface ActiveTypology {
  readonly def: TypologyDefinition;
  readonly alertThreshold: number;
  /** Detector slots and their band weights. */
  readonly slots: Int32Array;
  readonly weights: Float64Array;
}

/**
 * Creates the detection stage of the monitor: per-account state in event-time windows, the configured detectors
 * and typology scoring; each typology that crosses its alert threshold on a transaction becomes a firing. The
 * stage reads the whole stream's state, so it judges a transaction exactly as one process would, whichever
 * process it runs in (docs/decisions/0062-detection-and-merger.md). Pure: the same transactions and configuration
 * give the same scores and firings.
 */
export function createDetectionStage(options: DetectionStageOptions): DetectionStage {
  const config = options.config ?? defaultMonitoringConfig();
  const reference = options.reference ?? {};
  const jurisdictions = reference.jurisdictions ?? DEFAULT_JURISDICTIONS;
  const onScore = options.onScore;
  const onFinding = options.onFinding;
  const countryIds = new Map<string, number>();
  const acc = new AccountTable(1 << 14, countryIds, reference.banks, reference.accounts);
  const ring = new TxRing(config.retainTransactions);
  const fx = new CurrencyTable();
  const riskArr = new Float32Array(4096);
  const destArr = new Uint8Array(4096);
  const listed = new Set<string>([
    ...jurisdictions.fatfCallForAction,
    ...jurisdictions.fatfIncreasedMonitoring,
    ...jurisdictions.conflictAreas.map((a) => a.iso2),
  ]);
  for (const c of listed) riskArr[acc.countryId(c)] = geoRisk(jurisdictions, c);
  for (const c of jurisdictions.destinations) destArr[acc.countryId(c)] = 1;
  // Every bank's country numbered now, not when its first account appears: the numbering then does not depend on
  // whether accounts are created one by one or a batch ahead (lookAhead), and a snapshot is the same either way.
  if (reference.banks !== undefined) for (const b of reference.banks.values()) acc.countryId(b.country);

  // Enabled detectors, resolved once.
  const dets: Detector[] = [];
  const params: DetectorParams[] = [];
  const bands: Bands[] = [];
  const slotOf = new Map<string, number>();
  for (const d of DETECTORS) {
    const c = config.detectors[d.id];
    if (c !== undefined && !c.enabled) continue;
    slotOf.set(d.id, dets.length);
    dets.push(d);
    params.push(Object.freeze({ ...(c?.params ?? {}) }) as DetectorParams);
    bands.push(c?.bands ?? d.bands);
  }
  const nDet = dets.length;
  // Every detector with a `minBase` parameter returns 0 below it (below `minCurrentAbroad`, where a detector takes
  // smaller legs across a border): skip the call (most payments are small).
  const minBaseOf = Float64Array.from(params, (p) =>
    Math.min(p.minBase ?? 0, p.minCurrentAbroad ?? Number.POSITIVE_INFINITY),
  );
  // The band .01 cut-off of each detector (what `ctx.floor` tells it; a cut-off that is not a finite number: 0, no
  // shortcut).
  const floorOf = Float64Array.from(bands, (b) => (Number.isFinite(b[0]) ? Math.max(b[0], 0) : 0));
  const typologies: ActiveTypology[] = [];
  for (const def of DEFAULT_TYPOLOGIES) {
    const tc = config.typologies[def.name];
    const w = tc?.weights ?? def.weights;
    const slots: number[] = [];
    const weights: number[] = [];
    for (const [id, bw] of Object.entries(w)) {
      const slot = slotOf.get(id);
      if (slot === undefined) continue;
      slots.push(slot);
      weights.push(bw[0], bw[1], bw[2]);
    }
    typologies.push({
      def,
      alertThreshold: tc?.alertThreshold ?? def.alertThreshold,
      slots: Int32Array.from(slots),
      weights: Float64Array.from(weights),
    });
  }
  const onFiring = options.onFiring;

  const evidence = new Int32Array(EVIDENCE_CAP);
  let evLen = 0;
  const values = new Float64Array(nDet);
  const bandIdx = new Int32Array(nDet);
  const evStart = new Int32Array(nDet);
  const evEnd = new Int32Array(nDet);
  const anchors = new Int32Array(nDet);
  const scratch = new Int32Array(EVIDENCE_CAP);
  const maskNames = new Map<number, readonly string[]>();
  const namesOf = (mask: number): readonly string[] => {
    let got = maskNames.get(mask);
    if (got === undefined) {
      const out: string[] = [];
      for (let t = 0; t < typologies.length; t++) if (mask & (1 << t)) out.push(typologies[t]!.def.name);
      got = Object.freeze(out);
      maskNames.set(mask, got);
    }
    return got;
  };

  const ctx: EvalContext = {
    acc,
    ring,
    fx,
    fxRates: reference.fxRates,
    geoRisk: riskArr,
    destination: destArr,
    busyRate: config.busyRatePerDay,
    seq: 0,
    ts: 0,
    from: 0,
    to: 0,
    base: 0,
    paidMinor: 0,
    paidCur: 0,
    recvMinor: 0,
    recvCur: 0,
    format: 0,
    fromCountry: 0,
    toCountry: 0,
    floor: 0,
    anchor: -1,
    detail: undefined,
    add(seq: number) {
      if (evLen < EVIDENCE_CAP) evidence[evLen++] = seq;
    },
  };

  const pt = config.passThrough;
  const tracing = config.fundsTracing;
  const suppliedRates = reference.fxRates;
  const flagThreshold = config.flagThreshold;
  // Ring scores are float32 and a threshold such as 0.35 is not: a stored score meets its own threshold only when
  // the threshold is rounded the same way (the CLI's ScoreTable does likewise).
  const flagAt = Math.fround(flagThreshold);
  let watermark = Number.NEGATIVE_INFINITY;
  let processed = 0;
  /** lookAhead: the announced transactions (undefined: none), the next one's index, and their accounts' ids. */
  let ahead: readonly Transaction[] | undefined;
  let aheadFrom = 0;
  let aheadAt = 0;
  let aheadTo = 0;
  let aheadPayers = new Int32Array(0);
  let aheadPayees = new Int32Array(0);
  if (options.restore !== undefined) {
    restoreStage(options.restore, acc, ring, fx, countryIds);
    // the risk tables are indexed by country number: rebuilt from the snapshot's numbering, which may differ from
    // this stage's own when the jurisdictions file changed since the snapshot (review: each country took its
    // neighbour's risk)
    riskArr.fill(0);
    destArr.fill(0);
    for (const c of listed) riskArr[acc.countryId(c)] = geoRisk(jurisdictions, c);
    for (const c of jurisdictions.destinations) destArr[acc.countryId(c)] = 1;
    watermark = options.restore.watermark;
    processed = options.restore.processed;
  }

  /** Raises the score of a live sequence, reporting the rise. */
  function raise(seq: number, score: number, bit: number): void {
    if (!ring.live(seq)) return;
    const i = seq & ring.mask;
    const m = ring.typoMask(i) | bit;
    const prev = ring.score(i);
    if (score <= prev && m === ring.typoMask(i)) return;
    ring.setTypoMask(i, m);
    if (score > prev) ring.setScore(i, score);
    onScore?.(ring.row(i), ring.idOf(i), Math.max(score, prev), namesOf(m));
    if (tracing.enabled && prev < flagAt && score >= flagThreshold) taint(seq, score, m);
  }

  /**
   * Funds tracing: the payee of a flagged payment holds proceeds; what it pays on shortly afterwards, by a
   * moving instrument and up to about what it received, is flagged too (one hop), retroactively as well.
   */
  function taint(seq: number, score: number, mask: number): void {
    const i = seq & ring.mask;
    const to = ring.to(i);
    const ts = ring.ts(i);
    if (to === ring.from(i) || acc.rate(to, ts) > config.busyRatePerDay) return;
    const credit = ring.base(i);
    if (acc.taintTs(to) < ts - tracing.windowMs) {
      acc.taintBase[to] = 0;
      acc.taintMin[to] = credit;
    } else if (credit < acc.taintMin[to]! || acc.taintMin[to] === 0) acc.taintMin[to] = credit;
    acc.taintBase[to] = acc.taintBase[to]! + credit;
    if (ts > acc.taintTs(to)) acc.setTaintTs(to, ts);
    if (score > acc.taintScore[to]!) acc.taintScore[to] = score;
    acc.taintMask[to] = acc.taintMask[to]! | mask;
    const minSeq = ring.minSeq();
    let scanned = 0;
    for (let s = acc.lastOut(to); s >= minSeq && scanned < 32; s = ring.prevOut(s & ring.mask)) {
      const j = s & ring.mask;
      const t = ring.ts(j);
      if (t < ts) break;
      scanned++;
      if (t <= ts + tracing.windowMs) traced(s, to);
    }
  }

  function traced(seq: number, from: number): void {
    const j = seq & ring.mask;
    const f = ring.format(j);
    if (f === CARD || f === REINVESTMENT || ring.to(j) === from) return;
    const b = ring.base(j);
    if (
      b < tracing.minBase ||
      b > tracing.maxShare * acc.taintBase[from]! ||
      // the share with a relative tolerance: 600.06 of 1,500.15 is 40 %, though 0.4 × 1500.15 rounds above it
      b < tracing.minShare * acc.taintMin[from]! * (1 - 1e-9)
    )
      return;
    // A busy payer's outflows are its trade, so proceeds are followed out of quiet accounts only; payees are followed
    // unless they take more than maxPayeeRate legs a day (a utility, a payment processor).
    const t = ring.ts(j);
    if (acc.rate(from, t) > tracing.maxPayerRate || acc.rate(ring.to(j), t) > tracing.maxPayeeRate) return;
    const s = acc.taintScore[from]! * tracing.factor;
    if (s <= ring.score(j)) return;
    ring.setScore(j, s);
    ring.setTypoMask(j, ring.typoMask(j) | acc.taintMask[from]!);
    onScore?.(ring.row(j), ring.idOf(j), s, namesOf(ring.typoMask(j)));
  }

  function matchPassThrough(seq: number, from: number, ts: number, base: number, format: number): void {
    const i = seq & ring.mask;
    if (base < pt.minBase || acc.rate(from, ts) > config.busyRatePerDay) return;
    // only a credit of the same format can match: none in the window, no walk (decision 0019)
    if (pt.windowMs <= FORMAT_EPOCH_MS && !acc.mayHaveFormat(from, CREDITS, format, ts)) return;
    const minSeq = ring.minSeq();
    const cutoff = ts - pt.windowMs;
    let scanned = 0;
    for (let s = acc.lastIn(from); s >= minSeq && scanned < pt.maxScan; s = ring.prevIn(s & ring.mask)) {
      const j = s & ring.mask;
      const t = ring.ts(j);
      if (t < cutoff) break;
      scanned++;
      if (s === seq || t > ts) continue;
      // the amount test first: it reads the slot's line already loaded, and it fails on most steps; the format
      // byte (an array of its own, another memory miss) and the payer are read only for amounts that match
      const r = base / (ring.base(j) || 1);
      if (!(r >= pt.minRatio && r <= pt.maxRatio) || ring.from(j) === from || ring.format(j) !== format)
        continue;
      ring.setChain(i, s, Math.min(ring.chainDepth(j) + 1, 255));
      return;
    }
  }

  function updateAccounts(
    seq: number,
    from: number,
    to: number,
    ts: number,
    base: number,
    format: number,
  ): void {
    const lb = Math.log(base + 1);
    const n = acc.outCount(from) + 1;
    acc.setOutCount(from, n);
    const mean = acc.outLogMean(from);
    acc.setOutLogMean(from, mean + (lb - mean) / n);
    acc.setInCount(to, acc.inCount(to) + 1);
    if (acc.firstTs(from) === 0) acc.setFirstTs(from, ts);
    if (acc.firstTs(to) === 0) acc.setFirstTs(to, ts);
    // each moves its account's last event time on to ts if later, with the masks of its recent formats (0019)
    acc.noteLeg(from, PAYMENTS, ts, format);
    acc.noteLeg(to, CREDITS, ts, format);
    const fc = acc.country(from);
    if (riskArr[fc]! >= 0.55 && from !== to) acc.setRiskIn(to, ts, seq);
  }

  function lookAhead(txs: readonly Transaction[], from = 0, to = txs.length): void {
    if (to - from > aheadPayers.length) {
      aheadPayers = new Int32Array(to - from);
      aheadPayees = new Int32Array(to - from);
    }
    acc.internAll(txs, from, to, aheadPayers, aheadPayees);
    ahead = from < to ? txs : undefined;
    aheadFrom = from;
    aheadAt = from;
    aheadTo = to;
  }

  function process(tx: Transaction, detect = true): TxAssessment {
    let from: number;
    let to: number;
    if (ahead !== undefined && ahead[aheadAt] === tx) {
      // announced (lookAhead): the ids are already known
      from = aheadPayers[aheadAt - aheadFrom]!;
      to = aheadPayees[aheadAt - aheadFrom]!;
      if (++aheadAt === aheadTo) ahead = undefined;
    } else {
      ahead = undefined;
      from = acc.intern(tx.fromBank, tx.fromAccount);
      to = acc.intern(tx.toBank, tx.toAccount);
    }
    if (tx.fromCountry !== undefined) acc.setCountry(from, acc.countryId(tx.fromCountry));
    if (tx.toCountry !== undefined) acc.setCountry(to, acc.countryId(tx.toCountry));
    const seq = ring.head++;
    const i = seq & ring.mask;
    const ts = tx.ts;
    if (suppliedRates !== undefined) fx.useSupplied(suppliedRates, ts);
    // the table's Map read here, the call only for a new code: as a call on every payment it made this function box
    // its doubles (about 70 bytes of garbage a payment, measured)
    const paidCur = fx.ids.get(tx.currencyPaid) ?? fx.id(tx.currencyPaid);
    const recvCur =
      paidCur === 0 && tx.currencyReceived === tx.currencyPaid
        ? 0
        : (fx.ids.get(tx.currencyReceived) ?? fx.id(tx.currencyReceived));
    const base = fx.toUsd(tx.amountPaid, paidCur);
    const format = FORMAT_IDS.get(tx.paymentFormat) ?? 0;
    ring.put(
      i,
      ts,
      from,
      to,
      base,
      tx.amountPaid,
      paidCur,
      tx.row,
      format,
      acc.lastOut(from),
      acc.lastIn(to),
    );
    acc.setLastOut(from, seq);
    acc.setLastIn(to, seq);
    // Row-derived ids (every AMLworld row) are rebuilt from `row` when needed: holding millions of id strings in
    // the ring would move each one to the old generation and make the garbage collector trace them.
    ring.setId(i, idIsRow(tx.id, tx.row) ? undefined : tx.id);
    if (ts > watermark) watermark = ts;
    if (from !== to && format !== REINVESTMENT) matchPassThrough(seq, from, ts, base, format);

    const result = detect ? judge(tx, seq, i, from, to, ts, base, paidCur, recvCur, format) : NONE;
    updateAccounts(seq, from, to, ts, base, format);
    if (paidCur !== recvCur && tx.amountPaid > 0) {
      fx.observe(paidCur, recvCur, fx.major(tx.amountReceived, recvCur) / fx.major(tx.amountPaid, paidCur));
    }
    processed++;
    return result;
  }

  /** Runs the detectors on the transaction just placed in the ring, scores its typologies, emits firings. */
  function judge(
    tx: Transaction,
    seq: number,
    i: number,
    from: number,
    to: number,
    ts: number,
    base: number,
    paidCur: number,
    recvCur: number,
    format: number,
  ): TxAssessment {
    ctx.seq = seq;
    ctx.ts = ts;
    ctx.from = from;
    ctx.to = to;
    ctx.base = base;
    ctx.paidMinor = tx.amountPaid;
    ctx.paidCur = paidCur;
    ctx.recvMinor = tx.amountReceived;
    ctx.recvCur = recvCur;
    ctx.format = format;
    ctx.fromCountry = acc.country(from);
    ctx.toCountry = acc.country(to);
    evLen = 0;
    let fired = 0;
    for (let k = 0; k < nDet; k++) {
      if (base < minBaseOf[k]!) {
        bandIdx[k] = 0;
        continue;
      }
      ctx.anchor = -1;
      // below the band .01 cut-off a value is band .00: detectors may skip walks that cannot reach it
      ctx.floor = floorOf[k]!;
      const start = evLen;
      const v = dets[k]!.evaluate(ctx, params[k]!);
      const b = bandOf(v, bands[k]!);
      values[k] = v;
      bandIdx[k] = b;
      if (b === 0) {
        evLen = start;
        continue;
      }
      evStart[k] = start;
      evEnd[k] = evLen;
      anchors[k] = ctx.anchor;
      fired++;
      onFinding?.(tx.row, dets[k]!.id, v, b);
    }

    let result: TxAssessment = NONE;
    if (fired > 0) result = score(seq, ts);
    if (tracing.enabled && acc.taintTs(from) >= ts - tracing.windowMs && ts >= acc.taintTs(from)) {
      traced(seq, from);
      if (result === NONE && ring.score(i) > 0) result = assessment(i, undefined);
    }
    return result;
  }

  function score(seq: number, ts: number): TxAssessment {
    const i = seq & ring.mask;
    let findings: DetectorFinding[] | undefined;
    for (let t = 0; t < typologies.length; t++) {
      const ty = typologies[t]!;
      let s = 0;
      let any = false;
      for (let k = 0; k < ty.slots.length; k++) {
        const slot = ty.slots[k]!;
        const b = bandIdx[slot]!;
        if (b === 0) continue;
        any = true;
        s += ty.weights[k * 3 + b - 1]!;
      }
      if (!any || s <= 0) continue;
      if (s > 1) s = 1;
      if (s < flagThreshold) {
        // Below the flag: record the score only (no evidence, no objects: this is the common case).
        if (s > ring.score(i)) {
          ring.setScore(i, s);
          onScore?.(ring.row(i), ring.idOf(i), s, namesOf(ring.typoMask(i)));
        }
        continue;
      }
      const bit = 1 << t;
      // Evidence of every fired detector of the typology, and the anchor of the strongest.
      let n = 0;
      let anchor = -1;
      let bestW = -1;
      const tf: DetectorFinding[] = [];
      for (let k = 0; k < ty.slots.length; k++) {
        const slot = ty.slots[k]!;
        const b = bandIdx[slot]!;
        if (b === 0) continue;
        const d = dets[slot]!;
        tf.push({
          detector: d.id,
          version: d.version,
          band: BAND_REFS[b] ?? '.00',
          value: values[slot]!,
          unit: d.unit,
        });
        const w = ty.weights[k * 3 + b - 1]!;
        if (w > bestW) {
          bestW = w;
          anchor = anchors[slot]!;
        }
        for (let e = evStart[slot]!; e < evEnd[slot]! && n < EVIDENCE_CAP; e++) scratch[n++] = evidence[e]!;
      }
      findings ??= [];
      for (const f of tf) if (!findings.some((g) => g.detector === f.detector)) findings.push(f);
      for (let e = 0; e < n; e++) raise(scratch[e]!, s, bit);
      raise(seq, s, bit);
      if (s >= ty.alertThreshold) onFiring(firing(ty.def.name, s, anchor, n, ts, tf));
    }
    const sc = ring.score(i);
    if (sc <= 0) return NONE;
    if (findings === undefined)
      return { score: sc, flag: false, typologies: NO_NAMES, findings: NO_FINDINGS, alertIds: NO_NAMES };
    return assessment(i, findings);
  }

  function assessment(i: number, findings: DetectorFinding[] | undefined): TxAssessment {
    const sc = ring.score(i);
    return {
      score: sc,
      flag: sc >= flagAt,
      typologies: namesOf(ring.typoMask(i)),
      findings: findings ?? [],
      alertIds: [],
    };
  }

  /** The firing of a typology: evidence scratch[0..n) resolved to edges (live ones, each transaction once). */
  function firing(
    typology: string,
    s: number,
    anchor: number,
    n: number,
    ts: number,
    findings: DetectorFinding[],
  ): Firing {
    const evidence: FiringEdge[] = [];
    // firings are rare next to transactions: a small Set per firing costs nothing that matters
    const seen = new Set<number>();
    for (let k = 0; k < n; k++) {
      const seq = scratch[k]!;
      if (!ring.live(seq) || seen.has(seq)) continue;
      seen.add(seq);
      const j = seq & ring.mask;
      evidence.push({
        txId: ring.idOf(j),
        row: ring.row(j),
        from: acc.keys[ring.from(j)]!,
        to: acc.keys[ring.to(j)]!,
        minor: ring.paid(j),
        currency: fx.codes[ring.paidCur(j)] ?? 'USD',
        ts: ring.ts(j),
        base: ring.base(j),
      });
    }
    return {
      typology,
      score: s,
      anchor: anchor >= 0 ? acc.keys[anchor] : undefined,
      evidence,
      ts,
      watermark,
      findings,
    };
  }

  return {
    process,
    lookAhead,
    watermark: () => watermark,
    snapshot: () => captureStage(acc, ring, fx, countryIds, watermark, processed),
    stats: () => ({
      accounts: acc.size,
      transactions: processed,
      evicted: Math.max(0, ring.head - ring.capacity),
    }),
  };
}
