/**
 * Compares two name tokens and says how they met: the same spelling, a transliteration of each other
 * (same key across scripts), a spelling variant (same key, both Latin), a near spelling, or an initial.
 */

import { countryCode } from './countries.ts';
import { isShortFormOf } from './hypocorisms.ts';
import type { NameToken } from './name-parse.ts';
import { numberOf } from './number-words.ts';
import { looseKey, phoneticKey } from './phonetic-key.ts';
import { serialRelation } from './serial-number.ts';
import { slavicReading } from './slavic-reading.ts';
import { arabicFamilyAgrees, arabicNamesDiffer, sameSpellingFamily } from './spelling-families.ts';
import { jaroWinkler, levenshtein } from './string-distance.ts';

export const MATCH_HOWS = [
  'exact',
  'transliteration',
  'spelling-variant',
  'fuzzy',
  'initial',
  'prefix',
  'alias-table',
  'abd-dropped',
  'din-dropped',
  'translation',
  'abbreviation',
  'series',
  'short-form',
] as const;
/** How a query token met a list token; shown in every explanation. */
export type MatchHow = (typeof MATCH_HOWS)[number];

export interface TokenSimilarity {
  readonly sim: number;
  readonly how: MatchHow;
  /**
   * Set when a reading rule lowered a pair whose keys met (capped it, or refused it: sim 0): the reason, which
   * the name score carries into the explanation's adjustments.
   */
  readonly limit?: string;
}

/** Why a pair whose keys met was capped at 0.6 or refused; shown in the explanation. */
export const LIMIT_DIPHTHONG =
  'a Latin diphthong (ai, ay, ei, ey) in the first syllable that the Arabic-script word writes no ي or ع for';
export const LIMIT_W = 'a Latin w that the Arabic-script word writes no و for';
export const LIMIT_FINAL_YA =
  'a Latin -ya or -ia against a one-consonant Arabic-script word ending in a lone ي (ī, not ya)';

const NONE: TokenSimilarity = { sim: 0, how: 'fuzzy' };

/**
 * When an alternative key of one token equals the key or an alternative key of the other: the length of the key
 * that met (the shorter side's), else 0.
 */
function altMeetingLength(q: NameToken, c: NameToken): number {
  for (const a of q.alts) if (a === c.key || c.alts.includes(a)) return a.length;
  for (const a of c.alts) if (a === q.key) return Math.min(a.length, q.key.length);
  return 0;
}

/** Strength of a key match across scripts by key length: a one-consonant key (Ali = علي → l) says little. */
function keyStrength(len: number): number {
  return len >= 3 ? 0.95 : len === 2 ? 0.85 : 0.7;
}

/** An article glued to a Latin name (Alzawahiri, Essabar, Ettounsi): the vowel frame is the name's own. */
const GLUED_ARTICLE = /^(?:[ae]l(?=[a-z]{4})|[ae]([dnrstz])(?=\1[a-z]{2}))/;
const AR_VOWEL_END = new Set(['ا', 'ي', 'و']);
/** Endings romanisations treat either way: ه (taa marbuta or h), ع and ء (often dropped: Rabi, Mati). */
const AR_EITHER_END = new Set(['ه', 'ع']);
const AR_VOWEL_START = new Set(['ا', 'ع']);
const LATIN_VOWELS = /[aeiouy]/;

/**
 * Arabic writes long vowels, and a romanisation writes them too: a name ending in a vowel letter (حسنا,
 * عباسي) ends in a Latin vowel (Hasna, Abbasi), one starting with alef or ʿayn (احمد, عمر) starts with a
 * Latin vowel. Keys drop vowels, so this check keeps Hasna from meeting Hossein and Ahmadi from Hamidi.
 */
function vowelFrameAgrees(arabic: string, latin: string): boolean {
  const first = arabic[0] ?? '';
  const last = arabic[arabic.length - 1] ?? '';
  const lFirst = latin[0] ?? '';
  if (!AR_EITHER_END.has(last) && arabic.length > 2) {
    const arVowelEnd = AR_VOWEL_END.has(last);
    // a silent final e (Hassane, Eddine) never makes a vowel ending; a final h after a vowel (Yahyah) does
    const trimmed = (arVowelEnd ? latin.replace(/([aeiou])h$/, '$1') : latin).replace(/([^aeiouy])e$/, '$1');
    const lLast = trimmed[trimmed.length - 1] ?? '';
    const latVowelEnd = LATIN_VOWELS.test(lLast);
    if (arVowelEnd !== latVowelEnd) return false;
    // a final alef is a, e or o in the Latin, never i or u (رضا is Reza, not Razi, رازي); a final ي may be
    // an alef maqsura, folded into it, and read a (موسى = Musa)
    if (last === 'ا' && (lLast === 'i' || lLast === 'u' || lLast === 'y')) return false;
  }
  // a Latin h may stand for the glottal onset of alef (Hasan for أحسن is rare, but Hamid/احمد lists exist),
  // except when h is the Arabic word's own first consonant: احسان is Ehsan, not Hossein
  const second = arabic[1] ?? '';
  const hOnset = lFirst === 'h' && first === 'ا' && second !== 'ح' && second !== 'ه';
  if (
    AR_VOWEL_START.has(first) &&
    !LATIN_VOWELS.test(lFirst) &&
    !hOnset &&
    !(first === 'ع' && lFirst === 'h')
  )
    return false;
  if (!AR_VOWEL_START.has(first) && first !== 'و' && first !== 'ي' && LATIN_VOWELS.test(lFirst)) return false;
  return true;
}

