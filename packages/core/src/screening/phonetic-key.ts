/**
 * Transliteration keys: the meeting point of Arabic script and its common romanisations.
 *
 * A key is a consonant skeleton over a reduced alphabet. Short vowels are not written in Arabic script, and
 * romanisations disagree on them (Muhammad / Mohammed / Mohamad), so vowels are dropped on both sides;
 * consonants that romanisations render in several ways are merged into one class (ق/ك/غ ↔ q/k/g/gh/c,
 * ث/ت/ط ↔ th/t, ذ/ض/د ↔ dh/d, ش ↔ sh/ch, خ ↔ kh). Doubled letters collapse (shadda is never written in
 * Latin consistently). و and ي are consonants at the start of a word and long vowels elsewhere.
 * The keys are deliberately lossy; the scorer compares surface forms as well where both sides are Latin.
 */

import { BoundedMemo } from './bounded-memo.ts';
import { romanizeKana } from './kana.ts';
import type { Script } from './normalize.ts';
import { romanizeTable } from './romanize.ts';

/** Arabic letter → key class ('' = not written in the key). */
const ARABIC_KEY: Readonly<Record<string, string>> = {
  ا: '',
  ب: 'b',
  پ: 'b',
  ت: 't',
  ط: 't',
  ث: 't',
  ج: 'j',
  چ: 'S',
  ح: 'h',
  خ: 'X',
  د: 'd',
  ذ: 'd',
  ض: 'd',
  ظ: 'd',
  ر: 'r',
  ز: 'z',
  ژ: 'j',
  // Pashto dze, written z (Zadran) or j (Jadran): the alternative key reads it j
  ځ: 'z',
  س: 's',
  ص: 's',
  ش: 'S',
  ع: '',
  غ: 'k',
  ف: 'f',
  ڤ: 'f',
  ق: 'k',
  ك: 'k',
  گ: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'w',
  ي: 'y',
};

/** Cyrillic → Latin (a BGN/PCGN-like romanisation, good enough for keys and fuzzy comparison). */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  џ: 'dz',
  ђ: 'dj',
};

/** Romanises a normalised Cyrillic token; other characters pass through. */
export function romanizeCyrillic(token: string): string {
  let out = '';
  for (const c of token) out += CYRILLIC[c] ?? c;
  return out;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Collapses doubled key letters (shadda is never written in Latin consistently). */
export function collapseKey(key: string): string {
  let out = '';
  for (const c of key) if (out[out.length - 1] !== c) out += c;
  return out;
}

/** Key of an Arabic-script token (already normalised: no harakat, one alef, ه for taa marbuta). */
export function arabicKey(token: string): string {
  let out = '';
  const chars = [...token];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    const k = ARABIC_KEY[c];
    if (k === undefined) {
      if (/\p{N}/u.test(c)) out += c;
      continue;
    }
    if (c === 'و' || c === 'ي') {
      // consonant at the start of a word, and between two alefs (e.g. داود keeps its vowels either way)
      if (i === 0) out += k;
      continue;
    }
    if (c === 'ه' && i === chars.length - 1 && i > 0) continue; // final h / taa marbuta: Latin drops it too
    out += k;
  }
  return collapseKey(out);
}

/**
 * Letters that Persian, Urdu and Levantine/Iraqi speech read differently from Classical Arabic, and that
 * romanisations follow: ث as s (Saqib, Wassiq, Sanaullah), ظ ذ ض as z (Zawahiri, Zia, Azim). The main key
 * keeps the classical class (t, d); this map gives the alternative class. Pashto ځ (dz) is z in the main key and
 * j here (ځدران = Zadran, Jadran).
 */
const ARABIC_ALT_KEY: Readonly<Record<string, string>> = { ث: 'س', ظ: 'ز', ذ: 'ز', ض: 'ز', ځ: 'ج' };

/**
 * ذ and ظ written with the digraph th, as English-language romanisations do for the interdental (Thahab for
 * ذهب, Bathali for البذالي, Kathim for كاظم): the key class of t.
 */
const ARABIC_TH_KEY: Readonly<Record<string, string>> = { ذ: 'ت', ظ: 'ت' };

function rereadKey(token: string, map: Readonly<Record<string, string>>): string {
  let alt = '';
  let changed = false;
  for (const c of token) {
    const a = map[c];
    if (a !== undefined) {
      changed = true;
      alt += a;
    } else alt += c;
  }
  return changed ? arabicKey(alt) : '';
}

/**
 * Alternative key of an Arabic-script token, '' when it has none: the key with the letters of
 * `ARABIC_ALT_KEY` read the Persian/Urdu way.
 */
export function arabicAltKey(token: string): string {
  return rereadKey(token, ARABIC_ALT_KEY);
}

/** Alternative key with ذ and ظ read as the digraph th (Thahab = ذهب), '' when the token has neither. */
export function arabicThKey(token: string): string {
  return rereadKey(token, ARABIC_TH_KEY);
}

/**
 * Key with و read as the consonant v, the Persian reading, where it starts the word or stands before a vowel
 * letter (وحید = Vahid, جواد = Javad, نوید = Navid, موسوی = Mousavi, داوود = Davood), '' when the token has no
 * such و. Classical Arabic reads the same و as w, which romanisations drop or write as w: the main key.
 */
