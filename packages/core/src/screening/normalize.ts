/**
 * Name normalisation that keeps a map back to the original text, so an explanation can point at the exact
 * characters a list token came from. Folding rules are applied one code point at a time; each output
 * character records the offset of the input code point it came from.
 */
import { isKana } from './kana.ts';
import { TABLE_SCRIPTS, tableScriptOf } from './romanize.ts';

/** Arabic-script letters folded to one form (alef maqsura, taa marbuta, Persian/Urdu letters). */
const ARABIC_FOLD: Readonly<Record<string, string>> = {
  ٱ: 'ا', // alef wasla
  ى: 'ي', // alef maqsura
  ة: 'ه', // taa marbuta
  ی: 'ي', // Persian yeh
  ې: 'ي',
  ے: 'ي', // Urdu yeh barree
  ک: 'ك', // Persian keheh
  ڪ: 'ك',
  ۀ: 'ه',
  ە: 'ه',
  ھ: 'ه', // Urdu do-chashmi heh
  ہ: 'ه', // Urdu heh goal
  ٹ: 'ت',
  ڈ: 'د',
  ڑ: 'ر',
  ں: 'ن',
  // Pashto letters with one reading each: retroflex t, d, r, n, the feminine yeh, and the Pashto gaf
  ټ: 'ت',
  ډ: 'د',
  ړ: 'ر',
  ڼ: 'ن',
  ۍ: 'ي',
  ګ: 'گ',
  // Kurdish (Sorani) letters: ێ is the long e (شێخ = Sheikh, خێر = Kheir), written ي elsewhere; ۆ the long o,
  // written و; ڕ the trilled r and ڵ the dark l; Urdu ۓ (yeh barree with hamza) and ۃ (its taa marbuta)
  ێ: 'ي',
  ۆ: 'و',
  ڕ: 'ر',
  ڵ: 'ل',
  ۓ: 'ي',
  ۃ: 'ه',
};

/** Latin letters that neither NFKC nor diacritic stripping reduces to ASCII. */
const LATIN_FOLD: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

/** Marks dropped inside a word: apostrophes, ʿayn/hamza transcription marks, tatweel, zero-width joiners, lone hamza. */
const DROP = new Set([
  "'",
  '’',
  '‘',
  'ʿ',
  'ʾ',
  '`',
  '´',
  'ʻ',
  'ʼ',
  'ˈ',
  '\u0640',
  '\u200c',
  '\u200d',
  '\u200f',
  '\u200e',
  'ء',
]);

const COMBINING = /\p{M}/u;
/** Marks left after folding are the vowel signs of the scripts below: part of the word. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
/** Indic scripts (Devanagari to Sinhala), Thai, Lao, Myanmar and Khmer: vowels written as combining signs. */
const VOWEL_SIGN_SCRIPTS = /[\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]/u;

const foldCache = new Map<string, string>();

/** Folds one code point (memoised: names reuse a small alphabet, and NFKC/NFD per character is the slow part). */
function foldCodePoint(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 97 && code <= 122) return ch;
  if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
  let out = foldCache.get(ch);
  if (out === undefined) {
    out = foldSlow(ch);
    if (foldCache.size < 10_000) foldCache.set(ch, out);
  }
  return out;
}

function foldSlow(ch: string): string {
  if (DROP.has(ch)) return '';
  const code = ch.codePointAt(0) ?? 0;
  // Arabic-Indic and Persian digits to ASCII digits.
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  // kana keep their voicing marks (バ is not ハ), and Indic and Southeast Asian scripts their vowel signs (मोदी
  // is not मद): those marks are letters' vowels, not diacritics, and NFD would split them off as combining marks
  const nfkc = ch.normalize('NFKC');
  if (isKana(nfkc) || VOWEL_SIGN_SCRIPTS.test(nfkc)) return nfkc.normalize('NFC');
  let out = '';
  // NFKC folds presentation forms (U+FB50–FEFF) and ligatures; NFD then splits off harakat, hamza and
  // madda on their carriers and Latin diacritics, all of which are combining marks we drop.
  for (const c of ch.normalize('NFKC').toLowerCase().normalize('NFD')) {
    if (COMBINING.test(c) || DROP.has(c)) continue;
    out += ARABIC_FOLD[c] ?? LATIN_FOLD[c] ?? c;
  }
  return out;
}

/** A token of the normalised text with its span in the original string (UTF-16 offsets, end exclusive). */
export interface NormalizedToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /**
   * Where each UTF-16 unit of `text` starts in the original: a word split inside (محمدعبد, Binladen) points at
   * its parts exactly, marks and dropped letters included (مُحَمَّدعبد).
   */
  readonly offsets: readonly number[];
  /** True when a comma follows this token in the original (for "LAST, First" order). */
  readonly commaAfter: boolean;
}