/** Country code of a word, '' for a word that names no country: looked up once per word, up to a bound. */
const countries = new Map<string, string>();
// a long-running service meets new words without end: past this many the rest are looked up each time
const MAX_COUNTRY_WORDS = 100_000;

/** The country a Latin word names by itself (germany → DE), undefined for other words and codes. */
function latinCountry(latin: string): string | undefined {
  if (latin.length < 4) return undefined; // two- and three-letter words are codes or names (Ali, Omar)
  let code = countries.get(latin);
  if (code === undefined) {
    code = countryCode(latin) ?? '';
    if (countries.size < MAX_COUNTRY_WORDS) countries.set(latin, code);
  }
  return code === '' ? undefined : code;
}

/** Persian and Urdu letters and the Arabic letters the Arabic exonyms write instead (پاکستان = باكستان). */
const PERSIAN_TO_ARABIC: Readonly<Record<string, string>> = { پ: 'ب', چ: 'ج', ژ: 'ز', گ: 'ج' };

/**
 * The country an Arabic-script word names, with or without its article (سودان, السودان → SD), in Persian or
 * Urdu spelling too (پاکستان → PK).
 */
function arabicCountry(text: string): string | undefined {
  let code = countries.get(text);
  if (code === undefined) {
    const arabic = text.replace(/[پچژگ]/g, (ch) => PERSIAN_TO_ARABIC[ch] ?? ch);
    code = countryCode(arabic) ?? countryCode(`ال${arabic}`) ?? '';
    countries.set(text, code);
  }
  return code === '' ? undefined : code;
}

/** Strength of an organisation word met in translation: a generic word, weaker than a spelling. */
const TRANSLATION = 0.9;

