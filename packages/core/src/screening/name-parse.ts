/**
 * Parses a name into scored tokens: finds Arabic particles (article, nasab markers, Abd/Abu/Umm prefixes,
 * "-ud-Din" suffixes), honorifics and legal forms, and gives every remaining token its transliteration key.
 */

import { BoundedMemo } from './bounded-memo.ts';
import { chineseReading, isWadeGiles } from './chinese-syllables.ts';
import { romanizeKana } from './kana.ts';
import { isKoreanFamilyName } from './korean-names.ts';
import { type KoreanName, koreanName } from './korean-syllables.ts';
import { ARTICLES, BINDING_PREFIXES, HONORIFICS, NASAB, ORG_DROP, SUN_ARTICLES } from './name-parts.ts';
import { type NormalizedToken, normalizeName, type Script, scriptOf } from './normalize.ts';
import { compoundNumber } from './number-words.ts';
import { translationsOf } from './organisation-words.ts';
import {
  arabicAltKey,
  arabicFinalHKey,
  arabicFinalTKey,
  arabicKey,
  arabicThKey,
  arabicVKey,
  collapseKey,
  latinKey,
  phoneticKey,
  romanizeCyrillic,
} from './phonetic-key.ts';
import { romanizeTable } from './romanize.ts';
import { isSerialNumber } from './serial-number.ts';
import { slavicReading } from './slavic-reading.ts';
import { isArabicNameSpelling, isCommonArabicName } from './spelling-families.ts';
import { levenshtein } from './string-distance.ts';