export interface NormalizedName {
  readonly original: string;
  /** Normalised tokens joined by single spaces. */
  readonly text: string;
  readonly tokens: readonly NormalizedToken[];
}

/**
 * Normalises a name: NFKC, lower case, no diacritics or harakat, one form for alef/hamza carriers, alef
 * maqsura, taa marbuta and Persian/Urdu letters, no tatweel; punctuation splits tokens, apostrophes join them.
 */
export function normalizeName(original: string): NormalizedName {
  const b = new TokenBuilder();
  let i = 0;
  let prevLower = false;
  const chars = [...original];
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k] as string;
    // "VladimirPutin", "SiemensAG": a capital after a lower-case letter starts a new word, unless it is a lone
    // capital ending the word ("GmbH")
    const upper = isUpperCase(ch);
    const after = chars[k + 1] ?? '';
    const loneLast = after === '' || !isLetter(after);
    if (upper && prevLower && !loneLast && b.cur.length >= 2) b.flush(false);
    prevLower = !upper && isLowerCase(ch);
    const folded = foldCodePoint(ch);
    if (folded.length === 0) {
      i += ch.length;
      continue;
    }
    for (const c of folded) {
      if (isLetterOrDigit(c)) {
        if (b.start < 0) b.start = i;
        b.cur += c;
        for (let u = 0; u < c.length; u++) b.offsets.push(i);
        b.end = i + ch.length;
      } else {
        b.flush(c === ',' || c === '،');
      }
    }
    i += ch.length;
  }
  b.flush(false);
  const tokens = b.tokens;
  return { original, text: tokens.map((t) => t.text).join(' '), tokens };
}

// Character classes with an ASCII fast path: names are mostly ASCII, and a Unicode property test or a case
// mapping per character was a tenth of building the index. Outside ASCII they are the general tests.
function isUpperCase(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : ch !== ch.toLowerCase();
}

/** Changed by upper-casing (a small letter; titlecase ǅ too, which the caller's upper-case test excludes). */
function isLowerCase(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 128 ? c >= 97 && c <= 122 : ch !== ch.toUpperCase();
}

function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 128 ? (c | 32) >= 97 && (c | 32) <= 122 : /\p{L}/u.test(ch);
}

function isLetterOrDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 128 ? ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 48 && c <= 57) : LETTER_OR_DIGIT.test(ch);
}

/** The token being read and those read: a class, not a closure over locals (see the lint rule in eslint.config.js). */
class TokenBuilder {
  readonly tokens: NormalizedToken[] = [];
  cur = '';
  offsets: number[] = [];
  start = -1;
  end = 0;

  /** Ends the current token; `comma`: a comma follows it (or the token before, when none is open). */
  flush(comma: boolean): void {
    const tokens = this.tokens;
    if (this.cur.length > 0)
      tokens.push({
        text: this.cur,
        start: this.start,
        end: this.end,
        offsets: this.offsets,
        commaAfter: comma,
      });
    else if (comma && tokens.length > 0) {
      const last = tokens[tokens.length - 1];
      if (last) tokens[tokens.length - 1] = { ...last, commaAfter: true };
    }
    this.cur = '';
    this.offsets = [];
    this.start = -1;
  }
}

/** Normalised text only, for callers that do not need offsets. */
export function normalizeText(text: string): string {
  return normalizeName(text).text;
}

const ARABIC_RANGE = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u;
const CYRILLIC_RANGE = /[\u0400-\u04ff]/u;
const LATIN_RANGE = /[a-z]/u;

export const SCRIPTS = ['latin', 'arabic', 'cyrillic', ...TABLE_SCRIPTS, 'kana', 'other'] as const;
export type Script = (typeof SCRIPTS)[number];

/** Script of a normalised token, decided by its first letter. */
export function scriptOf(token: string): Script {
  for (const c of token) {
    if (LATIN_RANGE.test(c)) return 'latin';
    if (ARABIC_RANGE.test(c)) return 'arabic';
    if (CYRILLIC_RANGE.test(c)) return 'cyrillic';
    if (/\p{L}/u.test(c)) return isKana(c) ? 'kana' : (tableScriptOf(c) ?? 'other');
  }
  return 'latin';
}

/** True when the text holds any Arabic-script letter (Arabic, Persian, Urdu, Pashto). */
export function hasArabicScript(text: string): boolean {
  return ARABIC_RANGE.test(text);
}