/** Arabic (or Cyrillic) against Latin, or Arabic against Arabic: the keys are all there is to compare. */
function crossScript(q: NameToken, c: NameToken): TokenSimilarity {
  if (q.key.length === 0 || c.key.length === 0) return NONE;
  if (q.script === 'arabic' && c.script === 'arabic') {
    // both in Arabic script: the spellings themselves are comparable (محمد بن سلطان / محمد بن سلمان), unless
    // they are two different common names one letter apart (محمدی / احمدی)
    if (arabicNamesDiffer(q.text, c.text)) return NONE;
    const maxLen = Math.max(q.text.length, c.text.length);
    const d = levenshtein(q.text, c.text, Math.floor(maxLen * 0.34));
    const ratio = 1 - d / maxLen;
    return ratio >= 0.66 ? { sim: ratio * 0.95, how: 'fuzzy' } : NONE;
  }
  if (q.script === 'other' && c.script === 'other') return unknownScript(q.text, c.text);
  const [ar, lat] = q.script === 'arabic' ? [q, c] : [c, q];
  if (ar.script === 'arabic' && lat.latin) {
    // محمد and Mahmud share the key m-h-m-d but are different names: known names decide by family
    if (arabicFamilyAgrees(ar.text, lat.latin) === false) return NONE;
  }
  // an organisation word in Arabic script and its English or French rendering (جبهة = front)
  if (ar.translations.length > 0 && lat.latin && ar.translations.includes(lat.latin)) {
    return { sim: TRANSLATION, how: 'translation' };
  }
  const sim = crossScriptKeys(q, c);
  // a one-consonant key says almost nothing (علي → l): a Latin spelling adds the short vowels Arabic leaves
  // unwritten (طه = Taha), but one shorter by two letters or more lacks long vowels the Arabic writes (ايليا,
  // Ilya, is not Ali)
  if (
    ar.script === 'arabic' &&
    lat.latin &&
    Math.min(q.key.length, c.key.length) === 1 &&
    ar.text.length - lat.latin.length > 1
  )
    return NONE;
  // …and its vowels are all there is: a final lone ي is ī, not the glide and a of a Latin -ya or -ia, which
  // Arabic writes (ايليا = Ilya, يحيى = Yahya): علي is Ali, not Ilya
  if (
    ar.script === 'arabic' &&
    Math.min(q.key.length, c.key.length) === 1 &&
    finalYaUnwritten(ar.text, lat.latin)
  )
    return sim.sim > 0 ? { sim: 0, how: sim.how, limit: LIMIT_FINAL_YA } : NONE;
  // a country's name in Latin (Germany) is written in Arabic script as its own exonym (ألمانيا), not spelled
  // letter by letter: it meets only the Arabic name of the same country (كرماني is Kermani, not Germany)
  // (the Latin word is looked up only when the keys met, the Arabic one only when they did not: most pairs
  // do not meet, and few Arabic words name a country)
  if (ar.script === 'arabic' && lat.latin) {
    if (sim.sim > 0) {
      const country = latinCountry(lat.latin);
      if (country !== undefined) return arabicCountry(ar.text) === country ? sim : NONE;
    } else {
      const country = arabicCountry(ar.text);
      if (country !== undefined && latinCountry(lat.latin) === country)
        return { sim: TRANSLATION, how: 'translation' };
    }
  }
  if (sim.sim === 0) return sim;
  if (
    ar.script === 'arabic' &&
    lat.latin &&
    !ar.text.includes(' ') &&
    !vowelFrameAgrees(ar.text, lat.latin) &&
    !vowelFrameAgrees(ar.text, lat.latin.replace(GLUED_ARTICLE, ''))
  ) {
    return { sim: Math.min(sim.sim, 0.6), how: sim.how };
  }
  // a long vowel written inside the Arabic word shows in any romanisation of it, whatever the key's length
  // (معصومه = Masoumeh, not Maysam; عباسی = Abbasi, not Absi)
  if (
    ar.script === 'arabic' &&
    lat.latin &&
    !ar.text.includes(' ') &&
    !innerVowelsAgree(ar.text, lat.latin)
  ) {
    return { sim: Math.min(sim.sim, 0.6), how: sim.how };
  }
  if (
    ar.script === 'arabic' &&
    lat.latin &&
    !ar.text.includes(' ') &&
    !edgeVowelsAgree(ar.text, lat.latin) &&
    !edgeVowelsAgree(ar.text, lat.latin.replace(GLUED_ARTICLE, ''))
  ) {
    return { sim: Math.min(sim.sim, 0.6), how: sim.how };
  }
  // a Latin ai, ay, ei or ey before a consonant in the first syllable is a diphthong or an ʿayn between vowels
  // (Haitham, Qaida), which Arabic script writes with ي (ئ, ی, ێ folded to it) or ع: a word that has none of them is another name
  // (حاتم is Hatim, not al-Haitham)
  if (
    ar.script === 'arabic' &&
    lat.latin &&
    !ar.text.includes(' ') &&
    !diphthongWritten(ar.text, lat.latin.replace(GLUED_ARTICLE, ''))
  ) {
    return sim.sim > 0.6 ? { sim: 0.6, how: sim.how, limit: LIMIT_DIPHTHONG } : sim;
  }
  // a Latin w is the consonant و (Awad = عواض, Marwan = مروان), which keys leave out with the vowels: a word
  // without و is another name (عايض is Ayed, not Awad)
  if (ar.script === 'arabic' && lat.latin.includes('w') && !ar.text.includes('و')) {
    return sim.sim > 0.6 ? { sim: 0.6, how: sim.how, limit: LIMIT_W } : sim;
  }
  // a two-consonant key says little by itself (Anwar = انور → nr), but when the written long vowels agree at
  // both ends and the spellings are as long within a letter, the romanisation is the name's own
  if (
    ar.script === 'arabic' &&
    lat.latin &&
    q.key === c.key &&
    q.key.length === 2 &&
    !ar.text.includes(' ') &&
    vowelFrameAgrees(ar.text, lat.latin) &&
    Math.abs(lat.latin.length - [...ar.text].length) <= 1 &&
    innerVowelsAgree(ar.text, lat.latin)
  ) {
    return { sim: Math.max(sim.sim, SHORT_KEY_FRAMED), how: sim.how };
  }
  return sim;
}

/**
 * Two tokens in a script raqib has no reading for (Devanagari, Hangul, Ethiopic…): only their spellings can be
 * compared, letter by letter as the script writes them (Hangul recomposed into syllable blocks, since
 * normalisation splits them into jamo and one jamo apart is another name: 김정은 ≠ 김종은), with the same
 * tolerance as a Latin spelling (नरेन्द्र मोदी = नरेन्द्र मोडी).
 */
function unknownScript(a: string, b: string): TokenSimilarity {
  // compared in UTF-16 units: the scripts concerned are in the Basic Multilingual Plane, one unit a letter
  const x = a.normalize('NFC');
  const y = b.normalize('NFC');
  const maxLen = Math.max(x.length, y.length);
  if (maxLen < 4) return NONE;
  const ratio = 1 - levenshtein(x, y, Math.floor(maxLen * 0.25)) / maxLen;
  return ratio >= 0.75 ? { sim: ratio * 0.95, how: 'fuzzy' } : NONE;
}