export function arabicVKey(token: string): string {
  let out = '';
  let changed = false;
  const n = token.length;
  for (let i = 0; i < n; i++) {
    const c = token.charAt(i);
    const next = token.charAt(i + 1);
    if (c === 'و' && i < n - 1 && (i === 0 || next === 'ا' || next === 'ي' || next === 'و')) {
      out += 'ف';
      changed = true;
    } else out += c;
  }
  return changed ? arabicKey(out) : '';
}

/**
 * Key of an Arabic-script token that keeps a final ه as h, '' when the token has none: final ه is usually
 * taa marbuta (silent in Latin), but in طه, فقيه, نبيه it is a consonant romanisations write (Taha, Faqih).
 */
export function arabicFinalHKey(token: string): string {
  if (token.length < 2 || !token.endsWith('ه')) return '';
  return collapseKey(`${arabicKey(token)}h`);
}

/**
 * Key of an Arabic-script token whose final ه (a folded taa marbuta) is read t, '' when it has none: in a
 * construct (ʿUsbat al-Ansar, Jamiat Ihya al-Turath, Qaʿidat al-Jihad) and in Persian, Turkic and Caucasian
 * usage (Fatimat, Nimat) romanisations write the t.
 */
export function arabicFinalTKey(token: string): string {
  if ([...token].length < 3 || !token.endsWith('ه')) return '';
  return collapseKey(`${arabicKey(token)}t`);
}

/**
 * Key of a Latin-script token (normalised: lower case ASCII letters and digits).
 * @param splitDigraphs read kh, sh, th, dh, gh as two letters (Lakhal = لكحل, Ishaq = إسحاق): the alternative key
 */
export function latinKey(token: string, splitDigraphs = false): string {
  const memo = splitDigraphs ? LATIN_KEYS_SPLIT : LATIN_KEYS;
  let key = memo.get(token);
  if (key === undefined) {
    key = readLatinKey(token, splitDigraphs);
    memo.set(token, key);
  }
  return key;
}

/**
 * Keys already read, by token: the lists' 43,000 names hold far fewer distinct words (Muhammad, Ali, al-…), and
 * a word's key is a chain of a dozen regular-expression passes.
 */
const LATIN_KEYS = new BoundedMemo<string>();
const LATIN_KEYS_SPLIT = new BoundedMemo<string>();

function readLatinKey(token: string, splitDigraphs: boolean): string {
  let s = token.replace(/x/g, 'ks');
  if (!splitDigraphs) {
    s = s
      .replace(/sch|sh|ch|tch/g, 'S')
      .replace(/kh/g, 'X')
      .replace(/dj|dzh|zh/g, 'j')
      .replace(/gh/g, 'k')
      .replace(/dh/g, 'd')
      .replace(/th/g, 't');
  } else {
    s = s
      .replace(/sch|tch/g, 'S')
      .replace(/ch/g, 'S')
      .replace(/dj|dzh/g, 'j');
  }
  s = s
    .replace(/c(?=[eiy])/g, 's') // soft c: Lounici = لونيسي
    .replace(/ck|q|c|g/g, 'k')
    .replace(/ph|v/g, 'f')
    .replace(/p/g, 'b');
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (VOWELS.has(c)) continue;
    if (c === 'w' || c === 'y') {
      if (i === 0) out += c;
      continue;
    }
    if (c === 'h') {
      const prev = s[i - 1];
      // final h after a vowel (Fatimah, Abdullah) and h lengthening a vowel (Ahmad keeps it: followed by m)
      if (i === s.length - 1 && i > 0) continue;
      if (prev !== undefined && VOWELS.has(prev) && (s[i + 1] === undefined || VOWELS.has(s[i + 1] ?? ''))) {
        // intervocalic h is a real consonant in Arabic names (Fahad, Mahir): keep it
        out += c;
        continue;
      }
    }
    out += c;
  }
  return collapseKey(out);
}

/** Key of a normalised token in any supported script. */
export function phoneticKey(token: string, script: Script): string {
  switch (script) {
    case 'arabic':
      return arabicKey(token);
    case 'cyrillic':
      return latinKey(romanizeCyrillic(token));
    case 'latin':
      return latinKey(token);
    case 'greek':
    case 'armenian':
    case 'georgian':
      return latinKey(romanizeTable(token, script));
    case 'kana':
      return latinKey(romanizeKana(token));
    case 'other':
      return token;
  }
}

/**
 * A looser key for comparisons across scripts: drops h after the first letter (the least stable consonant: final ه/ة, Taha/طه)
 * and merges the letters Persian and Urdu pronounce as z (ض ظ ذ → Faiz, Azim) and kh with k.
 */
export function looseKey(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const c = key[i] as string;
    // a leading h stays: it starts the name (Hamdan is not Mahdiyan, though both reduce to m-d-n without it)
    const m = c === 'h' ? (i === 0 ? 'h' : '') : c === 'z' ? 'd' : c === 'X' ? 'k' : c;
    if (m && out[out.length - 1] !== m) out += m;
  }
  return out;
}
