import {
  EN_SCALE_WORDS,
  EN_UNIT_WORDS,
  FRACTION_WORDS,
  HUNDRED_WORDS,
  SCALE_WORDS,
  TEN_WORDS,
  UNIT_WORDS,
  VAGUE_WORDS,
} from './lexicon-numbers.ts';
import { normalizeMedia, procliticVariants, stripMediaArticle } from './normalize.ts';
import type { MediaToken } from './tokenize.ts';

/** A number read from tokens [first, last). A vague amount (عشرات الملايين) has no value, only a magnitude. */
export interface NumberMatch {
  readonly value: number | null;
  readonly magnitude?: number;
  readonly first: number;
  readonly last: number;
}

type Kind = 'unit' | 'ten' | 'hundred' | 'teen10';
interface Word {
  readonly kind: Kind;
  readonly value: number;
}

const WORDS = new Map<string, Word>();
const add = (table: Readonly<Record<string, number>>, kind: Kind): void => {
  for (const [w, v] of Object.entries(table)) WORDS.set(normalizeMedia(w), { kind, value: v });
};
add(UNIT_WORDS, 'unit');
add({ اثنا: 2, اثني: 2, اثنتا: 2, اثنتي: 2 }, 'unit');
add(TEN_WORDS, 'ten');
add(HUNDRED_WORDS, 'hundred');
// "عشر"/"عشرة" after a unit word makes a teen (ثمانية عشر = 18); alone it is 10
WORDS.set(normalizeMedia('عشر'), { kind: 'teen10', value: 10 });
WORDS.set(normalizeMedia('عشرة'), { kind: 'teen10', value: 10 });
for (const [w, v] of Object.entries(EN_UNIT_WORDS))
  if (!w.includes(' ')) WORDS.set(w, { kind: 'unit', value: v });

interface Scale {
  readonly value: number;
  readonly form: 'singular' | 'dual' | 'plural' | 'ambiguous';
}
const SCALES = new Map<string, Scale>();
for (const s of SCALE_WORDS) {
  const dual = new Set(s.dual.map(normalizeMedia));
  const singular = new Set(s.singular.map(normalizeMedia));
  for (const w of singular) SCALES.set(w, { value: s.value, form: dual.has(w) ? 'ambiguous' : 'singular' });
  for (const w of dual) if (!singular.has(w)) SCALES.set(w, { value: s.value, form: 'dual' });
  for (const w of s.plural.map(normalizeMedia)) SCALES.set(w, { value: s.value, form: 'plural' });
}
const EN_SCALES = new Map(Object.entries(EN_SCALE_WORDS));
// single letters only count glued to digits ("3m", "750k"), never as separate words
const GLUED_ONLY = new Set(['m', 'b', 'k']);
const FRACTIONS = new Map(Object.entries(FRACTION_WORDS).map(([w, v]) => [normalizeMedia(w), v]));
const VAGUE = new Map(Object.entries(VAGUE_WORDS).map(([w, v]) => [normalizeMedia(w), v]));
const WAW = '\u0648';
const TANWEEN_FATH = '\u064b';