export const TOKEN_ROLES = ['word', 'initial', 'article', 'nasab', 'honorific', 'legal', 'acronym'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

export const NAME_KINDS = ['person', 'organisation', 'any'] as const;
/** How to read a name: persons keep nasab order rules, organisations drop legal forms. */
export type NameKind = (typeof NAME_KINDS)[number];

export interface NameToken {
  /** Normalised surface form; compounds are joined with a space ("abd rahman"). */
  readonly text: string;
  /** Transliteration key (see phonetic-key.ts). */
  readonly key: string;
  /**
   * Alternative key, '' when none: Latin digraphs read as two letters (Lakhal = لكحل), or the key without a
   * glued article (Alzawahiri = al-Zawahiri).
   */
  readonly alts: readonly string[];
  /** Latin surface form for spelling comparison (Cyrillic romanised; '' for Arabic script). */
  readonly latin: string;
  readonly script: Script;
  readonly role: TokenRole;
  /** Span in the original text (UTF-16 offsets, end exclusive). */
  readonly start: number;
  readonly end: number;
  /** True when a nasab marker (bin, ibn, بن…) precedes the token: it names an ancestor, not the person. */
  readonly ancestor: boolean;
  /** True for the surname block of a "SURNAME(S), Given names" list name: never discounted as a middle name. */
  readonly family: boolean;
  /** English and French renderings of an Arabic-script organisation word (جبهة → front), else []. */
  readonly translations: readonly string[];
  /** A Latin word its writer marked as shortened: a full stop after it (Dept., U.S.) or Int'l, Nat'l. */
  readonly abbreviated: boolean;
  /**
   * A number after an organisation's name that tells the members of a series apart (Fund IV, Snow Storm 2):
   * digits or a Roman numeral, never the first word (serial-number.ts).
   */
  readonly serial: boolean;
}

export interface ParsedName {
  readonly original: string;
  readonly kind: NameKind;
  /** Tokens that take part in scoring (words and initials), in name order. */
  readonly tokens: readonly NameToken[];
  /** Tokens set aside (articles, nasab markers, honorifics, legal forms), shown in explanations. */
  readonly dropped: readonly NameToken[];
  /** Arabic naming structure present (Arabic script, article, nasab, Abd/Abu): token order then carries meaning. */
  readonly arabicStructure: boolean;
  /** At least one nasab marker: ancestor roles are known. */
  readonly hasNasab: boolean;
  /**
   * Readings of the tokens as Chinese syllables (chinese-syllables.ts), in token order, when every token is
   * made of them; undefined otherwise.
   */
  readonly chinese: readonly string[] | undefined;
  /** The name writes at least one syllable the Wade-Giles way (Hsi, Tse-tung). */
  readonly wadeGiles: boolean;
  /**
   * Readings of the tokens as Korean syllables (korean-syllables.ts), in token order, and the surname's place, when
   * the name is a person's shaped as a Korean one (a surname and given names of one or two syllables); else undefined.
   */
  readonly korean: KoreanName | undefined;
}

const PERSON_LEGAL: ReadonlySet<string> = new Set([
  'ltd',
  'limited',
  'llc',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'company',
  'plc',
  'gmbh',
  'jsc',
  'ojsc',
  'pjsc',
  'cjsc',
  'ooo',
  'oao',
  'zao',
  'llp',
  'fze',
  'fzco',
  'لمتد',
  'لميتد',
  'كمپني',
]);

/**
 * Arabic and Pashto connecting words (في in, و and, د of, او and) that no personal name holds standing alone,
 * so they are set aside in names of any kind (القاعدة في العراق = al-Qaida in Iraq).
 */
const ARABIC_CONNECTORS: ReadonlySet<string> = new Set(['في', 'و', 'د', 'او']);

/** Long legal-form words, for typos in them (Aktiengeselschaft): one edit away still reads as the legal form. */
const LONG_LEGAL = [...ORG_DROP].filter((w) => w.length >= 8 && /^[a-z]+$/.test(w));

function isOrgDrop(text: string): boolean {
  if (ORG_DROP.has(text)) return true;
  if (text.length < 8) return false;
  return LONG_LEGAL.some((w) => Math.abs(w.length - text.length) <= 1 && levenshtein(w, text, 1) <= 1);
}

const ABD_GLUED = /^abd(?:ul|el|al|ol|ur|ar|us|as|ud|ad|er|ir|u|i|e|o)?([a-z]{3,})$/;
const ABU_GLUED = /^ab(?:u|ou)([a-z]{4,})$/;
const DIN_GLUED =
  /^([a-z]{3,}?)(?:uddin|uddeen|eddine|eddin|addin|aldin|eldin|aldeen|uldin|udin|edin|iddin)$/;
const NASAB_ARTICLE_GLUED = /^(bin|ben|ibn)(al|el)([a-z]{3,})$/;
const ARTICLE_GLUED = /^(?:al|el)([a-z]{4,})$/;
const SUN_GLUED = /^[ae]l?(([bdnrstz])\2[a-z]{2,})$/;
/** "-ud-Din" tails written as one word after a name: "Ansar Eddine", "Nur Uddin". */
const DIN_TAILS: ReadonlySet<string> = new Set([
  'eddine',
  'eddin',
  'uddin',
  'uddeen',
  'addin',
  'aldin',
  'eldin',
  'ud-din',
]);
const DIN_WORDS: ReadonlySet<string> = new Set(['din', 'deen', 'dine', 'دين']);
const ARABIC_ABU_GLUED = /^ابو(?:ال)?(.{3,})$/u;
const ARABIC_ABD_GLUED = /^عبد(?:ال)?(.{2,})$/u;
const ARABIC_DIN_GLUED = /^(.{2,})الدين$/u;
/** و / ب / ف / ك before the article, or ل fused with it (لل): the particle, then the word without its article. */
const GLUED_PARTICLE_ARTICLE = /^([وبفك]ال|لل)(.{3,})$/u;
/**
 * Key of Abd Allah (Abdullah, Abdallah, Abdulla, عبد الله): its own class, because ʿayn is unwritten in keys
 * and Allah and ʿAli both reduce to l, so Abdullah would meet Abd al-Ali (عبدالعلی).
 */
const ABD_ALLAH_KEY = 'bdA';
const ALLAH_FORMS = /^(?:[aeiu]?ll?ah?|الله)$/;
function isAllahWord(text: string): boolean {
  return ALLAH_FORMS.test(text);
}

const PREFIX_KEY: Readonly<Record<string, string>> = { abd: 'bd', abu: 'V', umm: 'M' };

interface Raw {
  text: string;
  start: number;
  end: number;
  role: TokenRole;
  script: Script;
  /** Binding prefix class, when the token is Abd/Abu/Umm. */
  prefix?: string;
  /** Key forced by glued-form splitting (abdulrahman → bd + rhmn). */
  key?: string;
}

/**
 * Words a letter after them continues rather than numbers (S. en C., Santos da C.); the one-letter connectors y, e
 * and & need no entry: a letter after a letter is never a series letter, and & is not a word the gap may hold.
 */
const SERIES_CONNECTORS: ReadonlySet<string> = new Set([
  'en',
  'et',
  'and',
  'und',
  'de',
  'da',
  'do',
  'del',
  'of',
]);

function keyOf(text: string, script: Script): string {
  return phoneticKey(text, script);
}

function latinOf(text: string, script: Script): string {
  if (script === 'latin') return text;
  if (script === 'cyrillic') return romanizeCyrillic(text);
  if (script === 'greek' || script === 'armenian' || script === 'georgian')
    return romanizeTable(text, script);
  return '';
}

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '9': 'g',
};

