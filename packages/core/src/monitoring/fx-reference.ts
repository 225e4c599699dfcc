import { knownCurrencies } from '../model/currency.ts';

/**
 * Approximate USD value of one major unit, used only to put amounts of different currencies on one scale for
 * thresholds (structuring, "small amount", minimum sums). Rough 2026 levels; supplied day rates override them for
 * the FX detector. XGD is the gold dinar: 4.25 g of gold (seed article), valued from the XAU price.
 */
const USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.08,
  GBP: 1.27,
  CHF: 1.12,
  JPY: 0.0066,
  CNY: 0.138,
  INR: 0.012,
  RUB: 0.011,
  CAD: 0.73,
  AUD: 0.66,
  MXN: 0.055,
  BRL: 0.18,
  SAR: 0.2667,
  ILS: 0.27,
  BTC: 60000,
  AED: 0.2723,
  IQD: 0.00076,
  SYP: 0.000077,
  JOD: 1.41,
  KWD: 3.25,
  BHD: 2.65,
  OMR: 2.6,
  QAR: 0.2747,
  EGP: 0.02,
  LBP: 0.0000112,
  TRY: 0.03,
  LYD: 0.2,
  TND: 0.32,
  MAD: 0.1,
  DZD: 0.0074,
  YER: 0.004,
  SOS: 0.00175,
  AFN: 0.014,
  PKR: 0.0036,
  NGN: 0.00065,
  SEK: 0.095,
  NOK: 0.094,
  DKK: 0.145,
  PLN: 0.25,
  XAU: 2400,
};
const GRAMS_PER_TROY_OUNCE = 31.1035;
const GOLD_DINAR_GRAMS = 4.25;

/** Supplied reference rates: USD per major unit of a currency on a day (`YYYY-MM-DD`). */
export interface FxReferenceRates {
  /** Returns USD per one major unit of `currency` on the UTC day of `ts`, or undefined when not known. */
  usdPerUnit(currency: string, ts: number): number | undefined;
}

/** Builds a FxReferenceRates from a plain table `{ "2022-09-01": { "EUR": 1.08, ... } }`. */
export function fxRatesFromTable(
  table: Readonly<Record<string, Readonly<Record<string, number>>>>,
): FxReferenceRates {
  let lastDay = Number.NaN;
  let row: Readonly<Record<string, number>> | undefined;
  return {
    usdPerUnit(currency, ts) {
      const d = Math.floor(ts / 86_400_000);
      if (d !== lastDay) {
        lastDay = d;
        row = table[new Date(d * 86_400_000).toISOString().slice(0, 10)];
      }
      return row?.[currency];
    },
  };
}

const FX_RATES_HEADER = 'date,currency,usd_per_unit';

/** `YYYY-MM-DD` naming a day that exists (Date.UTC would roll 2022-02-30 over to March 2). */
function isRealDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return false;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === text;
}

/**
 * Parses day rates in the CSV shape `date,currency,usd_per_unit` (the `fx-rates.csv` that `raqib generate`
 * writes) into a table for fxRatesFromTable. Throws on a malformed line, naming it.
 */
export function parseFxRatesCsv(text: string): Record<string, Record<string, number>> {
  const table: Record<string, Record<string, number>> = {};
  const lines = text.split(/\r?\n/);
  // line 1 is skipped as the header: a file without one would lose its first rate without a word
  const header = (lines[0] ?? '').replace(/^\uFEFF/, '').trim();
  if (header !== FX_RATES_HEADER) {
    throw new Error(
      `fx rates line 1: expected the header "${FX_RATES_HEADER}", got "${header.slice(0, 80)}"`,
    );
  }
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.trim() === '') continue;
    const fields = line.split(',');
    const [date, cur, rate] = fields;
    const r = Number(rate);
    // a rate is looked up by the day's ISO date and the transaction's upper-case code: a row that no lookup can
    // reach (2022-02-30, "eur") or an infinite rate would be taken and then never used, or used wrongly
    if (
      fields.length !== 3 ||
      !isRealDay(date ?? '') ||
      !/^[A-Z]{3}$/.test(cur ?? '') ||
      !(r > 0 && Number.isFinite(r))
    ) {
      throw new Error(
        `fx rates line ${n + 1}: expected date,currency,usd_per_unit, got "${line.slice(0, 80)}"`,
      );
    }
    const day = table[date!] ?? {};
    day[cur!] = r;
    table[date!] = day;
  }
  return table;
}