/** Latin letters that can write each Arabic long vowel (Persian ā is often o; ī is e in Persian usage). */
const LONG_VOWEL_LATIN: Readonly<Record<string, string>> = { ا: 'aeo', ي: 'iey', و: 'ouw' };

/** True when `latin` holds one of `letters` at `from` or later (a loop: this runs for most pairs across scripts). */
function hasFrom(letters: string, latin: string, from: number): boolean {
  for (let k = from; k < latin.length; k++) if (letters.includes(latin.charAt(k))) return true;
  return false;
}

/**
 * A long vowel written inside the Arabic word, between two consonants (معين, سعيدي), shows in the Latin
 * spelling with a letter of its quality: Moein, Saidi; not Man, Saadah.
 */
function innerVowelsAgree(arabic: string, latin: string): boolean {
  // Arabic letters are in the Basic Multilingual Plane: one UTF-16 unit each, so the string indexes letters
  for (let i = 1; i < arabic.length - 1; i++) {
    const c = arabic.charAt(i);
    const letters = LONG_VOWEL_LATIN[c];
    if (letters === undefined) continue;
    const prev = arabic.charAt(i - 1);
    const next = arabic.charAt(i + 1);
    // a glide next to a vowel letter, except ي before a final alef: ـيا is written ia, ya or ea in every
    // romanisation (ايليا = Ilya, ثريا = Soraya, هليا = Helia, not Hawala)
    const finalYa = c === 'ي' && next === 'ا' && i === arabic.length - 2 && !(prev in LONG_VOWEL_LATIN);
    if (!finalYa && (prev in LONG_VOWEL_LATIN || next in LONG_VOWEL_LATIN)) continue;
    // after a first ʿayn the Latin's first letter is the vowel itself (عامر = Amir, Aamer)
    if (!hasFrom(letters, latin, i === 1 && prev === 'ع' ? 0 : 1)) return false;
  }
  return true;
}

const AR_NOT_CONSONANT = 'اويعهء';
const LATIN_VOWEL_OR_GLIDE = 'aeiouyw';

/** True when one of `letters` is in latin[from..to). A loop: this runs for pairs whose keys met. */
function hasBetween(letters: string, latin: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (letters.includes(latin.charAt(k))) return true;
  return false;
}

/**
 * A long vowel written right after the Arabic word's first consonant, or right before its last one, is the
 * vowel of that syllable in the romanisation, not merely somewhere in it: موسوی is Mousavi, not Masui; فصيل is
 * Fasil, not Faisal (فيصل); ثامر is Thamer, not Siwumar. Checked only where a Latin consonant stands at the same
 * edge, so that the syllable is there to compare; allocates nothing.
 */
function edgeVowelsAgree(arabic: string, latin: string): boolean {
  const n = arabic.length;
  if (n < 4 || latin.length < 3) return true;
  // the first syllable: consonant, long vowel, consonant (موس, ثام)
  const v1 = LONG_VOWEL_LATIN[arabic.charAt(1)];
  if (
    v1 !== undefined &&
    !AR_NOT_CONSONANT.includes(arabic.charAt(0)) &&
    !AR_NOT_CONSONANT.includes(arabic.charAt(2)) &&
    !LATIN_VOWEL_OR_GLIDE.includes(latin.charAt(0))
  ) {
    let k = 1;
    while (k < latin.length && !LATIN_VOWEL_OR_GLIDE.includes(latin.charAt(k))) k++;
    const from = k;
    while (k < latin.length && LATIN_VOWEL_OR_GLIDE.includes(latin.charAt(k))) k++;
    if (k < latin.length && !hasBetween(v1, latin, from, k)) return false;
  }
  // the last syllable: long vowel, final consonant (صيل, وود); a silent final e is no vowel (Yassine)
  const v2 = LONG_VOWEL_LATIN[arabic.charAt(n - 2)];
  if (
    v2 !== undefined &&
    !AR_NOT_CONSONANT.includes(arabic.charAt(n - 1)) &&
    !AR_NOT_CONSONANT.includes(arabic.charAt(n - 3))
  ) {
    let end = latin.length;
    if (latin.charAt(end - 1) === 'e' && !LATIN_VOWEL_OR_GLIDE.includes(latin.charAt(end - 2))) end--;
    if (LATIN_VOWEL_OR_GLIDE.includes(latin.charAt(end - 1))) return true;
    let k = end - 1;
    while (k > 0 && !LATIN_VOWEL_OR_GLIDE.includes(latin.charAt(k))) k--;
    const to = k + 1;
    while (k > 0 && LATIN_VOWEL_OR_GLIDE.includes(latin.charAt(k))) k--;
    if (k > 0 && !hasBetween(v2, latin, k + 1, to)) return false;
  }
  return true;
}