/** "Ig0r Sech1n": digits standing for letters inside a Latin word are read as the letters. */
function unLeet(text: string): string {
  if (/^\d+(?:st|nd|rd|th)$/.test(text)) return text; // an ordinal (1st, 44th), not leet
  return /[a-z]/.test(text) && /\d/.test(text) ? text.replace(/[0134579]/g, (d) => LEET[d] ?? d) : text;
}

/** Where the normalised text's unit `k` starts in the original (unLeet keeps the length). */
function unitStart(token: NormalizedToken, k: number): number {
  return token.offsets[k] ?? token.end;
}

/**
 * How a word splits, by its text alone: a word's parts, each with its text, role, forced key and where it starts
 * and ends as units of the word (-1: the word's own start or end). The lists' 152,000 words are 31,500 distinct
 * ones, and finding a split takes up to a dozen regular expressions; the offsets are the token's own.
 */
interface SplitPart {
  readonly text: string;
  readonly role: TokenRole;
  readonly key: string | undefined;
  readonly from: number;
  readonly to: number;
}
interface Split {
  readonly script: Script;
  readonly parts: readonly SplitPart[];
}

const SPLITS = new BoundedMemo<Split>();

function splitGlued(token: NormalizedToken): Raw[] {
  let split = SPLITS.get(token.text);
  if (split === undefined) {
    split = splitOf(token.text);
    SPLITS.set(token.text, split);
  }
  const raws: Raw[] = [];
  for (const p of split.parts) {
    const start = p.from < 0 ? token.start : unitStart(token, p.from);
    const end = p.to < 0 ? token.end : unitStart(token, p.to);
    raws.push(
      p.key === undefined
        ? { start, end, script: split.script, role: p.role, text: p.text }
        : { start, end, script: split.script, role: p.role, text: p.text, key: p.key },
    );
  }
  return raws;
}

function part(text: string, from = -1, to = -1, role: TokenRole = 'word', key?: string): SplitPart {
  return { text, role, key, from, to };
}

/** The word kept whole, with a key the split forces (glued Abd / Abu / Din forms). */
function keyedWhole(script: Script, text: string, key: string): Split {
  return { script, parts: [part(text, -1, -1, 'word', key)] };
}

