import { knownCurrencies, type Rng } from '@raqib/core';

/**
 * Approximate US-dollar value of one unit of each currency around September 2022 (AMLworld's period), official
 * rates for SYP/LBP/IQD. XGD, the gold dinar of the seed article, is 4.25 g of gold at the XAU price.
 */
const USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.0,
  GBP: 1.16,
  CHF: 1.03,
  JPY: 0.007,
  CNY: 0.145,
  INR: 0.0125,
  RUB: 0.0165,
  CAD: 0.76,
  AUD: 0.68,
  MXN: 0.05,
  BRL: 0.19,
  SAR: 0.266,
  ILS: 0.29,
  BTC: 20000,
  AED: 0.2723,
  IQD: 0.000685,
  SYP: 0.000398,
  JOD: 1.41,
  KWD: 3.23,
  BHD: 2.65,
  OMR: 2.6,
  QAR: 0.2747,
  EGP: 0.0518,
  LBP: 0.000663,
  TRY: 0.0549,
  LYD: 0.2,
  TND: 0.31,
  MAD: 0.095,
  DZD: 0.0071,
  YER: 0.004,
  SOS: 0.00176,
  AFN: 0.0113,
  PKR: 0.0044,
  NGN: 0.0023,
  SEK: 0.093,
  NOK: 0.098,
  DKK: 0.134,
  PLN: 0.21,
  XAU: 1720,
  XGD: (1720 * 4.25) / 31.1035,
};

/** Grams of gold in one gold dinar (XGD). */
export const GOLD_DINAR_GRAMS = 4.25;

/**
 * The day's reference rates: a seeded random walk around the base rates (0.4 % a day, bitcoin 3 %), with XGD
 * tied to XAU. Generated data converts at these rates ± a small spread, except TF-FX-PREMIUM legs.
 */
export class FxReference {
  /** ISO codes, index-aligned with the rate table. */
  readonly codes: readonly string[];
  readonly days: number;
  private readonly rates: Float64Array;
  private readonly index: ReadonlyMap<string, number>;

  constructor(rng: Rng, days: number) {
    const codes = knownCurrencies().map((c) => c.code);
    this.codes = codes;
    this.days = days;
    this.index = new Map(codes.map((c, i) => [c, i]));
    const n = codes.length;
    this.rates = new Float64Array(n * days);
    const xau = this.index.get('XAU') ?? -1;
    const xgd = this.index.get('XGD') ?? -1;
    for (let c = 0; c < n; c++) {
      const code = codes[c] ?? '';
      let rate = USD_PER_UNIT[code] ?? 1;
      const vol = code === 'BTC' ? 0.03 : code === 'USD' ? 0 : 0.004;
      for (let d = 0; d < days; d++) {
        this.rates[d * n + c] = rate;
        rate *= 1 + vol * (rng.next() * 2 - 1);
      }
    }
    if (xau >= 0 && xgd >= 0) {
      for (let d = 0; d < days; d++) {
        this.rates[d * n + xgd] = ((this.rates[d * n + xau] ?? 0) * GOLD_DINAR_GRAMS) / 31.1035;
      }
    }
  }

  currencyIndex(code: string): number {
    const i = this.index.get(code);
    if (i === undefined) throw new Error(`synth: no reference rate for ${code}`);
    return i;
  }

  /** US dollars per unit of currency `c` (an index into `codes`) on day `day` (0-based, clamped). */
  usdPerUnit(c: number, day: number): number {
    const d = day < 0 ? 0 : day >= this.days ? this.days - 1 : day;
    return this.rates[d * this.codes.length + c] ?? 1;
  }
}