/** True when the Latin ends in -ya or -ia and the Arabic word in one ي (not يي, a folded ـيى: يحيى). */
function finalYaUnwritten(arabic: string, latin: string): boolean {
  const n = latin.length;
  if (n < 3 || latin.charAt(n - 1) !== 'a') return false;
  const glide = latin.charAt(n - 2);
  if (glide !== 'y' && glide !== 'i') return false;
  const m = arabic.length;
  return arabic.charAt(m - 1) === 'ي' && arabic.charAt(m - 2) !== 'ي';
}

/**
 * Arabic letters that write the glide of a Latin diphthong, or the ʿayn a Latin vowel pair stands for. Hamza
 * is not among them: normalisation drops a lone ء and writes ئ as ي (and the Kurdish ێ, Persian ی, Urdu ے as ي).
 */
const AR_DIPHTHONG_LETTERS = 'يع';

/**
 * True unless the Latin's first syllable is a diphthong before a consonant (ai, ay, ei, ey: Haitham, Beyrut) that
 * the Arabic word writes no letter for before its last letter. Only the first syllable: later ones are written
 * more loosely (the UN writes Sulayman for the father's name سلمان). Allocates nothing: it runs for pairs whose
 * keys met.
 */
function diphthongWritten(arabic: string, latin: string): boolean {
  let k = 0;
  while (k < latin.length && !'aeiou'.includes(latin.charAt(k))) k++;
  const a = latin.charAt(k);
  const b = latin.charAt(k + 1);
  const next = latin.charAt(k + 2);
  if (
    !(
      (a === 'a' || a === 'e') &&
      (b === 'i' || b === 'y') &&
      next !== '' &&
      !LATIN_VOWEL_OR_GLIDE.includes(next)
    )
  )
    return true;
  for (let i = 0; i < arabic.length - 1; i++)
    if (AR_DIPHTHONG_LETTERS.includes(arabic.charAt(i))) return true;
  return false;
}

/** Strength of a two-consonant key match whose vowel frame and length agree too (one consonant stays weak: Ali). */
const SHORT_KEY_FRAMED = 0.92;

function crossScriptKeys(q: NameToken, c: NameToken): TokenSimilarity {
  if (q.key === c.key) return { sim: keyStrength(q.key.length), how: 'transliteration' };
  const met = altMeetingLength(q, c);
  if (met > 0) {
    // as strong as the key that met: Mousavi's msf against موسوی read the Persian way (msf), not its ms
    return { sim: keyStrength(met) - 0.05, how: 'transliteration' };
  }
  const lq = looseKey(q.key);
  if (lq.length >= 3 && lq === looseKey(c.key)) return { sim: 0.85, how: 'transliteration' };
  if (Math.min(q.key.length, c.key.length) >= 5 && levenshtein(q.key, c.key, 1) === 1) {
    return { sim: 0.8, how: 'transliteration' };
  }
  return NONE;
}

/**
 * Vowel groups (syllables) of a Latin token; y after a consonant is a vowel (Zelenskyy), after a vowel a
 * consonant (Husayn).
 */
function vowelGroups(latin: string): number {
  let n = 0;
  let inVowel = false;
  for (let i = 0; i < latin.length; i++) {
    const c = latin[i];
    const v: boolean =
      c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || (c === 'y' && i > 0 && !inVowel);
    if (v && !inVowel) n++;
    inVowel = v || (c === 'y' && inVowel);
  }
  return n;
}

/** As many syllables, or one more written as a silent final e (Yassine = Yasin, Hassane = Hassan). */
function syllablesAgree(a: string, b: string): boolean {
  const ga = vowelGroups(a);
  const gb = vowelGroups(b);
  if (ga === gb) return true;
  const longer = ga > gb ? a : b;
  return Math.abs(ga - gb) === 1 && /[^aeiouy]e$/.test(longer);
}

/** One name is the feminine form of the other: another person's name, not a typo. */
function feminineForm(a: string, b: string): boolean {
  return addedFeminineEnding(a, b) || feminineIenne(a, b);
}

/**
 * One name is the other with a final a added after a consonant, or its last consonant doubled before e (Luis/Luisa,
 * Martin/Martina, Karim/Karima, Daniel/Danielle).
 */
function addedFeminineEnding(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (!long.startsWith(short) || /[aeiouy]$/.test(short)) return false;
  // French feminines double the last consonant before e (Daniel/Danielle, Michel/Michelle, Jean/Jeanne);
  // a bare silent e is a spelling (Yassin/Yassine), so it does not count
  const last = short[short.length - 1];
  return (
    (long.length === short.length + 1 && long.endsWith('a')) ||
    (long.length === short.length + 2 && long === `${short}${last}e`)
  );
}

/**
 * The French feminine in -ienne against the masculine in -ian or -ien it is made from (Adrienne/Adrian,
 * Julienne/Julian, Fabienne/Fabien): another person's name, though the spellings are close.
 */
