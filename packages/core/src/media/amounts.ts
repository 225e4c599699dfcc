import {
  AMBIGUOUS_CURRENCY_NAMES,
  CURRENCY_COUNTRY,
  CURRENCY_LEXICON,
  GOLD_DINAR,
  GOLD_DINAR_CUES,
} from './lexicon-currencies.ts';
import { type AmountQualifier, PER_PHRASES, PERCENT_PHRASES, QUALIFIER_PHRASES } from './lexicon-numbers.ts';
import { COMMODITIES, COMMODITY_FILLERS, QUANTITY_UNITS } from './lexicon-units.ts';
import { normalizeMedia } from './normalize.ts';
import { type NumberMatch, readMediaNumber } from './numbers.ts';
import { PhraseMatcher } from './phrase-matcher.ts';
import type { MediaToken } from './tokenize.ts';

export const PER_PERIODS = ['day', 'month', 'year', 'unit'] as const;
export type PerPeriod = (typeof PER_PERIODS)[number];

interface Spanned {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** An amount of money in an article. */
export interface MoneyMention extends Spanned {
  /** Major units (18 million dollars = 18000000); null for a vague amount (عشرات الملايين). */
  readonly value: number | null;
  /** Order of magnitude of a vague amount (tens of millions = 10000000). */
  readonly magnitude?: number;
  /** ISO 4217 code, or an X-prefixed code for units outside ISO (XGD, the ISIS gold dinar). */
  readonly currency: string;
  readonly currencyName?: string;
  /** The text named the currency only partly (bare دولار, دينار): the code was inferred. */
  readonly currencyAssumed: boolean;
  readonly qualifier?: AmountQualifier;
  readonly qualifierCue?: string;
  readonly per?: PerPeriod;
  readonly perText?: string;
}

export interface QuantityMention extends Spanned {
  readonly value: number | null;
  readonly unit: string;
  readonly per?: PerPeriod;
  readonly qualifier?: AmountQualifier;
  /** The words that gave the qualifier (ما لا يقل عن = at least, read as more_than). */
  readonly qualifierCue?: string;
  readonly commodity?: string;
}

export interface PercentMention extends Spanned {
  readonly value: number;
  readonly qualifier?: AmountQualifier;
  readonly qualifierCue?: string;
}

export interface AmountsResult {
  readonly money: MoneyMention[];
  readonly quantities: QuantityMention[];
  readonly percentages: PercentMention[];
}

interface CurrencyRef {
  readonly code: string;
  readonly assumed: boolean;
  readonly candidates?: readonly string[];
}

function currencyPhrases(): Array<[string, CurrencyRef]> {
  const out: Array<[string, CurrencyRef]> = [];
  const ambiguous = new Set(Object.keys(AMBIGUOUS_CURRENCY_NAMES).map(normalizeMedia));
  for (const e of CURRENCY_LEXICON) {
    for (const f of [...e.forms, ...e.en]) {
      const n = normalizeMedia(f);
      if (ambiguous.has(n)) continue;
      const bare = e.bareDefault === true && !n.includes(' ');
      out.push([
        f,
        { code: e.code, assumed: bare || n === normalizeMedia('درهم') || n === normalizeMedia('جنيه') },
      ]);
    }
  }
  for (const [name, cands] of Object.entries(AMBIGUOUS_CURRENCY_NAMES)) {
    out.push([name, { code: cands[0] ?? 'XXX', assumed: true, candidates: cands }]);
  }
  for (const [f, code] of [
    ['دينار ذهبي', GOLD_DINAR.code],
    ['دنانير ذهبية', GOLD_DINAR.code],
    ['gold dinars', GOLD_DINAR.code],
  ] as const)
    out.push([f, { code, assumed: false }]);
  return out;
}

const NAMES = new PhraseMatcher(currencyPhrases(), { ignoreArticle: true });
const SYMBOLS = new PhraseMatcher<CurrencyRef>(
  CURRENCY_LEXICON.flatMap((e) =>
    e.symbols.map((s): [string, CurrencyRef] => [s, { code: e.code, assumed: false }]),
  ),
  { caseSensitiveLatin: true },
);
const QUALIFIER_MATCHER = new PhraseMatcher<Exclude<AmountQualifier, 'vague'>>(
  Object.entries(QUALIFIER_PHRASES).flatMap(([q, list]) =>
    [...list, ...(q === 'more_than' ? ['أعلى من', 'higher than'] : [])].map(
      (p): [string, Exclude<AmountQualifier, 'vague'>] => [p, q as Exclude<AmountQualifier, 'vague'>],
    ),
  ),
);
const PERS = new PhraseMatcher<PerPeriod>(
  Object.entries(PER_PHRASES).flatMap(([k, list]) =>
    list.map((p): [string, PerPeriod] => [p, k as PerPeriod]),
  ),
);
const PERCENT = new PhraseMatcher(PERCENT_PHRASES.map((p): [string, true] => [p, true]));
const UNITS = new PhraseMatcher(
  Object.entries(QUANTITY_UNITS).flatMap(([u, list]) => list.map((p): [string, string] => [p, u])),
);
const COMMODITY = new PhraseMatcher(
  Object.entries(COMMODITIES).flatMap(([c, list]) => list.map((p): [string, string] => [p, c])),
  { ignoreArticle: true },
);
const FILLERS = new Set(COMMODITY_FILLERS.map(normalizeMedia));
const OF = new Set([normalizeMedia('من'), 'of']);
const APPROX_AFTER = new Set([normalizeMedia('تقريباً'), 'approximately']);
const PER_WORD = new Set(['per', 'a', 'each']);
const RATE_PREFIX = new Set([normalizeMedia('بنسبة'), normalizeMedia('نسبة'), normalizeMedia('بمعدل')]);
const SINGLE_PROCLITIC = /^[\u0648\u0641\u0628\u0644\u0643]$/;

/** Context that decides a bare currency name: does the article speak of gold dinars, which countries appear. */
export interface CurrencyContext {
  readonly goldDinar: boolean;
  readonly countries: ReadonlySet<string>;
}

const COUNTRY_STEMS: ReadonlyArray<readonly [string, string]> = Object.entries({
  عراق: 'IQ',
  كويت: 'KW',
  اردن: 'JO',
  بحرين: 'BH',
  ليبي: 'LY',
  تونس: 'TN',
  جزائر: 'DZ',
  سعودي: 'SA',
  قطر: 'QA',
  عمان: 'OM',
  يمن: 'YE',
  ايران: 'IR',
  سوري: 'SY',
  لبنان: 'LB',
  تركي: 'TR',
  مصر: 'EG',
  سودان: 'SD',
  امارات: 'AE',
  مغرب: 'MA',
  iraq: 'IQ',
  syria: 'SY',
  lebanon: 'LB',
  kuwait: 'KW',
  jordan: 'JO',
}).map(([stem, cc]) => [normalizeMedia(stem), cc] as const);
const GOLD_CUES = new PhraseMatcher(GOLD_DINAR_CUES.map((c): [string, true] => [c, true]));

/** Reads the article-wide context used to resolve bare currency names. */
export function currencyContext(tokens: readonly MediaToken[]): CurrencyContext {
  const countries = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    for (const v of t.forms) {
      const w = v.startsWith('\u0627\u0644') ? v.slice(2) : v;
      for (const [stem, cc] of COUNTRY_STEMS) if (w.startsWith(stem)) countries.add(cc);
    }
  }
  return { goldDinar: GOLD_CUES.findAll(tokens).length > 0, countries };
}