const RING = 64;

/** The learned part of a CurrencyTable, as plain values (see StageSnapshot). */
export interface CurrencySnapshot {
  readonly codes: readonly string[];
  readonly usd: readonly number[];
  readonly pairs: readonly (readonly [number, number[], number, number | null])[];
  readonly implied: readonly (readonly [number, number[], number])[];
  readonly learned: readonly number[];
  readonly supplied: boolean;
  readonly day: number | null;
}

/**
 * Currencies interned to small ids, their exponents and approximate USD values, plus a robust per-pair estimate of
 * the market rate derived from the data itself (median of the recent effective rates of that pair), for feeds that
 * come with no reference rates. Without supplied rates, each currency's USD value is also learned from the data
 * (median of the values implied by its payments against USD or an already learned currency, after 10 of them),
 * so base amounts follow the feed rather than the built-in table.
 */
export class CurrencyTable {
  readonly ids = new Map<string, number>();
  readonly codes: string[] = [];
  readonly scale: number[] = [];
  readonly usd: number[] = [];
  private readonly pairRates = new Map<number, Float64Array>();
  private readonly pairCount = new Map<number, number>();
  private readonly pairMedian = new Map<number, number>();
  private readonly scratch = new Float64Array(RING);
  /** Implied log USD values per currency, learned from payments against USD (or a learned currency). */
  private readonly implied = new Map<number, Float64Array>();
  private readonly impliedCount = new Map<number, number>();
  private readonly learned = new Set<number>([0]);
  private supplied = false;

  constructor() {
    for (const c of knownCurrencies()) this.id(c.code);
  }

  id(code: string): number {
    const got = this.ids.get(code);
    if (got !== undefined) return got;
    const id = this.codes.length;
    if (id > 254) return 254;
    this.ids.set(code, id);
    this.codes.push(code);
    const exp = knownCurrencies().find((c) => c.code === code)?.exponent ?? 2;
    this.scale.push(10 ** exp);
    this.usd.push(this.staticUsd(code));
    return id;
  }

  private staticUsd(code: string): number {
    if (code === 'XGD') return (GOLD_DINAR_GRAMS * (USD_PER_UNIT.XAU ?? 2400)) / GRAMS_PER_TROY_OUNCE;
    return USD_PER_UNIT[code] ?? 1;
  }

  private day = Number.NaN;

  /**
   * Adopts supplied day rates for the day of `ts` (once per day): base amounts then match the feed's own rates.
   */
  useSupplied(rates: FxReferenceRates, ts: number): void {
    this.supplied = true;
    const d = Math.floor(ts / 86_400_000);
    if (d === this.day) return;
    this.day = d;
    for (let c = 0; c < this.codes.length; c++) {
      const u = rates.usdPerUnit(this.codes[c]!, ts);
      if (u !== undefined && u > 0) this.usd[c] = u;
    }
  }

  /** Approximate USD value of `minor` units of currency `cur`. */
  toUsd(minor: number, cur: number): number {
    return (minor / (this.scale[cur] ?? 100)) * (this.usd[cur] ?? 1);
  }

  /** Major units of `minor` in currency `cur`. */
  major(minor: number, cur: number): number {
    return minor / (this.scale[cur] ?? 100);
  }

  /** Records an observed effective rate (received per paid, major units) of a cross-currency payment. */
  observe(paidCur: number, recvCur: number, rate: number): void {
    if (!(rate > 0) || !Number.isFinite(rate)) return;
    const key = paidCur * 256 + recvCur;
    let ring = this.pairRates.get(key);
    if (ring === undefined) {
      ring = new Float64Array(RING);
      this.pairRates.set(key, ring);
    }
    const n = this.pairCount.get(key) ?? 0;
    ring[n % RING] = Math.log(rate);
    this.pairCount.set(key, n + 1);
    // Recompute the median now and then: cheap, and a slowly moving reference is what we want.
    if (n < RING || n % 16 === 0) this.pairMedian.set(key, this.median(ring, Math.min(n + 1, RING)));
    if (!this.supplied) {
      // usd[p] = rate × usd[r]: learn the unknown side from a side that is USD or already learned.
      if (this.learned.has(recvCur)) this.learn(paidCur, Math.log(rate * (this.usd[recvCur] ?? 1)));
      else if (this.learned.has(paidCur)) this.learn(recvCur, Math.log((this.usd[paidCur] ?? 1) / rate));
    }
  }