function feminineIenne(a: string, b: string): boolean {
  const [fem, masc] = a.endsWith('ienne') ? [a, b] : [b, a];
  if (!fem.endsWith('ienne') || masc.endsWith('e')) return false;
  const stem = fem.slice(0, -5);
  return masc === `${stem}ian` || masc === `${stem}ien`;
}

/**
 * True when two spellings are the same once every run of one letter is written once (uun = un, mohammed =
 * mohamed). Compared in place, without building the collapsed strings: this runs for most Latin pairs.
 */
function sameOnceDoubledWritten(a: string, b: string): boolean {
  if (a.charCodeAt(0) !== b.charCodeAt(0)) return false;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ch = a.charCodeAt(i);
    if (ch !== b.charCodeAt(j)) return false;
    while (i < a.length && a.charCodeAt(i) === ch) i++;
    while (j < b.length && b.charCodeAt(j) === ch) j++;
  }
  return i === a.length && j === b.length;
}

/** Strength of an Abd- compound against the bare name it is built on. */
const ABD_DROPPED = 0.8;

/**
 * "Abdul Abbas" against "Abbas": South Asian and Afghan names add or drop Abdul before a name (Mohammad Abdul
 * Abbas Akhund = Mohammad Abbas Akhund), so the compound meets the bare name, more weakly than a spelling does.
 */
function abdDropped(q: NameToken, c: NameToken): TokenSimilarity {
  const [abd, bare] = q.key.startsWith('bd') && !c.key.startsWith('bd') ? [q, c] : [c, q];
  if (!abd.key.startsWith('bd') || bare.key.startsWith('bd') || abd.key === 'bdA') return NONE;
  // the key after bd is the bare name's (compared in place: this runs for every pair with an Abd- token)
  if (bare.key.length < 2 || abd.key.length !== bare.key.length + 2 || !abd.key.endsWith(bare.key))
    return NONE;
  if (abd.script !== bare.script) return abdDroppedAcrossScripts(abd, bare);
  if (!abd.text.includes(' ') || abd.text.startsWith('abu') || abd.text.startsWith('umm')) return NONE;
  const head = abd.text.slice(abd.text.indexOf(' ') + 1);
  return head === bare.text || (bare.latin && head === bare.latin)
    ? { sim: ABD_DROPPED, how: 'abd-dropped' }
    : NONE;
}

/** عبد written apart or glued, with its article (عبد البصير, عبدالحميد): what follows is the name it is built on. */
const ARABIC_ABD_HEAD = /^عبد ?(?:ال)?/u;

/**
 * The same across scripts, when the Arabic script writes عبد: عبد البصير against Basir ("Haji Basir Noorzai"
 * for عبد البصیر نورزی). The keys already agree; the bare name must also be a reading of the head word, by the
 * vowel checks every Arabic–Latin pair passes (عبد الحميد is not Hamad). Not a Latin Abdel against a bare
 * Arabic name: the Latin may write another word before it (Abdel Hamid for عابد حامد), which the two words
 * joined meet.
 */
function abdDroppedAcrossScripts(abd: NameToken, bare: NameToken): TokenSimilarity {
  if (abd.script !== 'arabic' || !bare.latin) return NONE;
  const arabic = abd.text.replace(ARABIC_ABD_HEAD, '');
  const latin = bare.latin;
  if (arabic.length < 2 || arabic.includes(' ') || arabicFamilyAgrees(arabic, latin) === false) return NONE;
  const readable =
    (vowelFrameAgrees(arabic, latin) || vowelFrameAgrees(arabic, latin.replace(GLUED_ARTICLE, ''))) &&
    innerVowelsAgree(arabic, latin) &&
    edgeVowelsAgree(arabic, latin);
  return readable ? { sim: ABD_DROPPED, how: 'abd-dropped' } : NONE;
}

/** Strength of a compound in -ud-Din against its first word alone, as for an Abd- compound. */
const DIN_DROPPED = 0.8;

/** The -ud-Din tail of a compound given name, bound (نصير دين, nasir din) or glued (نصيرالدين, nasiruddin). */
const ARABIC_DIN_TAIL = /^(.{2,}?) ?(?:ال)?دين$/u;
const LATIN_DIN_TAIL =
  /^([a-z]{3,}?) ?(?:din|deen|dine|uddin|uddeen|eddine|eddin|addin|aldin|eldin|aldeen|uldin|udin|edin|iddin|ud-din)$/;

/**
 * "Naseer Haqqani" for نصیر الدین حقانی, "Siraj" for Sirajuddin: a compound given name in -ud-Din ("… of the
 * faith") goes by its first word, the name proper. That word meets the compound when its key is the compound's
 * without the tail and, across scripts, the Latin reads the Arabic head word by the vowel checks every pair
 * passes; in Latin, when the head is the same word or a spelling of it (Nasir, Nassir).
 */