function resolveCurrency(ref: CurrencyRef, ctx: CurrencyContext): { code: string; name?: string } {
  if (ref.code === GOLD_DINAR.code) return { code: GOLD_DINAR.code, name: GOLD_DINAR.name };
  if (ref.candidates === undefined) return { code: ref.code };
  if (ref.candidates.includes('IQD') && ctx.goldDinar)
    return { code: GOLD_DINAR.code, name: GOLD_DINAR.name };
  for (const c of ref.candidates) {
    const cc = CURRENCY_COUNTRY[c];
    if (cc !== undefined && ctx.countries.has(cc)) return { code: c };
  }
  return { code: ref.code };
}

function span(text: string, tokens: readonly MediaToken[], first: number, last: number): Spanned {
  const start = tokens[first]?.start ?? 0;
  const end = tokens[last - 1]?.end ?? start;
  return { text: text.slice(start, end), start, end };
}

/** Per-period after an amount: يومياً, a day, per barrel, للدينار (per unit of something). */
function perAt(tokens: readonly MediaToken[], j: number): { per: PerPeriod; last: number } | undefined {
  const hit = PERS.matchAt(tokens, j, false);
  if (hit !== undefined) return { per: hit.value, last: hit.last };
  const t = tokens[j];
  if (t === undefined || t.kind !== 'word') return undefined;
  if (t.norm.startsWith('\u0644\u0644') && t.norm.length > 3) return { per: 'unit', last: j + 1 };
  if (PER_WORD.has(t.norm) && tokens[j + 1]?.kind === 'word' && t.norm === 'per')
    return { per: 'unit', last: j + 2 };
  return undefined;
}