function splitOf(word: string): Split {
  const text = unLeet(word);
  const script = scriptOf(text);
  if (script === 'arabic') {
    const abd = ARABIC_ABD_GLUED.exec(text);
    if (abd?.[1] && text !== 'عبد') {
      return keyedWhole(
        script,
        text,
        /^عبدا?لل?ه$/u.test(text) ? ABD_ALLAH_KEY : `bd${keyOf(abd[1], 'arabic')}`,
      );
    }
    const abu = ARABIC_ABU_GLUED.exec(text);
    if (abu?.[1]) return keyedWhole(script, text, `V${keyOf(abu[1], 'arabic')}`);
    // نورالدين written as one word: the article is assimilated in speech (Nooruddin, Nureddin), so the key
    // is the head's and Din's, as for the Latin glued forms
    const din = ARABIC_DIN_GLUED.exec(text);
    if (din?.[1]) return keyedWhole(script, text, collapseKey(`${keyOf(din[1], 'arabic')}dn`));
    // a preposition or "and" glued to an article (والشام = wa-l-Sham, بالدم = bi-l-dam, للصرافة = li-l-sarafa):
    // the article's word stands alone, as in the Latin rendering ("… and the Levant")
    const glued = GLUED_PARTICLE_ARTICLE.exec(text);
    if (glued?.[1] && glued[2] && [...text].length >= 5) {
      const cut = glued[1].length;
      return { script, parts: [part(glued[1], -1, cut, 'legal'), part(glued[2], cut, -1)] };
    }
    // بن glued to a common name (بنحسين, بنعلي, بنيوسف): the Maghrebi family names Ben Hassine, Benali, Benyoussef
    // are "son of" and the name, and Latin lists write them apart; only before a known name, since بن also
    // begins words of their own (بنيامين, بنان)
    if (text.startsWith('بن') && isCommonArabicName(text.slice(2)))
      return { script, parts: [part('بن', -1, 2), part(text.slice(2), 2, -1)] };
    // عبد glued to the end of the name before it (محمدعبد البصير = Mohammad Abdul Basir): Abd never ends a name,
    // it binds the word after it; only after a known name, since a word may end in the letters (معبد, متعبد)
    if (text.endsWith('عبد') && isCommonArabicName(text.slice(0, -3))) {
      const cut = text.length - 3;
      return { script, parts: [part(text.slice(0, cut), -1, cut), part('عبد', cut, -1)] };
    }
    if (text.startsWith('ال') && [...text].length >= 4 && text !== 'الله')
      return { script, parts: [part('ال', -1, 2, 'article'), part(text.slice(2), 2, -1)] };
    return { script, parts: [part(text)] };
  }
  if (script === 'latin' && !BINDING_PREFIXES.has(text)) {
    const nasab = NASAB_ARTICLE_GLUED.exec(text);
    if (nasab?.[1] && nasab[2] && nasab[3]) {
      const a = nasab[1].length;
      const b = nasab[1].length + nasab[2].length;
      return { script, parts: [part(nasab[1], -1, a), part(nasab[2], a, b), part(nasab[3], b, -1)] };
    }
    const abd = ABD_GLUED.exec(text);
    if (abd?.[1]) {
      return keyedWhole(script, text, isAllahWord(abd[1]) ? ABD_ALLAH_KEY : `bd${keyOf(abd[1], 'latin')}`);
    }
    const abu = ABU_GLUED.exec(text);
    if (abu?.[1]) return keyedWhole(script, text, `V${keyOf(abu[1], 'latin')}`);
    const din = DIN_GLUED.exec(text);
    if (din?.[1]) return keyedWhole(script, text, collapseKey(`${keyOf(din[1], 'latin')}dn`));
  }
  return { script, parts: [part(text)] };
}

/** Nasab markers and binding prefixes no Korean or Chinese syllable shares (not Bin, Ben, Um, Ag), for arabicWord. */
const ARABIC_ONLY_MARKERS: ReadonlySet<string> = new Set(
  [...NASAB, ...BINDING_PREFIXES.keys()].filter((w) => !['bin', 'ben', 'bn', 'bt', 'um', 'ag'].includes(w)),
);

/**
 * True when a word shows the name is Arabic: Arabic script, the article al / el / ul or a sun-letter article
 * before its letter, a nasab marker or Abd / Abu / Umm (apart or glued), Din or an -ud-Din tail, Allah, or a Latin
 * spelling of a common Arabic name (Mohammed, Ahmad, Ali).
 */
function arabicWord(r: Raw, next: Raw | undefined): boolean {
  if (r.script === 'arabic') return true;
  if (r.script !== 'latin') return false;
  const t = r.text;
  if (t !== 'il' && ARTICLES.has(t)) return true;
  if (SUN_ARTICLES.has(t) && next !== undefined && next.text.length > 1 && next.text.startsWith(t.slice(1)))
    return true;
  return (
    ARABIC_ONLY_MARKERS.has(t) ||
    r.key !== undefined ||
    DIN_TAILS.has(t) ||
    DIN_WORDS.has(t) ||
    t === 'allah' ||
    t === 'ullah' ||
    isArabicNameSpelling(t)
  );
}

/**
 * Il is read as a Korean given syllable, not the article as Egypt and the Levant say it (il-Masri), in a Korean
 * name: one with a Korean surname and no word that shows it Arabic (Kim Il Sung, "KIM, Jong Il" turned round to
 * Jong Il KIM, Pak Il-Gyu). Elsewhere it stays the article (Ramzi bin il-Shibh, IL-BRAZZOL), as the lists' Arabic
 * and Maltese names need; an organisation's name drops a head Il with la and le (Il Sole 24 Ore) either way.
 */
function koreanIl(raws: readonly Raw[], at: number): boolean {
  return (
    raws.some((r, k) => k !== at && r.script === 'latin' && isKoreanFamilyName(r.text)) &&
    !raws.some((r, k) => k !== at && arabicWord(r, raws[k + 1]))
  );
}

/** Nasab markers read as such at the end of a name, where no name follows (not Ben, which is a surname too). */
const TRAILING_NASAB: ReadonlySet<string> = new Set(['bin', 'ibn', 'bint', 'بن', 'ابن', 'بنت']);