function lookup<T>(map: ReadonlyMap<string, T>, tok: MediaToken | undefined): T | undefined {
  if (tok === undefined || tok.kind !== 'word') return undefined;
  for (const v of tok.forms) {
    const hit = map.get(v) ?? map.get(stripMediaArticle(v));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

function scaleAt(tokens: readonly MediaToken[], i: number, afterNumber: boolean): Scale | undefined {
  const tok = tokens[i];
  if (tok === undefined || tok.kind !== 'word') return undefined;
  const en = EN_SCALES.get(tok.norm);
  if (en !== undefined) {
    if (GLUED_ONLY.has(tok.norm) && (tok.spaceBefore || !afterNumber)) return undefined;
    return { value: en, form: 'singular' };
  }
  // after a number, only the bare word counts (a proclitic would start a new phrase)
  return afterNumber ? SCALES.get(tok.norm) : lookup(SCALES, tok);
}

/** Does token i start with the conjunction و joined to a number word, or is it a lone و before a number? */
function conjunctionAt(tokens: readonly MediaToken[], i: number): number | undefined {
  const tok = tokens[i];
  if (tok === undefined) return undefined;
  if (tok.kind === 'word' && tok.norm === WAW) {
    const next = tokens[i + 1];
    return next !== undefined && (next.kind === 'number' || lookup(WORDS, next) !== undefined)
      ? i + 1
      : undefined;
  }
  if (tok.kind === 'word' && tok.norm.startsWith(WAW) && WORDS.has(tok.norm.slice(1))) return i;
  return undefined;
}

/** Reads a value below one thousand (or a digit string of any size) starting at token i. */
function readSmall(tokens: readonly MediaToken[], i: number): { value: number; next: number } | undefined {
  const tok = tokens[i];
  if (tok === undefined) return undefined;
  if (tok.kind === 'number') {
    const v = Number(tok.norm);
    if (!Number.isFinite(v)) return undefined;
    // phone numbers, account numbers: a digit run this long is not an amount
    if (tok.norm.replace('.', '').length > 13 || /^00\d/.test(tok.norm)) return undefined;
    return { value: v, next: i + 1 };
  }
  const w = lookup(WORDS, tok);
  if (w === undefined) return undefined;
  let value = w.value;
  let last = w;
  let j = i + 1;
  for (;;) {
    const next = tokens[j];
    if (next === undefined) break;
    const direct = next.kind === 'word' ? WORDS.get(next.norm) : undefined;
    if (direct?.kind === 'teen10' && last.kind === 'unit' && value < 10) {
      value += 10;
      last = direct;
      j++;
      continue;
    }
    if (direct?.kind === 'hundred' && direct.value === 100 && last.kind === 'unit' && value < 10) {
      value *= 100;
      last = direct;
      j++;
      continue;
    }
    const k = conjunctionAt(tokens, j);
    if (k === undefined) break;
    const joined = tokens[k];
    if (joined === undefined || joined.kind === 'number') break;
    const jw = k === j ? WORDS.get(joined.norm.slice(1)) : WORDS.get(joined.norm);
    if (jw === undefined || jw.kind === 'hundred') break;
    value += jw.value;
    last = jw;
    j = k + 1;
  }
  return { value, next: j };
}

/** One group: a small number with an optional scale, a fraction of a scale, or a scale word alone. */
function readGroup(
  tokens: readonly MediaToken[],
  i: number,
): { value: number; scale: number; next: number } | undefined {
  const small = readSmall(tokens, i);
  if (small !== undefined) {
    const s = scaleAt(tokens, small.next, true);
    if (s !== undefined) return { value: small.value * s.value, scale: s.value, next: small.next + 1 };
    return { value: small.value, scale: 1, next: small.next };
  }
  const frac = lookup(FRACTIONS, tokens[i]);
  if (frac !== undefined) {
    const s = scaleAt(tokens, i + 1, true);
    if (s !== undefined) return { value: frac * s.value, scale: s.value, next: i + 2 };
    return undefined;
  }
  const tok = tokens[i];
  const s = scaleAt(tokens, i, false);
  if (tok === undefined || s === undefined || s.form === 'plural' || EN_SCALES.has(tok.norm))
    return undefined;
  let count = s.form === 'dual' ? 2 : 1;
  if (s.form === 'ambiguous') {
    // "مليوناً" (with tanween) and "مليونا و200 ألف" are one million; "مليونا دولار" is two million
    const singular = tok.text.includes(TANWEEN_FATH) || conjunctionAt(tokens, i + 1) !== undefined;
    count = singular ? 1 : 2;
  }
  return { value: count * s.value, scale: s.value, next: i + 1 };
}

/**
 * Reads a number phrase at token i: digits with separators (Arabic-Indic included), Arabic number words with
 * و-compounds (خمسة وعشرين), teens, dual and plural scale forms (مليونا، ملايين، آلاف), fractions of scales
 * (نصف مليار), sums of groups (مليوناً و200 ألف), English scales (2.5bn, $18 million) and vague magnitudes
 * (عشرات الملايين، بضعة آلاف). Returns undefined when no number starts at i.
 */
export function readMediaNumber(tokens: readonly MediaToken[], i: number): NumberMatch | undefined {
  const vagueMult = lookup(VAGUE, tokens[i]);
  if (vagueMult !== undefined) {
    const s = scaleAt(tokens, i + 1, false);
    if (s !== undefined && s.form === 'plural')
      return { value: null, magnitude: vagueMult * s.value, first: i, last: i + 2 };
    if (vagueMult === 1) return undefined;
  }
  const first = readGroup(tokens, i);
  if (first === undefined) {
    // a plural scale alone ("ملايين الدولارات", "millions of dollars") is a vague magnitude
    const tok = tokens[i];
    const s = scaleAt(tokens, i, false);
    if (tok !== undefined && s?.form === 'plural')
      return { value: null, magnitude: s.value, first: i, last: i + 1 };
    if (tok?.norm === 'millions' || tok?.norm === 'billions')
      return { value: null, magnitude: EN_SCALES.get(tok.norm) ?? 1, first: i, last: i + 1 };
    return undefined;
  }
  let value = first.value;
  let scale = first.scale;
  let next = first.next;
  while (scale > 1) {
    const k = conjunctionAt(tokens, next);
    if (k === undefined) break;
    const g = readGroupAfterConjunction(tokens, k, k === next);
    if (g === undefined || g.value >= scale) break;
    value += g.value;
    scale = g.scale;
    next = g.next;
  }
  return { value: Math.round(value * 1e6) / 1e6, first: i, last: next };
}

function readGroupAfterConjunction(
  tokens: readonly MediaToken[],
  k: number,
  glued: boolean,
): { value: number; scale: number; next: number } | undefined {
  if (!glued) return readGroup(tokens, k);
  const tok = tokens[k];
  if (tok === undefined) return undefined;
  // "وخمسمائة": read the token without its و
  const norm = tok.norm.slice(1);
  const bare: MediaToken = { ...tok, norm, text: tok.text.slice(1), forms: procliticVariants(norm) };
  const copy = tokens.slice(k, k + 8);
  copy[0] = bare;
  const g = readGroup(copy, 0);
  return g === undefined
    ? undefined
    : { value: g.value, scale: g.scale === 1 ? 1 : g.scale, next: k + g.next };
}