/**
 * Finds money amounts, physical quantities and percentages in a tokenised text. Pure and deterministic.
 * Numbers that carry no currency, unit or percent sign (years, counts, phone numbers) are not reported.
 */
export function extractAmounts(
  text: string,
  tokens: readonly MediaToken[],
  ctx = currencyContext(tokens),
): AmountsResult {
  const money: MoneyMention[] = [];
  const quantities: QuantityMention[] = [];
  const percentages: PercentMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok === undefined) continue;
    let prefixCur: CurrencyRef | undefined;
    let numStart = i;
    const sym = tok.kind !== 'number' ? SYMBOLS.matchAt(tokens, i, false) : undefined;
    if (sym !== undefined && tokens[sym.last]?.kind === 'number') {
      prefixCur = sym.value;
      numStart = sym.last;
    }
    const num: NumberMatch | undefined = readMediaNumber(tokens, numStart);
    if (num === undefined) continue;
    let j = num.last;
    // qualifier before the amount, and a proclitic glued to digits (بـ180) belongs to the span
    let first = i;
    const q = QUALIFIER_MATCHER.matchEndingAt(tokens, i, 4);
    const glued = tokens[i - 1];
    if (q !== undefined) first = q.first;
    else if (
      glued !== undefined &&
      !tok.spaceBefore &&
      glued.kind === 'word' &&
      SINGLE_PROCLITIC.test(glued.norm)
    )
      first = i - 1;
    const qualifier: AmountQualifier | undefined = num.value === null ? 'vague' : q?.value;
    const qualifierCue = q === undefined ? undefined : { qualifierCue: q.phrase };

    let cur = prefixCur;
    if (cur === undefined) {
      let k = j;
      if (OF.has(tokens[k]?.norm ?? '')) k++;
      const hit = NAMES.matchAt(tokens, k, false) ?? SYMBOLS.matchAt(tokens, k, false);
      if (hit !== undefined && (k === j || num.value === null || hit.phrase !== hit.phrase.toUpperCase())) {
        cur = hit.value;
        j = hit.last;
      }
    }
    if (cur !== undefined) {
      let last = j;
      const resolved = resolveCurrency(cur, ctx);
      const per = perAt(tokens, last);
      if (per !== undefined) last = per.last;
      let qual = qualifier;
      if (APPROX_AFTER.has(tokens[last]?.norm ?? '') && qual === undefined) {
        qual = 'approx';
        last++;
      }
      money.push({
        ...span(text, tokens, first, last),
        value: num.value,
        ...(num.magnitude === undefined ? {} : { magnitude: num.magnitude }),
        currency: resolved.code,
        ...(resolved.name === undefined ? {} : { currencyName: resolved.name }),
        currencyAssumed: cur.assumed || cur.candidates !== undefined,
        ...(qual === undefined ? {} : { qualifier: qual }),
        ...(qual === qualifier ? (qualifierCue ?? {}) : {}),
        ...(per === undefined ? {} : { per: per.per, perText: span(text, tokens, j, per.last).text }),
      });
      i = last - 1;
      continue;
    }
    const pct = PERCENT.matchAt(tokens, j, false);
    if (pct !== undefined && num.value !== null) {
      const rate = RATE_PREFIX.has(tokens[i - 1]?.norm ?? '') && q === undefined ? i - 1 : first;
      percentages.push({
        ...span(text, tokens, rate, pct.last),
        value: num.value,
        ...(qualifier === undefined ? {} : { qualifier }),
        ...(qualifierCue ?? {}),
      });
      i = pct.last - 1;
      continue;
    }
    const unit = UNITS.matchAt(tokens, j, false);
    if (unit !== undefined) {
      let last = unit.last;
      let k = last;
      while (FILLERS.has(tokens[k]?.norm ?? '')) k++;
      const com = COMMODITY.matchAt(tokens, k, false);
      if (com !== undefined) last = com.last;
      const per = perAt(tokens, last);
      if (per !== undefined && per.per !== 'unit') last = per.last;
      quantities.push({
        ...span(text, tokens, first, last),
        value: num.value,
        unit: unit.value,
        ...(per === undefined || per.per === 'unit' ? {} : { per: per.per }),
        ...(qualifier === undefined ? {} : { qualifier }),
        ...(qualifierCue ?? {}),
        ...(com === undefined ? {} : { commodity: com.value }),
      });
      i = last - 1;
      continue;
    }
    i = Math.max(i, num.last - 1);
  }
  return { money, quantities, percentages };
}