/** A Latin word of two syllables or more. */
const POLYSYLLABIC = /[aeiouy][^aeiouy]+[aeiouy]/;

/**
 * A marker at the end of a name after this word is a nasab marker whose name is gone: the word is Arabic script
 * or a Latin word of two syllables or more (Salman Mohammed bin). After a one-syllable word Bin is a Korean or
 * Chinese given name (KO TAE BIN, Daniel Tan Bin): only the word right before counts, since an English given name
 * of two syllables often comes first (Daniel, Jason, Kevin). The chain itself cannot be required to look Arabic
 * or Malay: "Salman Mohammed bin" has no other marker or article to show it.
 */
function endsNasabChain(before: Raw): boolean {
  return before.script === 'arabic' || (before.script === 'latin' && POLYSYLLABIC.test(before.text));
}

/** "Ben" as the first word of a Latin name: the English given name, not "son of". */
function givenBen(r: Raw, at: number): boolean {
  return at === 0 && r.text === 'ben' && r.script === 'latin';
}

/** Moves "LAST, First" to "First LAST" when exactly one comma splits the name. */
function reorderComma(tokens: readonly NormalizedToken[]): readonly NormalizedToken[] {
  const commas = tokens.filter((t) => t.commaAfter);
  if (commas.length !== 1) return tokens;
  const at = tokens.indexOf(commas[0] as NormalizedToken);
  if (at < 0 || at === tokens.length - 1) return tokens;
  return [...tokens.slice(at + 1), ...tokens.slice(0, at + 1)];
}

/**
 * Parses a name for screening.
 * @param text the name as written (any script)
 * @param kind 'person', 'organisation' or 'any' (unknown: legal forms are dropped, nasab rules kept)
 */