  /** Whether the USD value of a currency comes from supplied rates or was learned from the data (not the table). */
  trusted(cur: number): boolean {
    return this.supplied || this.learned.has(cur);
  }

  /** Whether the gold price is known from supplied rates or XAU trades in the feed (not only the table). */
  goldKnown(): boolean {
    const xau = this.ids.get('XAU');
    return xau !== undefined && this.trusted(xau);
  }

  /** Units valued by their metal content (the gold dinar): never learned from trades, which may all be at a premium. */
  intrinsic(cur: number): boolean {
    return this.codes[cur] === 'XGD';
  }

  private learn(cur: number, logUsd: number): void {
    if (cur === 0 || this.intrinsic(cur)) return; // USD is the anchor; the dinar follows gold
    let ring = this.implied.get(cur);
    if (ring === undefined) {
      ring = new Float64Array(RING);
      this.implied.set(cur, ring);
    }
    const n = this.impliedCount.get(cur) ?? 0;
    ring[n % RING] = logUsd;
    this.impliedCount.set(cur, n + 1);
    if (n + 1 >= 10 && (n < RING || n % 16 === 0)) {
      this.usd[cur] = this.median(ring, Math.min(n + 1, RING));
      this.learned.add(cur);
      if (this.codes[cur] === 'XAU') {
        const xgd = this.ids.get('XGD');
        if (xgd !== undefined)
          this.usd[xgd] = (GOLD_DINAR_GRAMS * (this.usd[cur] ?? 0)) / GRAMS_PER_TROY_OUNCE;
      }
    }
  }

  private median(ring: Float64Array, n: number): number {
    const s = this.scratch.subarray(0, n);
    s.set(ring.subarray(0, n));
    s.sort();
    const mid = n >> 1;
    return Math.exp(n % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2);
  }

  /** The table's learned state (currencies in id order, pair rings, implied values). */
  snapshot(): CurrencySnapshot {
    return {
      codes: [...this.codes],
      usd: [...this.usd],
      pairs: [...this.pairRates].map(([k, ring]) => [
        k,
        [...ring],
        this.pairCount.get(k) ?? 0,
        this.pairMedian.get(k) ?? null,
      ]),
      implied: [...this.implied].map(([c, ring]) => [c, [...ring], this.impliedCount.get(c) ?? 0]),
      learned: [...this.learned],
      supplied: this.supplied,
      day: Number.isNaN(this.day) ? null : this.day,
    };
  }

  /** Loads a snapshot into a fresh table. Throws when its currencies do not extend this table's known ones. */
  restore(s: CurrencySnapshot): void {
    for (let c = 0; c < s.codes.length; c++) {
      if (this.id(s.codes[c]!) !== c)
        throw new Error(`currency snapshot: ${s.codes[c]} is not currency ${c} here`);
      this.usd[c] = s.usd[c]!;
    }
    for (const [k, ring, count, median] of s.pairs) {
      this.pairRates.set(k, Float64Array.from(ring));
      this.pairCount.set(k, count);
      if (median !== null) this.pairMedian.set(k, median);
    }
    for (const [c, ring, count] of s.implied) {
      this.implied.set(c, Float64Array.from(ring));
      this.impliedCount.set(c, count);
    }
    for (const c of s.learned) this.learned.add(c);
    this.supplied = s.supplied;
    this.day = s.day ?? Number.NaN;
  }

  /** Observations of a pair so far. */
  samples(paidCur: number, recvCur: number): number {
    return this.pairCount.get(paidCur * 256 + recvCur) ?? 0;
  }

  /** Median observed rate of a pair, or undefined. */
  observedRate(paidCur: number, recvCur: number): number | undefined {
    return this.pairMedian.get(paidCur * 256 + recvCur);
  }

  /** Rate implied by the approximate USD table (received per paid). */
  tableRate(paidCur: number, recvCur: number): number {
    return (this.usd[paidCur] ?? 1) / (this.usd[recvCur] ?? 1);
  }
}