function dinDropped(q: NameToken, c: NameToken): TokenSimilarity {
  const [compound, bare] = q.key.length > c.key.length ? [q, c] : [c, q];
  // the keys first, compared in place (this runs for every pair with a key in -dn: Hamdan, Ramadan too): the
  // compound's key is the bare name's and the tail's dn, collapsed as compound keys are (Saad → sdn)
  const b = bare.key;
  const tail = b.endsWith('d') ? 1 : 2;
  if (b.length < 2 || compound.key.length !== b.length + tail || !compound.key.startsWith(b)) return NONE;
  if (!compound.key.endsWith('dn')) return NONE;
  const head = dinHead(compound);
  if (head === undefined || dinHead(bare) !== undefined) return NONE;
  // a bare key ending in d shares it with Din only when the head ends in d too (Saad, Imad, Hamid): مهدی (Mahdi) is
  // m-h-d, but Muhyi al-Din's head is m-h, and its d is the Din's
  if (tail === 1 && !phoneticKey(head, compound.script).endsWith('d')) return NONE;
  let readable: boolean;
  if (compound.script === 'arabic' && bare.latin) {
    readable =
      arabicFamilyAgrees(head, bare.latin) !== false &&
      vowelFrameAgrees(head, bare.latin) &&
      innerVowelsAgree(head, bare.latin) &&
      edgeVowelsAgree(head, bare.latin);
  } else if (bare.script === 'arabic' && compound.latin) {
    readable =
      arabicFamilyAgrees(bare.text, head) !== false &&
      vowelFrameAgrees(bare.text, head) &&
      innerVowelsAgree(bare.text, head) &&
      edgeVowelsAgree(bare.text, head);
  } else if (compound.latin && bare.latin) {
    readable = head === bare.latin || jaroWinkler(head, bare.latin) >= 0.9;
  } else readable = false;
  return readable ? { sim: DIN_DROPPED, how: 'din-dropped' } : NONE;
}

/** The first word of a compound in -ud-Din (nasir for "nasir din" or nasiruddin), undefined for other tokens. */
function dinHead(t: NameToken): string | undefined {
  const m = t.script === 'arabic' ? ARABIC_DIN_TAIL.exec(t.text) : LATIN_DIN_TAIL.exec(t.text);
  return m?.[1];
}

/**
 * Strength of two different serial numbers of one organisation series (Fund IV, Fund V): the same sponsor's
 * funds, the same owner's vessels, which a screener must see. Half a match: the words before the number carry
 * the identity, so a long name with another number still meets (Blackstone Real Estate Partners IV / V) while
 * a short one does not (Brigade 44 / 45). Numbers only: two series letters (MARIA E, MARIA F) do not meet.
 */
const SERIES = 0.5;

/**
 * Strength of a given name's short form met with the full name (Ben = Benjamin): the person's own name, but one
 * a short form shares with the other full names it stands for (Ted = Edward, Theodore).
 */
const SHORT_FORM = 0.85;

/** Strength of a marked abbreviation met with the word it shortens: the writer said it is one. */
const ABBREVIATION = 0.9;

/**
 * True when the token marked as abbreviated shortens the other: the same first letter, and its letters are the
 * start of the word (Dept. = Department, Assoc. = Association) or a contraction keeping the first and last
 * letters in order (Int'l = International, Gov't = Government, Bros. = Brothers). Five letters at most:
 * a longer word with a full stop after it is a whole word at the end of a sentence-like name.
 */
function abbreviates(q: NameToken, c: NameToken): boolean {
  const [short, long] = q.abbreviated && !c.abbreviated ? [q.latin, c.latin] : [c.latin, q.latin];
  if (short.length > 5 || short.length >= long.length || short[0] !== long[0]) return false;
  if (long.startsWith(short)) return true;
  if (short[short.length - 1] !== long[long.length - 1]) return false;
  let k = 1;
  for (let i = 1; i < long.length && k < short.length; i++) if (long[i] === short[k]) k++;
  return k === short.length;
}

/** Latin vowel initials that may stand for an Arabic word starting with alef or ʿayn. */
const VOWEL_INITIALS = ['a', 'e', 'o', 'u'];