export function parseName(text: string, kind: NameKind = 'any'): ParsedName {
  const norm = normalizeName(text);
  const ordered = kind === 'organisation' ? norm.tokens : reorderComma(norm.tokens);
  const comma = ordered !== norm.tokens ? norm.tokens.find((t) => t.commaAfter) : undefined;
  familyEnd = comma ? comma.end : -1;
  parsedText = text;
  const raws: Raw[] = ordered.flatMap(splitGlued);

  // Organisations: "p.l.c." and "s.a." arrive as single letters; glue runs of them back together, but only
  // letters joined by punctuation: "Partners V L.P." ends in the fund's number V, then the legal form L.P.
  if (kind === 'organisation') {
    for (let i = 0; i < raws.length - 1; i++) {
      const a = raws[i] as Raw;
      let j = i;
      while (
        j + 1 < raws.length &&
        (raws[j + 1] as Raw).text.length === 1 &&
        a.text.length <= 3 &&
        a.script === 'latin' &&
        text.slice((raws[j] as Raw).end, (raws[j + 1] as Raw).start).trim() !== ''
      )
        j++;
      if (j > i && a.text.length === 1) {
        const parts = raws.slice(i, j + 1);
        raws.splice(i, j - i + 1, {
          ...a,
          text: parts.map((p) => p.text).join(''),
          end: (parts[parts.length - 1] as Raw).end,
        });
      }
    }
  }

  // "JC Juncker", "GW Bush": in a person's name written in mixed case, two or three capitals without a vowel
  // are initials run together (an all-capitals list name says nothing, "Ng" is a surname, and in an untyped
  // name they may be an acronym: "Bank of Iran (MJN)")
  if (kind === 'person' && /\p{Ll}/u.test(text)) {
    // never the last word: initials stand before the surname
    for (let i = raws.length - 2; i >= 0; i--) {
      const r = raws[i] as Raw;
      if (r.script !== 'latin' || !/^[B-DF-HJ-NP-TV-XZ]{2,3}$/.test(text.slice(r.start, r.end))) continue;
      raws.splice(
        i,
        1,
        ...[...r.text].map((ch, k) => ({ ...r, text: ch, start: r.start + k, end: r.start + k + 1 })),
      );
    }
  }

  // "Forty-Four", "forty four": a tens word and a unit word write one number, compared as its digits (44)
  for (let i = raws.length - 2; i >= 0; i--) {
    const a = raws[i] as Raw;
    const b = raws[i + 1] as Raw;
    const n = a.script === 'latin' ? compoundNumber(a.text, b.text) : undefined;
    if (n !== undefined) raws.splice(i, 2, { ...a, text: n, end: b.end });
  }

  const significantCount = raws.length;
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i] as Raw;
    if (r.role !== 'word') continue;
    const next = raws[i + 1];
    if (HONORIFICS.has(r.text) && significantCount > 1 && i < raws.length - 1) r.role = 'honorific';
    else if (ARTICLES.has(r.text) && next !== undefined && (r.text !== 'il' || !koreanIl(raws, i)))
      r.role = 'article';
    else if (r.text === 'il' && kind === 'organisation' && i === 0 && next !== undefined) r.role = 'legal';
    // an article is never followed by a lone letter: "AT&T" is not at-T
    else if (SUN_ARTICLES.has(r.text) && next?.text.startsWith(r.text.slice(1)) && next.text.length > 1)
      r.role = 'article';
    // a Latin name's first word "Ben" is the given name (Ben Netanyahu): a nasab marker stands after the
    // person's own name, and a surname-first "BEN ALI, Zine" has been turned round already
    else if (
      NASAB.has(r.text) &&
      next !== undefined &&
      kind !== 'organisation' &&
      !givenBen(r, i) &&
      (r.text !== 'ag' || (kind === 'person' && i > 0))
    )
      r.role = 'nasab';
    // "Salman Mohammed bin": a marker left at the end, its name cut off or the chain turned round, names no
    // ancestor; it is set aside rather than left to count as a name of its own (Ben, a surname too, stays;
    // so does Bin after a word of one syllable, where it is a Korean or Chinese given name: KO TAE BIN, Daniel
    // Tan Bin)
    else if (
      TRAILING_NASAB.has(r.text) &&
      next === undefined &&
      i >= 2 &&
      kind !== 'organisation' &&
      endsNasabChain(raws[i - 1] as Raw)
    )
      r.role = 'nasab';
    else if (ARABIC_CONNECTORS.has(r.text) && significantCount > 2) r.role = 'legal';
    else if (kind === 'organisation' ? isOrgDrop(r.text) : PERSON_LEGAL.has(r.text)) r.role = 'legal';
    else {
      const prefix = BINDING_PREFIXES.get(r.text);
      if (prefix !== undefined) r.prefix = prefix;
    }
  }
  // an organisation's own acronym after its name ("MUHAMMAD JAMAL NETWORK (MJN)", "AL-ITIHAAD AL-ISLAMIYA /
  // AIAI"): the name spelled out already says it, so it is set aside rather than left unmatched
  if (kind === 'organisation' && raws.length >= 3) {
    const last = raws[raws.length - 1] as Raw;
    const written = text.slice(last.start, last.end);
    const before = text.slice(0, last.start).trimEnd();
    if (/^[A-Z][A-Za-z]{1,5}$/.test(written) && /[A-Z].*[A-Z]/.test(written) && /[(/]$/.test(before))
      last.role = 'acronym';
  }
  // never drop every token: a name that is only particles keeps them as words
  if (raws.every((r) => r.role !== 'word')) for (const r of raws) if (r.role === 'legal') r.role = 'word';

  const tokens: NameToken[] = [];
  const dropped: NameToken[] = [];
  let afterNasab = false;
  let arabicStructure = false;
  let hasNasab = false;
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i] as Raw;
    if (r.script === 'arabic') arabicStructure = true;
    if (r.role !== 'word') {
      dropped.push(toToken(r, false));
      if (r.role === 'nasab' && i < raws.length - 1) {
        afterNasab = true;
        hasNasab = true;
      }
      if (r.role === 'article' || r.role === 'nasab') arabicStructure = true;
      continue;
    }
    if (r.prefix !== undefined) {
      // Abd / Abu / Umm bind to the next word, skipping an article: "abd al rahman" → one token
      let j = i + 1;
      const between: Raw[] = [];
      while (j < raws.length && (raws[j] as Raw).role === 'article') between.push(raws[j++] as Raw);
      const head = raws[j];
      if (head !== undefined && head.role === 'word' && head.prefix === undefined) {
        arabicStructure = true;
        const key =
          r.prefix === 'abd' && isAllahWord(head.text)
            ? ABD_ALLAH_KEY
            : `${PREFIX_KEY[r.prefix] ?? ''}${head.key ?? keyOf(head.text, head.script)}`;
        const merged: Raw = { ...r, text: `${r.text} ${head.text}`, end: head.end, key };
        tokens.push(toToken(merged, afterNasab));
        for (const b of between) dropped.push(toToken(b, false));
        afterNasab = false;
        i = j;
        continue;
      }
    }
    const tok = toToken(r, afterNasab);
    // "Saif al-Din", "Nasr Allah": the -Din / -Allah tail binds to the word before it
    const prev = tokens[tokens.length - 1];
    const prevRaw = raws[i - 1];
    const isDin = (DIN_WORDS.has(tok.text) && prevRaw?.role === 'article') || DIN_TAILS.has(tok.text);
    const isAllah = tok.text === 'allah' || tok.text === 'ullah' || tok.text === 'الله';
    if (prev !== undefined && (isDin || (isAllah && prev.key.length > 0 && !prev.key.startsWith('bd')))) {
      tokens[tokens.length - 1] = {
        ...prev,
        text: `${prev.text} ${tok.text}`,
        // the joined key collapses like any other (ولي الله = Waliullah: the two l's are one)
        key: collapseKey(`${prev.key}${isDin ? 'dn' : tok.key}`),
        alts: prev.alts.map((a) => collapseKey(`${a}${isDin ? 'dn' : tok.key}`)),
        end: tok.end,
        latin: prev.latin + tok.latin,
      };
      arabicStructure = true;
      afterNasab = false;
      continue;
    }
    tokens.push(tok);
    afterNasab = false;
  }
  // a number after an organisation's name tells the members of a series apart (Fund IV, Snow Storm 2); a
  // person's "III" is a generation, another person, so persons never have one
  if (kind !== 'person') {
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i] as NameToken;
      if (isSerialNumber(t.latin, kind === 'organisation')) tokens[i] = { ...t, serial: true };
    }
    // …and so does a letter that ends an organisation's name after a word: the vessels MARIA E, LADY D and
    // CARLOTA C are members of a series as SILVIA I is, not names with a given name's initial
    // (written apart by spaces alone after a word that is no connector, the last word kept, with no full stop of its
    // own: HUJI-B, DHKP/C, S. en C., "Petroleos de Venezuela S A" and Morgan J. end in letters of other kinds, while
    // SUN SHIP MANAGEMENT D LTD and GRUPO W S.A. have a series letter before their legal form)
    const last = tokens.length - 1;
    const lastToken = tokens[last];
    const before = tokens[last - 1];
    if (
      kind === 'organisation' &&
      lastToken?.role === 'initial' &&
      before !== undefined &&
      before.role === 'word' &&
      !SERIES_CONNECTORS.has(before.text) &&
      /^ +$/.test(text.slice(before.end, lastToken.start)) &&
      !/^\s*\./.test(text.slice(lastToken.end))
    )
      tokens[last] = { ...lastToken, serial: true };
  }
  const chinese = arabicStructure ? undefined : chineseReadings(tokens);
  const wadeGiles = chinese !== undefined && tokens.some((t) => isWadeGiles(t.text));
  const korean = arabicStructure || kind === 'organisation' ? undefined : koreanShaped(tokens);
  return { original: text, kind, tokens, dropped, arabicStructure, hasNasab, chinese, wadeGiles, korean };
}