/** Similarity of two tokens in [0,1]; 0 means they do not correspond. */
export function tokenSimilarity(q: NameToken, c: NameToken): TokenSimilarity {
  if (q.text === c.text) return { sim: 1, how: 'exact' };
  // two serial numbers after an organisation's name: IV = 4, and Fund IV beside Fund V is the same series
  if (q.serial && c.serial) {
    const r = serialRelation(q.latin, c.latin);
    return r === 'same' ? { sim: 1, how: 'exact' } : r === 'series' ? { sim: SERIES, how: 'series' } : NONE;
  }
  // 3 = Three, 1st = First: a number in digits and in words
  const nq = numberOf(q.latin || q.text);
  if (nq !== undefined && nq === numberOf(c.latin || c.text)) return { sim: 0.95, how: 'spelling-variant' };
  // a serial number or series letter is not the initial of a word: SILVIA I is not Igor Silva, MARIA E not
  // María Erazo
  if (q.serial || c.serial) return NONE;
  if ((q.key.startsWith('bd') || c.key.startsWith('bd')) && q.role !== 'initial' && c.role !== 'initial') {
    const abd = abdDropped(q, c);
    if (abd.sim > 0) return abd;
  }
  if ((q.key.endsWith('dn') || c.key.endsWith('dn')) && q.role !== 'initial' && c.role !== 'initial') {
    const din = dinDropped(q, c);
    if (din.sim > 0) return din;
  }
  const bothLatin = q.latin.length > 0 && c.latin.length > 0;
  if (q.role === 'initial' || c.role === 'initial') {
    if (!bothLatin) {
      // a Latin initial for an Arabic-script word or abbreviation with the same first consonant (S. = س.), or a
      // vowel initial for a word that starts with alef or ʿayn, which keys leave out (A. = عبد الرحمن, O. = عمر);
      // not I, which in list names is mostly a Roman numeral (the vessels SONIA I, ZEPHYR I)
      const [ini, word] = q.role === 'initial' ? [q, c] : [c, q];
      if (word.script !== 'arabic') return NONE;
      const first = word.text.charAt(0);
      const met =
        ini.key.length > 0
          ? word.key.startsWith(ini.key)
          : VOWEL_INITIALS.includes(ini.latin) && (first === 'ا' || first === 'ع');
      return met ? { sim: 0.75, how: 'initial' } : NONE;
    }
    const [ini, full] = q.role === 'initial' ? [q.latin, c.latin] : [c.latin, q.latin];
    if (full.length > 1 && full.startsWith(ini)) return { sim: 0.75, how: 'initial' };
    return NONE;
  }
  let best = NONE;
  if (bothLatin) {
    if (sameSpellingFamily(q.latin, c.latin)) return { sim: 0.95, how: 'spelling-variant' };
    if (isShortFormOf(q.latin, c.latin)) return { sim: SHORT_FORM, how: 'short-form' };
    // a letter written once or doubled is the same name (Jong-uun = Jong-un, Abas = Abbas, Mohamed = Mohammed)
    if (sameOnceDoubledWritten(q.latin, c.latin)) return { sim: 0.95, how: 'spelling-variant' };
    if ((q.abbreviated || c.abbreviated) && abbreviates(q, c))
      return { sim: ABBREVIATION, how: 'abbreviation' };
    if (
      ((q.key === c.key && q.key.length > 0) || altMeetingLength(q, c) > 0) &&
      syllablesAgree(q.latin, c.latin) &&
      !feminineForm(q.latin, c.latin)
    ) {
      // same consonants, different vowels: a romanisation variant only when the spellings are close too and
      // have as many syllables: an added syllable makes another name (Luis/Luisa, Martin/Martina, Can/Canan)
      // Iwanow and Ivanov are far apart as spellings but the same once w is read v
      let jw = jaroWinkler(q.latin, c.latin);
      if (jw < 0.85) jw = jaroWinkler(slavicReading(q.latin), slavicReading(c.latin));
      if (jw >= 0.85) best = { sim: jw >= 0.9 ? 0.95 : 0.8, how: 'spelling-variant' };
    }
  } else {
    best = crossScript(q, c);
    if (best.sim > 0) return best;
  }
  if (bothLatin && !feminineForm(q.latin, c.latin)) {
    const maxLen = Math.max(q.latin.length, c.latin.length);
    if (maxLen >= 4) {
      const d = levenshtein(q.latin, c.latin, Math.floor(maxLen * 0.25));
      const ratio = 1 - d / maxLen;
      if (ratio >= 0.75 && ratio * 0.95 > best.sim) best = { sim: ratio * 0.95, how: 'fuzzy' };
    } else if (maxLen === 3 && q.latin.length === 3 && c.latin.length === 3 && best.sim === 0) {
      // three-letter names one letter apart (Tom/Tim, Kim/Kin): a typo as often as another name, so weakly
      if (levenshtein(q.latin, c.latin, 1) === 1 && q.latin[0] === c.latin[0])
        best = { sim: 0.7, how: 'fuzzy' };
    }
    if (best.sim === 0) {
      const [short, long] = q.latin.length <= c.latin.length ? [q.latin, c.latin] : [c.latin, q.latin];
      // a three-letter name at the start of a longer one is a whole name of its own (Can, Canan; Bai, Baikal):
      // a word cut short is longer
      if (short.length >= 4 && long.startsWith(short)) best = { sim: 0.6, how: 'prefix' };
    }
  }
  return best;
}