/** A name's words read as Korean syllables when it is a Korean name of two to four Latin words. */
function koreanShaped(tokens: readonly NameToken[]): KoreanName | undefined {
  if (tokens.length < 2 || tokens.length > 4) return undefined;
  let family = -1;
  const latin: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as NameToken;
    // the one-letter syllables O and U (Cho Il U) are read as initials
    if (
      t.script !== 'latin' ||
      (t.role !== 'word' && !(t.role === 'initial' && (t.latin === 'o' || t.latin === 'u')))
    )
      return undefined;
    if (t.family) {
      if (family >= 0) return undefined;
      family = k;
    }
    latin.push(t.latin);
  }
  return koreanName(latin, family);
}

/** Readings of every token as Chinese syllables, undefined as soon as one token is not made of them. */
function chineseReadings(tokens: readonly NameToken[]): string[] | undefined {
  const out: string[] = [];
  for (const t of tokens) {
    const r = t.script === 'latin' && t.role === 'word' ? chineseReading(t.text) : undefined;
    if (r === undefined) return undefined;
    out.push(r);
  }
  return out;
}

/** End offset of the surname block of the name being parsed (parsing is synchronous, so a module variable is safe). */
let familyEnd = -1;
/** The name being parsed, as written (for the marks of an abbreviation). */
let parsedText = '';

/**
 * True when the writer marked a Latin word as shortened: a full stop right after it (Dept., the glued U.S.) or
 * an apostrophe standing for the dropped middle, one or two letters before the end (Int'l, Gov't; not O'Brien).
 */
function markedAbbreviated(r: Raw): boolean {
  if (r.script !== 'latin' || r.text.length < 2 || /\d/.test(r.text)) return false;
  if (parsedText[r.end] === '.') return true;
  return /^[^'’]{2,}['’][^'’]{1,2}$/u.test(parsedText.slice(r.start, r.end));
}

function toToken(r: Raw, ancestor: boolean): NameToken {
  const role: TokenRole =
    r.role === 'word' && r.script === 'latin' && r.text.length === 1 ? 'initial' : r.role;
  const keys = r.key === undefined ? plainKeysOf(r.text, r.script) : readKeys(r.text, r.script, r.key);
  return {
    text: r.text,
    key: keys.key,
    alts: keys.alts,
    latin: keys.latin,
    script: r.script,
    role,
    start: r.start,
    end: r.end,
    ancestor,
    family: r.start < familyEnd,
    translations: r.script === 'arabic' ? translationsOf(r.text) : [],
    abbreviated: role === 'word' && markedAbbreviated(r),
    serial: false,
  };
}

/** A word's Latin letters, key and other keys: what depends on its text and script alone, when no key is forced. */
type TokenKeys = { readonly key: string; readonly alts: readonly string[]; readonly latin: string };

/**
 * Keys of words already read, by script and text: the lists' 43,000 names hold about 31,500 distinct words among
 * 152,000, and a word's keys take a dozen regular-expression passes each.
 */
const PLAIN_KEYS = new BoundedMemo<TokenKeys>();

function plainKeysOf(text: string, script: Script): TokenKeys {
  const memoKey = `${script}\u0001${text}`;
  let keys = PLAIN_KEYS.get(memoKey);
  if (keys === undefined) {
    keys = readKeys(text, script, undefined);
    PLAIN_KEYS.set(memoKey, keys);
  }
  return keys;
}

/** `forced`: a key the parser set (glued Abu/Abd forms), which has no alternative readings of its letters. */
function readKeys(text: string, script: Script, forced: string | undefined): TokenKeys {
  const latin = latinOf(text, script).replace(/ /g, '');
  const key = forced ?? keyOf(text.replace(/ /g, ''), script);
  const alts: string[] = [];
  if (forced === undefined && script === 'latin') {
    const t = text;
    const glued = ARTICLE_GLUED.exec(t);
    if (glued?.[1]) alts.push(latinKey(glued[1]));
    // Essabar = as-Sabbar, Essaadi = as-Saʿdi: a sun-letter article glued on, its consonant doubled
    const sun = SUN_GLUED.exec(t);
    if (sun?.[1]) alts.push(latinKey(sun[1]));
    alts.push(latinKey(t, true)); // Lakhal = لكحل: kh as two letters
    if (/[aeiou]h$/.test(t)) alts.push(`${latinKey(t.slice(0, -1))}h`); // Salah = صالح: a real final h
    if (t.includes('g')) alts.push(latinKey(t.replace(/g(?!h)/g, 'j'))); // Ragab = رجب (Egyptian g)
    if (t.includes('c')) alts.push(latinKey(t.replace(/c(?!h)/g, 's'))); // Faycal = فيصل
    // ch for kh inside a word in German- and Dutch-style romanisations (Barich = بريخ, Bachtiar = بختيار);
    // not at the start, where English reads ch (Cheryl is not Khairullah)
    if (t.indexOf('ch', 1) > 0) alts.push(latinKey(t[0] + t.slice(1).replace(/ch/g, 'kh')));
    const slavic = slavicReading(t);
    if (slavic !== t) alts.push(latinKey(slavic));
  } else if (script === 'kana') {
    alts.push(latinKey(romanizeKana(text).replace(/r/g, 'l'))); // Japanese has one liquid: ラ is la too
  } else if (script === 'arabic') {
    const bare = text.replace(/ /g, '');
    const alt = arabicAltKey(bare);
    // a forced key (glued Abu/Abd forms) is not the plain reading of the letters: no alternative for it
    if (forced === undefined || key === arabicKey(bare)) {
      if (alt) alts.push(alt);
      alts.push(arabicFinalHKey(bare), arabicFinalTKey(bare), arabicThKey(bare), arabicVKey(bare));
    }
  }
  return { key, alts: [...new Set(alts)].filter((a) => a.length > 0 && a !== key), latin };
}
