/**
 * Scores one query name against one list name: a one-to-one token alignment that allows order changes and
 * missing middle names, weighs rare tokens above common ones, and knows that in an Arabic nasab chain the
 * name after "bin" is an ancestor's ("Salman bin Muhammad" is not "Muhammad bin Salman").
 */
import type { NameToken, ParsedName } from './name-parse.ts';

function collapseKey(key: string): string {
  let out = '';
  for (const c of key) if (out[out.length - 1] !== c) out += c;
  return out;
}

import { isShortForm } from './hypocorisms.ts';
import { isKoreanFamilyName, KOREAN_SYLLABLE } from './korean-names.ts';
import { phoneticKey } from './phonetic-key.ts';
import { levenshtein } from './string-distance.ts';
import { type MatchHow, type TokenSimilarity, tokenSimilarity } from './token-similarity.ts';

/** Weight of a token by its key (rarer → heavier). The index supplies one from list statistics. */
export type TokenWeight = (token: NameToken) => number;

export const uniformWeight: TokenWeight = () => 1;

export interface TokenPair {
  readonly query: NameToken;
  readonly candidate: NameToken;
  readonly sim: number;
  readonly how: MatchHow;
}

export interface NameAdjustment {
  readonly reason: string;
  /** Multiplier applied to the name score. */
  readonly factor: number;
}

export interface NameScore {
  /** In [0,1]. */
  readonly score: number;
  readonly pairs: readonly TokenPair[];
  readonly unmatchedQuery: readonly NameToken[];
  readonly unmatchedCandidate: readonly NameToken[];
  readonly adjustments: readonly NameAdjustment[];
}

/** Unmatched tokens between the first and the last (middle names) count for this share of their weight. */
const MIDDLE_DISCOUNT = 0.5;
/** …and when the given and family names both match. */
const FRAME_MIDDLE_DISCOUNT = 0.25;
/** Share of query coverage in the score: a list name that holds every query token is strong evidence. */
const QUERY_SHARE = 0.6;
/** The same share when one name is a single word and the other longer. */
const ONE_WORD_SHARE = 0.4;
/** Per crossed pair, where token order carries meaning (Arabic naming) and elsewhere. */
const INVERSION_ARABIC = 0.85;
const INVERSION_OTHER = 0.97;
/** Per aligned pair where one side names the person and the other an ancestor (after bin/ibn). */
const ANCESTOR_MISMATCH = 0.7;
/** When one name's given name sits in the other's father/grandfather slot (Arabic order, no nasab markers). */
const SHIFTED_GIVEN_NAME = 0.8;
/** When one name's given name meets only a later given name of the other (other naming traditions). */
const SECOND_GIVEN_NAME = 0.85;
/** Similarity at or below which a token pair is a guess, not a reading (a vowel frame that disagrees: 0.6). */
const WEAK_GUESS = 0.6;
/** When both names end in different family names, and when both chains name different fathers. */
const FAMILY_CONFLICT = 0.9;
const ANCESTOR_CONFLICT = 0.85;
/** When an Abd- compound met a bare name and the bare name's side keeps a word unmatched. */
const ABD_REPLACES = 0.85;
/** When a name with a marked surname block ("SURNAME, Given") has none of it met by the other. */
const SURNAME_MISSED = 0.85;
/** When only the second (maternal) surname of a two-surname block is met. */
const PATERNAL_MISSED = 0.9;
/** When only the first (paternal) surname of a two-surname block is met: the usual short form, so less. */
const MATERNAL_MISSED = 0.95;

/**
 * Weight of the unmatched tokens of one side. A middle name the other side simply lacks is discounted;
 * when both sides have unmatched tokens, the names conflict (Tariq Anwar *Mohamed* vs Tariq Anwar *Ahmed*)
 * and the tokens count in full.
 */
function unmatchedWeight(
  tokens: readonly NameToken[],
  matched: Uint8Array,
  weight: TokenWeight,
  conflict: boolean,
  frame: boolean,
): number {
  let total = 0;
  const discount = frame ? FRAME_MIDDLE_DISCOUNT : MIDDLE_DISCOUNT;
  for (let i = 0; i < tokens.length; i++) {
    if (matched[i] === 1) continue;
    const t = tokens[i] as NameToken;
    const middle = i > 0 && i < tokens.length - 1;
    const left = middle || t.role === 'initial' || isTribalName(t);
    total += weight(t) * (!conflict && !t.family && left ? discount : 1);
  }
  return total;
}

/**
 * A Pashtun tribal name (Noorzai, Achekzai, Barakzai, Sulaimankhel; نورزی, اچکزی, اسحاقزی): an affiliation
 * written after the person's own names, which short forms leave out ("Abdul Basir" for عبد البصیر نورزی) like
 * a middle name. In Arabic script the ـزی must follow a consonant, so Ghazi, Fawzi, Hijazi (غازي, فوزي, حجازي)
 * are not taken for one.
 */
const TRIBAL_ARABIC = /^(?:.{2,}[^اوي]زي|.{2,}خيل)$/u;
const TRIBAL_LATIN = /^[a-z]{3,}(?:zai|zay|khel|khail)$/;

function isTribalName(t: NameToken): boolean {
  // runs for every unmatched token of every scored pair: the last letter rules out most words before a regex
  if (t.script === 'arabic') {
    const last = t.text.charAt(t.text.length - 1);
    return (last === 'ي' || last === 'ل') && TRIBAL_ARABIC.test(t.text);
  }
  const last = t.latin.charAt(t.latin.length - 1);
  return (last === 'i' || last === 'y' || last === 'l') && TRIBAL_LATIN.test(t.latin);
}

/** An Abd- compound (Abdul Basir, عبد البصير): a given name of two written words, not one word by chance. */
function givenCompound(t: NameToken | undefined): boolean {
  return t?.key.startsWith('bd') === true && t.key.length >= 4 && t.text.includes(' ');
}

function countUnmatched(m: Uint8Array): number {
  let n = 0;
  for (const x of m) if (x !== 1) n++;
  return n;
}

/** Second words of Persian/Pashto/Urdu compound names (normalised Arabic script, and Latin). */
const COMPOUND_TAILS: ReadonlySet<string> = new Set([
  'زاده',
  'زاد',
  'جان',
  'خيل',
  'خان',
  'يار',
  'داد',
  'زي',
  'گل',
  'كل',
  'zada',
  'zadah',
  'zadeh',
  'zade',
  'jan',
  'khel',
  'khail',
  'khan',
  'yar',
  'dad',
  'zai',
  'gul',
]);

/** True for the second word of a compound name written apart (زاده, جان, خیل; zada, jan, khel). */
export function isCompoundTail(t: NameToken): boolean {
  return COMPOUND_TAILS.has(t.script === 'arabic' ? t.text : t.latin);
}

/**
 * A word that writes the consonant where two words meet twice in a row (Mahmooddarwish for Mahmood Darwish): it may be
 * the two words glued. Runs only when two joined keys share that consonant.
 */
function writesSeamTwice(t: NameToken, seam: string): boolean {
  const w = t.latin || t.text;
  const script = t.latin ? 'latin' : t.script;
  for (let k = 1; k < w.length; k++)
    if (w.charCodeAt(k) === w.charCodeAt(k - 1) && phoneticKey(w.charAt(k), script) === seam) return true;
  return false;
}

/**
 * Endings of Persian family names written as a word of their own: -pour ("son of") and -nejad ("lineage"):
 * محمد پور is the family name Mohammadpour, احمدی نژاد Ahmadinejad. Not -zadeh: the UN lists Akhund and Akhund Zada
 * (آخوند زاده) as names of one person.
 */
const SURNAME_TAILS: ReadonlySet<string> = new Set(['پور', 'نژاد', 'pour', 'poor', 'nejad', 'nezhad']);

/**
 * True when the word before a family-name ending (محمد in محمد پور) met a word of the other name while the ending
 * met nothing: the other name has Mohammad, this one the family name Mohammadpour.
 */
function surnameTailLeft(tokens: readonly NameToken[], m: Uint8Array): boolean {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as NameToken;
    if (m[i] !== 1 && m[i - 1] === 1 && SURNAME_TAILS.has(t.script === 'arabic' ? t.text : t.latin))
      return true;
  }
  return false;
}

/** A token of one name paired with adjacent tokens [first..j2] of the other (`multiQ`: those are the query's). */
interface Joined {
  i: number;
  j: number;
  sim: number;
  how: MatchHow;
  j2: number;
  multiQ: boolean;
}

/** The adjacent tokens [from..to] shown as one token in explanations ("black rock", "کاکا زاده"). */
function mergeTokens(tokens: readonly NameToken[], from: number, to: number): NameToken {
  const first = tokens[from] as NameToken;
  if (to <= from) return first;
  const parts = tokens.slice(from, to + 1);
  return {
    ...first,
    text: parts.map((t) => t.text).join(' '),
    key: collapseKey(parts.map((t) => t.key).join('')),
    alts: [],
    latin: parts.map((t) => t.latin).join(''),
    end: (parts[parts.length - 1] as NameToken).end,
  };
}

/**
 * A join across scripts meets keys, and keys leave out the vowels: the two words glued into one must pass the
 * vowel checks one Arabic-script word and its romanisation pass (token-similarity.ts, which caps a word whose
 * written long vowels the romanisation lacks at 0.6). Without them two Persian given names glued meet any Latin
 * word of the same consonants: اسما رسته = SOMERSET, پریا صیادی = PRSD, لاهوتی = "Ali Heit".
 */
function gluedVowelsAgree(a: NameToken, b1: NameToken, b2: NameToken): boolean {
  // first each word against its own part of the single word, where that word splits into the two keys: the checks
  // then see each word's own ends (موسی ends in a vowel letter read a: موسی‌خان = Musa Khan, مصطفی کمال =
  // Mustafakamal), which glued they would take for a long vowel inside the word
  // (two letters a part at least: one letter of صقر is no word, and would let صق + ر meet "Sok Ri")
  const whole = a.latin || a.text;
  for (let k = 2; k < whole.length - 1; k++) {
    const head = whole.slice(0, k);
    if (phoneticKey(head, a.script) !== b1.key) continue;
    const tail = whole.slice(k);
    if (phoneticKey(tail, a.script) !== b2.key) continue;
    if (
      tokenSimilarity(partOf(a, head), b1).sim > GLUED_VOWELS_CAP &&
      tokenSimilarity(partOf(a, tail), b2).sim > GLUED_VOWELS_CAP
    )
      return true;
  }
  const glued: NameToken = {
    ...b1,
    text: b1.text + b2.text,
    key: collapseKey(b1.key + b2.key),
    alts: [],
    latin: b1.latin + b2.latin,
    end: b2.end,
  };
  return tokenSimilarity(a, glued).sim > GLUED_VOWELS_CAP;
}

/** Part `s` of the glued word `a`, as a token of its own. */
function partOf(a: NameToken, s: string): NameToken {
  return { ...a, text: s, latin: a.latin ? s : '', key: phoneticKey(s, a.script), alts: [] };
}

/** The similarity token-similarity.ts gives at most to a cross-script pair whose vowels disagree. */
const GLUED_VOWELS_CAP = 0.6;

/**
 * Joins two adjacent unmatched tokens of one side to meet one unmatched token of the other
 * ("PolPot" = "Pol Pot", "Goodwill" = "Good Will", "vanderbilt" = "van der bilt" in two steps).
 */
function joinAdjacent(
  one: readonly NameToken[],
  mOne: Uint8Array,
  two: readonly NameToken[],
  mTwo: Uint8Array,
  out: Joined[],
  flip: boolean,
): void {
  for (let i = 0; i < one.length; i++) {
    const a = one[i] as NameToken;
    if (mOne[i] === 1 || a.key.length < 3) continue;
    for (let j = 0; j + 1 < two.length; j++) {
      if (mTwo[j] === 1 || mTwo[j + 1] === 1) continue;
      const b1 = two[j] as NameToken;
      const b2 = two[j + 1] as NameToken;
      let d: number;
      if (a.latin && b1.latin && b2.latin) {
        if (a.latin.length < 4) continue;
        d = levenshtein(a.latin, b1.latin + b2.latin, 1);
      } else {
        // across scripts, join the keys of a compound written in two words on one side ("شهيد خيل" =
        // Shahidkhel, "کاکا زاده" = Kakazada, "ظاهرعويس" = Dahir Aweys). Arabic keys are short (عزيز → z): one
        // letter per piece is enough before a compound tail or when the Arabic side is the glued word;
        // otherwise two ordinary Arabic names joined would meet unrelated Latin words (علي موسوی ≠ Lolalimes)
        // two words keep both of the consonants where they meet: the one m of Fatemiyoun is not the m that ends
        // فاطمه and the m that begins معین (a doubled letter inside one word is a spelling, across two it is not)
        const seam = b1.key.length > 0 && b1.key.charAt(b1.key.length - 1) === b2.key.charAt(0);
        const joined = collapseKey(b1.key + b2.key);
        const loose = isCompoundTail(b2) || a.script === 'arabic';
        const strict = b1.key.length >= 2 && b2.key.length >= 2 && joined.length >= 4;
        d =
          (!seam || writesSeamTwice(a, b2.key.charAt(0))) &&
          (strict || (loose && joined.length >= 3)) &&
          a.key === joined &&
          (a.script === b1.script || gluedVowelsAgree(a, b1, b2))
            ? 0
            : 2;
      }
      if (d > 1) continue;
      mOne[i] = 1;
      mTwo[j] = 1;
      mTwo[j + 1] = 1;
      const sim = d === 0 ? 0.95 : 0.85;
      out.push(
        flip
          ? { i: j, j: i, sim, how: 'fuzzy', j2: j + 1, multiQ: true }
          : { i, j, sim, how: 'fuzzy', j2: j + 1, multiQ: false },
      );
      break;
    }
  }
}

/**
 * Pairs a Latin word with two or three adjacent words of the other name that spell it exactly
 * ("blackrock" = "Black Rock", "vanderbilt" = "van der bilt", "Ramimakhlouf" = "Rami Makhlouf").
 */
function joinExact(
  one: readonly NameToken[],
  mOne: Uint8Array,
  two: readonly NameToken[],
  mTwo: Uint8Array,
  out: Joined[],
  flip: boolean,
): void {
  if (two.length < 2) return;
  for (let i = 0; i < one.length; i++) {
    const tok = one[i] as NameToken;
    const a = tok.latin;
    if (mOne[i] === 1 || a.length < 4) continue;
    // a Latin compound against its two Arabic-script words before a compound tail (آخوند زاده = Akhundzada),
    // before a weak match of the first word alone can take it
    let crossJoined = false;
    for (let j = 0; j + 1 < two.length && !crossJoined; j++) {
      const b1 = two[j] as NameToken;
      const b2 = two[j + 1] as NameToken;
      if (b1.script !== 'arabic' || b2.script !== 'arabic' || mTwo[j] === 1 || mTwo[j + 1] === 1) continue;
      if (!isCompoundTail(b2)) continue;
      const joined = collapseKey(b1.key + b2.key);
      if (joined.length < 3) continue;
      const exact = joined === tok.key || tok.alts.includes(joined);
      // one consonant apart in a long joined key, as single keys of five consonants may be (آخوند زاده =
      // Akhunzada, the d of nd-z unwritten)
      if (!exact && (joined.length < 5 || levenshtein(joined, tok.key, 1) !== 1)) continue;
      mOne[i] = 1;
      mTwo[j] = 1;
      mTwo[j + 1] = 1;
      const p = { sim: exact ? 0.9 : 0.8, how: 'transliteration' as MatchHow, j2: j + 1 };
      out.push(flip ? { i: j, j: i, ...p, multiQ: true } : { i, j, ...p, multiQ: false });
      crossJoined = true;
    }
    if (crossJoined) continue;
    for (let j = 0; j + 1 < two.length; j++) {
      let joined = '';
      let k = j;
      while (k < two.length && k - j < 3 && mTwo[k] !== 1 && joined.length < a.length) {
        const part = (two[k] as NameToken).latin;
        if (part.length === 0 || !a.startsWith(part, joined.length)) break;
        joined += part;
        k++;
      }
      if (k - j < 2 || joined !== a) continue;
      mOne[i] = 1;
      for (let x = j; x < k; x++) mTwo[x] = 1;
      out.push(
        flip
          ? { i: j, j: i, sim: 0.95, how: 'fuzzy', j2: k - 1, multiQ: true }
          : { i, j, sim: 0.95, how: 'fuzzy', j2: k - 1, multiQ: false },
      );
      break;
    }
  }
}

/**
 * Pairs an organisation's acronym with the adjacent words of the other name whose initials spell it
 * (PLA = People's Liberation Army, U.S. = United States): two to six letters, one per word, in order.
 */
function joinAcronym(
  one: readonly NameToken[],
  mOne: Uint8Array,
  two: readonly NameToken[],
  mTwo: Uint8Array,
  out: Joined[],
  flip: boolean,
): void {
  for (let i = 0; i < one.length; i++) {
    const a = one[i] as NameToken;
    const n = a.latin.length;
    if (mOne[i] === 1 || n < 2 || n > 6 || n > two.length || a.script !== 'latin' || /\d/.test(a.latin))
      continue;
    for (let j = 0; j + n <= two.length; j++) {
      let k = 0;
      while (k < n && mTwo[j + k] !== 1 && (two[j + k] as NameToken).latin[0] === a.latin[k]) k++;
      if (k < n) continue;
      mOne[i] = 1;
      for (let x = j; x < j + n; x++) mTwo[x] = 1;
      const p = { sim: ACRONYM, how: 'abbreviation' as MatchHow, j2: j + n - 1 };
      out.push(flip ? { i: j, j: i, ...p, multiQ: true } : { i, j, ...p, multiQ: false });
      break;
    }
  }
}

/**
 * Widths at which payment messages cut a name: a SWIFT MT name line (35 characters) and the ISO 20022 Nm
 * element (140). A name exactly that long may end in a cut word.
 */
const FIELD_WIDTHS: ReadonlySet<number> = new Set([35, 140]);
/** Strength of a cut last word met with the word it begins: the writer did not choose the cut. */
const CUT_WORD = 0.9;

/**
 * "NOUREDDINE BEN ALI BEN BELKASSEM DR", 35 characters: the last word of a query name cut at a message field's
 * width meets the list name's word it begins (DRISSI), when nothing else met it. Only the query: a payment
 * message cuts names at its field width, a sanctions list writes them whole, so a list name that happens to be
 * 35 characters long ends in a word of its own (ABDUL RAHMAN HASSAN MOHAMMED AL ALI is not … AL ALIMI).
 */
function cutAtFieldWidth(
  q: ParsedName,
  mq: Uint8Array,
  ct: readonly NameToken[],
  mc: Uint8Array,
  out: { i: number; j: number; sim: number; how: MatchHow }[],
): void {
  const n = q.tokens.length;
  // runs for every scored pair: most names are shorter than a field, and those are told apart without trimming
  const raw = q.original.length;
  if (raw < 35 || (raw > 40 && raw < 140) || !FIELD_WIDTHS.has(q.original.trim().length)) return;
  const last = q.tokens[n - 1] as NameToken;
  if (!last.latin || !q.original.trimEnd().endsWith(q.original.slice(last.start, last.end))) return;
  if (mq[n - 1] === 1) {
    // already met as a prefix, the weak reading of a word the writer cut short by choice (Chris, Christiansen)
    const p = out.find((x) => x.i === n - 1);
    if (p?.how === 'prefix') p.sim = CUT_WORD;
    return;
  }
  for (let j = ct.length - 1; j >= 0; j--) {
    const w = (ct[j] as NameToken).latin;
    if (mc[j] === 1 || w.length <= last.latin.length || !w.startsWith(last.latin)) continue;
    mq[n - 1] = 1;
    mc[j] = 1;
    out.push({ i: n - 1, j, sim: CUT_WORD, how: 'prefix' });
    return;
  }
}

/** Strength of a syllable met in the other romanisation of Chinese (Hsi = Xi, Tung = Dong). */
const CHINESE_READING = 0.9;

/** Strength of a Korean syllable met in another romanisation (Chong = Jeong = Jong, Kyu = Gyu). */
const KOREAN_READING = 0.9;
/**
 * Why the surnames of two Korean names that are one letter apart do not meet: they are different surnames in every
 * romanisation (Jang is not Kang: JANG SUNG NAM is not KANG, Song Nam), and a surname is no place for a typo guess;
 * given syllables keep their near spellings (the bench labels RI MYONG-CHUL and RI PYONG CHUL one person).
 */
const LIMIT_KOREAN = 'different Korean surnames in every romanisation';

/**
 * Whether two Korean-shaped names may meet by their Korean readings (reviews of 328169b); `marked` when either
 * writes a Korean romanisation (koreanMarked). Not between two pinyin names neither in Wade-Giles nor marked (Yang
 * Kai is not Yang Ke: the Chinese rule's own guard); between two names of two words only when marked or when the
 * surnames are spelt otherwise and read alike (Ri Il, Yi Il): a surname and one short syllable fit Burmese,
 * Vietnamese and English names alike (U Tin, Ha Thu, Jon Dan).
 */
function koreanReadingTrusted(q: ParsedName, c: ParsedName, marked: boolean): boolean {
  if (!marked && q.chinese !== undefined && c.chinese !== undefined && !q.wadeGiles && !c.wadeGiles)
    return false;
  // a surname spelt otherwise and read alike (Ri / Yi) marks two short names as Korean, but not two pinyin names
  // (Li Kai is not Lee Ke): that guard comes first
  return marked || sameSurnameSpeltOtherwise(q, c) || q.tokens.length > 2 || c.tokens.length > 2;
}

/** Two words spelt differently of which one is an English short form in the table (Tom / Dom, Dan / Tan). */
function shortFormPair(a: NameToken, b: NameToken): boolean {
  return a.latin !== b.latin && (isShortForm(a.latin) || isShortForm(b.latin));
}

/** The two surnames are spelt differently and read alike (Ri / Yi, Pak / Bak): each name is in another romanisation. */
function sameSurnameSpeltOtherwise(q: ParsedName, c: ParsedName): boolean {
  const qs = q.korean?.surname ?? -1;
  const cs = c.korean?.surname ?? -1;
  if (qs < 0 || cs < 0) return false;
  return (
    (q.tokens[qs] as NameToken).latin !== (c.tokens[cs] as NameToken).latin &&
    q.korean?.readings[qs] === c.korean?.readings[cs]
  );
}

/** A name that writes itself as a Korean romanisation: eo, eu, ae or oe (not ui: pinyin hui), an apostrophe or hyphen, or a given word of two syllables. */
function koreanMarked(name: ParsedName): boolean {
  if (/['’ʼ‘-]/.test(name.original)) return true;
  const at = name.korean?.surname ?? -1;
  return name.tokens.some(
    (t, k) =>
      k !== at && (/eo|eu|ae|oe/.test(t.latin) || (name.korean?.readings[k] ?? '').split('.').length > 2),
  );
}

/**
 * Pairs a Chinese or Korean given name written as one word with its two syllables written apart (Jinping =
 * Chin-ping, Jongun = Chong Un), by the syllables' readings.
 */
function joinReadings(
  one: readonly string[],
  mOne: Uint8Array,
  two: readonly string[],
  mTwo: Uint8Array,
  out: Joined[],
  flip: boolean,
  sim: number,
): void {
  for (let i = 0; i < one.length; i++) {
    if (mOne[i] === 1) continue;
    for (let j = 0; j + 1 < two.length; j++) {
      if (mTwo[j] === 1 || mTwo[j + 1] === 1 || one[i] !== `${two[j]}${two[j + 1]}`) continue;
      mOne[i] = 1;
      mTwo[j] = 1;
      mTwo[j + 1] = 1;
      const p = { sim, how: 'transliteration' as MatchHow, j2: j + 1 };
      out.push(flip ? { i: j, j: i, ...p, multiQ: true } : { i, j, ...p, multiQ: false });
      break;
    }
  }
}

/**
 * The spellings of one Korean syllable or given name met only by their reading, for the explanation: "chong =
 * jong, kyu = gyu"; '' when every pair met otherwise.
 */
function koreanSpellings(
  qt: readonly NameToken[],
  qk: readonly string[],
  ct: readonly NameToken[],
  ck: readonly string[],
  chosen: readonly { i: number; j: number; sim: number; how: MatchHow }[],
  joined: readonly Joined[],
): string {
  const out: string[] = [];
  for (const p of chosen) {
    const a = qt[p.i] as NameToken;
    const b = ct[p.j] as NameToken;
    if (p.sim === KOREAN_READING && p.how === 'transliteration' && qk[p.i] === ck[p.j] && a.latin !== b.latin)
      out.push(`${a.latin} = ${b.latin}`);
  }
  for (const p of joined) {
    const a = p.multiQ
      ? `${(qt[p.i] as NameToken).latin} ${(qt[p.j2] as NameToken).latin}`
      : (qt[p.i] as NameToken).latin;
    const b = p.multiQ
      ? (ct[p.j] as NameToken).latin
      : `${(ct[p.j] as NameToken).latin} ${(ct[p.j2] as NameToken).latin}`;
    if (a.replace(' ', '') !== b.replace(' ', '')) out.push(`${a} = ${b}`);
  }
  return out.join(', ');
}

/** Strength of an acronym met with the words it stands for. */
const ACRONYM = 0.9;

/** The pairs seen from the other name. */
function flipPairs(pairs: readonly { i: number; j: number }[]): { i: number; j: number }[] {
  return pairs.map((p) => ({ i: p.j, j: p.i })).sort((a, b) => a.i - b.i);
}

/**
 * True when the last word of a name of three or more words (its family name) is the first word of the other
 * name and every other pair keeps its order: the surname written first. `pairs` are sorted by `i`.
 */
function surnameFirst(pairs: readonly { i: number; j: number }[], n: number, otherN: number): boolean {
  if (n < 3 || otherN < 2) return false;
  const moved = pairs.find((p) => p.i === n - 1 && p.j === 0);
  if (!moved) return false;
  let lastJ = -1;
  for (const p of pairs) {
    if (p === moved) continue;
    if (p.j < lastJ) return false;
    lastJ = p.j;
  }
  return true;
}

/**
 * True when the first word of one name meets a later word of the other while the other's first word, a full
 * word and not an initial, is left unmatched: Thomas Dixon against Ian Thomas DIXON. `pairs` are the aligned
 * (query i, candidate j) pairs; runs for every scored name, so it allocates nothing.
 */
function secondGivenOnly(
  pairs: readonly { i: number; j: number }[],
  qt: readonly NameToken[],
  mq: Uint8Array,
  ct: readonly NameToken[],
  mc: Uint8Array,
): boolean {
  if ((qt[0] as NameToken).role === 'initial' || (ct[0] as NameToken).role === 'initial') return false;
  for (const p of pairs) {
    // a first given name Muhammad is the one left out by custom (Nawaz Sharif for Mohammad Nawaz Sharif)
    if (p.i === 0 && p.j > 0 && mc[0] !== 1 && !isMuhammad(ct[0] as NameToken)) return true;
    if (p.j === 0 && p.i > 0 && mq[0] !== 1 && !isMuhammad(qt[0] as NameToken)) return true;
  }
  return false;
}

/** Muhammad in its Latin spellings (Muhammad, Mohammed, Mohamad, Mouhamed), not Mahmud. */
const MUHAMMAD_LATIN = /^m[aeiou]{1,2}h[aeiou]{1,2}m+[aeiou]{1,2}d+$/;

/**
 * True when a name of three words or more starts with Muhammad and a second given name (not an ancestor's, after
 * bin), and the Muhammad is met while that second name is not.
 */
function muhammadOnly(
  tokens: readonly NameToken[],
  m: Uint8Array,
  dropped: readonly NameToken[],
  other: readonly NameToken[],
  pairs: readonly { i: number; j: number }[],
  flip: boolean,
): boolean {
  const n = tokens.length;
  if (n < 3 || m[0] !== 1 || m[1] === 1) return false;
  const second = tokens[1] as NameToken;
  if (second.ancestor || second.role === 'initial' || second.family) return false;
  if (!isMuhammad(tokens[0] as NameToken)) return false;
  // the first word meets the other's first and the last its last: the other is this name's given and family
  // name, the usual short form (Mohammad Zarif for Mohammad Javad Zarif, Mohammad Jinnah for Muhammad Ali
  // Jinnah) when one name is left out; and when more are, a chain name in Arabic order whose family name
  // carries the article (Mohammed Al-Sawah for Mohammed Abdullah Saleh Al-Sawah: the second word is the
  // father's name, not one the person goes by)
  if (!pairMet(pairs, flip, 0, 0) || !pairMet(pairs, flip, n - 1, other.length - 1)) return true;
  if (n === 3) return false;
  const last = tokens[n - 1] as NameToken;
  const before = tokens[n - 2] as NameToken;
  return !dropped.some((d) => d.role === 'article' && d.start >= before.end && d.end <= last.start);
}

/** Word `a` of this name met word `b` of the other (`flip`: this name is the pairs' candidate side). */
function pairMet(pairs: readonly { i: number; j: number }[], flip: boolean, a: number, b: number): boolean {
  for (const p of pairs) if ((flip ? p.j : p.i) === a && (flip ? p.i : p.j) === b) return true;
  return false;
}

/** The given name Muhammad in Arabic script or a Latin spelling. */
function isMuhammad(t: NameToken): boolean {
  if (t.key !== 'mhmd') return false;
  return t.script === 'arabic' ? t.text === 'محمد' : MUHAMMAD_LATIN.test(t.latin);
}

/**
 * True when a name with a marked surname block ("SURNAME, Given": `marked`) has its block met only by words of
 * the `other` name (`mOther` matched) that are neither its first nor its last, and the other's last word is left
 * unmatched. Not a Latin word right before the last: Spanish and Portuguese names carry two surnames, so there it
 * may be the first (Jorge Gonzalez Cardenas = GONZALEZ, Jorge); in Arabic script it is a given or father's name.
 * `pairs` are (query i, candidate j); `flip` when `marked` is the query.
 */
function surnameAsMiddle(
  pairs: readonly { i: number; j: number }[],
  marked: readonly NameToken[],
  other: readonly NameToken[],
  mOther: Uint8Array,
  flip: boolean,
): boolean {
  const n = other.length;
  if (n < 3 || mOther[n - 1] === 1) return false;
  // the Latin word before the last, particles aside (Gonzalez in Jorge Gonzalez de la Vega, Lopez in Maria
  // Lopez y Garcia)
  let beforeLast = n - 2;
  while (beforeLast > 0 && SURNAME_PARTICLES.has((other[beforeLast] as NameToken).text)) beforeLast--;
  let met = false;
  let firstSurname = n;
  for (const p of pairs) {
    const mine = flip ? p.i : p.j;
    const theirs = flip ? p.j : p.i;
    if (!(marked[mine] as NameToken).family) continue;
    if (theirs === 0 || theirs === n - 1) return false;
    if (theirs === beforeLast && (other[theirs] as NameToken).script !== 'arabic') return false;
    met = true;
    firstSurname = Math.min(firstSurname, theirs);
  }
  if (!met) return false;
  // every listed given name met, in order, before the surname: the other name is this one with more words
  // after it, a longer chain (Ahmed Mohamed Hassan Ali for "HASSAN, Ahmed Mohamed") or a second surname or
  // tribal name (Jose Carlos Silva dos Santos, Sirajuddin Haqqani Zadran)
  let at = -1;
  let given = 0;
  for (let k = 0; k < marked.length; k++) {
    const t = marked[k] as NameToken;
    if (t.family) continue;
    given++;
    const p = pairs.find((x) => (flip ? x.i : x.j) === k);
    const theirs = p === undefined ? -1 : flip ? p.j : p.i;
    if (theirs <= at || theirs >= firstSurname) return true;
    at = theirs;
  }
  return given === 0;
}

/**
 * A word of the name was set aside as an article or a nasab marker: in a Korean name that is a syllable misread
 * ("KO, Tae Bin" turned round reads Bin as bin), so the name is shorter than it is and may look wholly met. Titles
 * set aside (Mr, Dr, Gen.) are not: Mr Kim Jong is still Kim Jong.
 */
function setAsideReading(name: ParsedName): boolean {
  return name.dropped.some((d) => d.role === 'article' || d.role === 'nasab');
}

/**
 * True when `tokens` is a Korean name of three words (a surname, the first word or the marked "SURNAME," block, and
 * a given name of two syllables) whose surname and exactly one given syllable are met.
 */
function koreanSyllableLeft(
  tokens: readonly NameToken[],
  m: Uint8Array,
  pairs: readonly { i: number; j: number }[],
  other: readonly NameToken[],
  flip: boolean,
): boolean {
  let s = 0;
  for (let k = 0; k < 3; k++) if ((tokens[k] as NameToken).family) s = k;
  const surname = tokens[s] as NameToken;
  if (m[s] !== 1 || !isKoreanFamilyName(surname.latin)) return false;
  let met = -1;
  for (let k = 0; k < 3; k++) {
    if (k === s) continue;
    const t = tokens[k] as NameToken;
    if (t.family || t.role === 'initial' || !KOREAN_SYLLABLE.test(t.latin) || NOT_KOREAN_GIVEN.has(t.latin))
      return false;
    if (m[k] === 1) {
      if (met >= 0) return false;
      met = k;
    }
  }
  if (met < 0) return false;
  // The word that met the syllable holds both when it is two letters or more longer: the given name written as one
  // word, spelt otherwise (Kyonghoon for Kyong-hun, Ryonghe for Ryong Hae), met only in its first syllable.
  const p = pairs.find((x) => (flip ? x.j : x.i) === met);
  if (p === undefined) return false;
  const partner = other[flip ? p.i : p.j] as NameToken;
  return partner.latin.length < (tokens[met] as NameToken).latin.length + 2;
}

/**
 * Syllable-shaped given words of other naming customs: the Vietnamese gender middle name Thị, routinely left out
 * (Ho Thi Kim is Ho Kim).
 */
const NOT_KOREAN_GIVEN: ReadonlySet<string> = new Set(['thi']);

/** A word that begins with the article assimilated to a sun letter written as a digraph: aththani, ashsheikh (not Assad, Attar). */
const SUN_ARTICLE = /^a(th|dh|sh|zh)\1/;

/** آ, the first letter of آل (the house of, Āl): before a family name, never the article ال. */
const MADDA_ALEF = 0x0622;

/**
 * Al written before a word, in Latin (Al, Aal, El, Al-e, Ale) or Arabic script (ال, آل), up to the word's start in
 * the original text, an article after it allowed (Al ash-Sheikh, آل الشيخ).
 */
const AL_BEFORE =
  /(?:^|[^\p{L}])(?:[aāâáä]{1,2}l(?:-?e|-[iy]|\se(?=[^\p{L}]))?|el|a[tdsnrz]h?-|[اآأإ]ل)[^\p{L}]*(?:[aeu][lstdnrz]h?[-\s][^\p{L}]*|ال[^\p{L}]*)?$/iu;

/**
 * True when `name` writes آل (the house of) before a word met by a word of the `other` name that has no Al before
 * it (nor glued to it): آل حسين met by the Husayn of HUSAYN, 'Ali or علي صدام حسين. `pairs` are (query i,
 * candidate j); `flip` when `name` is the candidate. Runs for every scored pair: most names have no article.
 */
function houseLeftOut(
  name: ParsedName,
  m: Uint8Array,
  pairs: readonly { i: number; j: number }[],
  other: ParsedName,
  flip: boolean,
): boolean {
  for (const d of name.dropped) {
    // compared by code unit: this runs for every article of every scored list name, and slicing allocates
    if (d.role !== 'article' || d.end - d.start !== 2 || name.original.charCodeAt(d.start) !== MADDA_ALEF)
      continue;
    // the word right after it
    let k = -1;
    for (let x = 0; x < name.tokens.length; x++) {
      const s = (name.tokens[x] as NameToken).start;
      if (s >= d.end && (k < 0 || s < (name.tokens[k] as NameToken).start)) k = x;
    }
    if (k < 0 || m[k] !== 1) continue;
    const p = pairs.find((x) => (flip ? x.j : x.i) === k);
    if (p === undefined) continue;
    const t = other.tokens[flip ? p.i : p.j] as NameToken;
    // Al glued to the word, or a sun letter's article written into it (Ath-Thani, An-Nahyan, Ash-Sheikh)
    if (t.latin.startsWith('al') || t.latin.startsWith('el') || SUN_ARTICLE.test(t.latin)) continue;
    if (!AL_BEFORE.test(other.original.slice(0, t.start))) return true;
  }
  return false;
}

/** Particles inside Spanish and Portuguese surnames, set aside when finding the word before the last. */
const SURNAME_PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'da', 'das', 'do', 'dos', 'y', 'e', 'i']);

/** A word of the name's surname block is left unmet ("Carlos Torres" in "TORRES HOYOS, Carlos Mario"). */
function surnameLeftOut(tokens: readonly NameToken[], m: Uint8Array): boolean {
  for (let i = 0; i < tokens.length; i++) if (m[i] !== 1 && (tokens[i] as NameToken).family) return true;
  return false;
}

/**
 * A "SURNAME, Given" name whose surname block the other name, of two words or more, never meets: the shared words
 * are given names (Christopher Vincent is not KINAHAN, Christopher Vincent).
 */
function surnameMissed(mine: readonly NameToken[], m: Uint8Array, otherLen: number): boolean {
  if (otherLen < 2) return false;
  let family = false;
  for (let i = 0; i < mine.length; i++) {
    if (!(mine[i] as NameToken).family) continue;
    if (m[i] === 1) return false;
    family = true;
  }
  return family;
}

/** Of two surnames or more, the first (the father's) is unmet while a later one is met. */
function paternalMissed(mine: readonly NameToken[], m: Uint8Array): boolean {
  let first = -1;
  for (let i = 0; i < mine.length; i++) {
    if (!(mine[i] as NameToken).family) continue;
    if (first < 0) {
      if (m[i] === 1) return false;
      first = i;
    } else if (m[i] === 1) return true;
  }
  return false;
}

/** Of two surnames or more, the first (the father's) is met while a later one is not. */
function maternalMissed(mine: readonly NameToken[], m: Uint8Array): boolean {
  let first = -1;
  let missed = false;
  for (let i = 0; i < mine.length; i++) {
    if (!(mine[i] as NameToken).family) continue;
    if (first < 0) first = i;
    else if (m[i] !== 1) missed = true;
  }
  return first >= 0 && m[first] === 1 && missed;
}

/** The scorer's similarity when no query memo is given. */
function plainSimilarity(a: NameToken, _qi: number, b: NameToken): TokenSimilarity {
  return tokenSimilarity(a, b);
}

/**
 * Aligns and scores two parsed names.
 * @param weight token weights; use the index's IDF weights when screening, uniform weights otherwise
 */
export function scoreNames(
  q: ParsedName,
  c: ParsedName,
  weight: TokenWeight = uniformWeight,
  similarity: (q: NameToken, qi: number, c: NameToken) => TokenSimilarity = plainSimilarity,
): NameScore {
  const qt = q.tokens;
  const ct = c.tokens;
  if (qt.length === 0 || ct.length === 0) {
    return { score: 0, pairs: [], unmatchedQuery: qt, unmatchedCandidate: ct, adjustments: [] };
  }
  const cands: { i: number; j: number; sim: number; how: MatchHow; limit?: string | undefined }[] = [];
  // pairs whose keys met but a reading rule refused (sim 0): explained when both words stay unmatched
  const refused: { i: number; j: number; limit: string }[] = [];
  // two Chinese names, one of them in Wade-Giles (Hsi Chin-ping, Xi Jinping): syllables meet by their reading
  const qz = q.chinese;
  const cz = c.chinese;
  const sinitic = qz !== undefined && cz !== undefined && (q.wadeGiles || c.wadeGiles);
  // two Korean names (Kim Chong Il, KIM, Jong Il): syllables meet by their reading across romanisations
  const qk = q.korean?.readings;
  const ck = c.korean?.readings;
  const bothKorean = qk !== undefined && ck !== undefined;
  const koreanMarkedPair = bothKorean && (koreanMarked(q) || koreanMarked(c));
  const korean = bothKorean && koreanReadingTrusted(q, c, koreanMarkedPair);
  const qs = q.korean?.surname ?? -1;
  const cs = c.korean?.surname ?? -1;
  for (let i = 0; i < qt.length; i++) {
    for (let j = 0; j < ct.length; j++) {
      let s = similarity(qt[i] as NameToken, i, ct[j] as NameToken);
      if (sinitic && s.sim < CHINESE_READING && qz[i] === cz[j])
        s = { sim: CHINESE_READING, how: 'transliteration' };
      if (korean) {
        if (qk[i] === ck[j]) {
          // an English short form spelt otherwise on the other side is another name (Tom Kim is not Dom Kim),
          // unless a name writes itself as a Korean romanisation (Pak Jon Hyok, Bak Jeon Hyeok)
          if (
            s.sim < KOREAN_READING &&
            (koreanMarkedPair || !shortFormPair(qt[i] as NameToken, ct[j] as NameToken))
          )
            s = { sim: KOREAN_READING, how: 'transliteration' };
        } else if (i === qs && j === cs && s.sim > 0) s = { sim: 0, how: 'fuzzy', limit: LIMIT_KOREAN };
      }
      if (s.sim > 0) cands.push({ i, j, sim: s.sim, how: s.how, limit: s.limit });
      else if (s.limit !== undefined) refused.push({ i, j, limit: s.limit });
    }
  }
  // greedy one-to-one assignment: best pairs first, then the pair closest in relative position
  const qn = qt.length;
  const cn = ct.length;
  cands.sort((a, b) => b.sim - a.sim || Math.abs(a.i / qn - a.j / cn) - Math.abs(b.i / qn - b.j / cn));
  const mq = new Uint8Array(qn);
  const mc = new Uint8Array(cn);
  const joined: Joined[] = [];
  // a word that is exactly two adjacent words of the other name ("blackrock" = "Black Rock") is that pair,
  // before a weaker prefix match ("blackrock" ~ "black") can take one of the two
  joinExact(qt, mq, ct, mc, joined, false);
  joinExact(ct, mc, qt, mq, joined, true);
  // and a Korean given name written as one word is its two syllables written apart, read in any romanisation
  // (Cholsung = Chol Song), before the one word meets the first syllable alone as a prefix
  const koreanJoinedFrom = joined.length;
  if (korean) {
    joinReadings(qk, mq, ck, mc, joined, false, KOREAN_READING);
    joinReadings(ck, mc, qk, mq, joined, true, KOREAN_READING);
  }
  const koreanJoinedTo = joined.length;
  const chosen: { i: number; j: number; sim: number; how: MatchHow; limit?: string | undefined }[] = [];
  for (const p of cands) {
    if (mq[p.i] === 1 || mc[p.j] === 1) continue;
    mq[p.i] = 1;
    mc[p.j] = 1;
    chosen.push(p);
  }
  if (chosen.length + joined.length < Math.max(qn, cn)) {
    if (sinitic) {
      joinReadings(qz, mq, cz, mc, joined, false, CHINESE_READING);
      joinReadings(cz, mc, qz, mq, joined, true, CHINESE_READING);
    }
    joinAdjacent(qt, mq, ct, mc, joined, false);
    joinAdjacent(ct, mc, qt, mq, joined, true);
    // both known to be organisations: the initials of a person's name spell the acronyms of many firms
    // (Tessa Scheffers ~ TS COMPANY), so an untyped query never meets an acronym this way
    if (q.kind === 'organisation' && c.kind === 'organisation') {
      joinAcronym(qt, mq, ct, mc, joined, false);
      joinAcronym(ct, mc, qt, mq, joined, true);
    }
  }
  cutAtFieldWidth(q, mq, ct, mc, chosen);
  let matchedQ = 0;
  let matchedC = 0;
  let weightQ = 0;
  let weightC = 0;
  for (const p of chosen) {
    const wq = weight(qt[p.i] as NameToken);
    const wc = weight(ct[p.j] as NameToken);
    matchedQ += p.sim * wq;
    matchedC += p.sim * wc;
    weightQ += wq;
    weightC += wc;
  }
  for (const p of joined) {
    // one side contributes two tokens (flip decides which): weigh both sides by their own tokens
    const q1 = qt[p.i] as NameToken;
    const c1 = ct[p.j] as NameToken;
    const wq = weight(q1);
    const wc = weight(c1);
    matchedQ += p.sim * wq;
    matchedC += p.sim * wc;
    weightQ += wq;
    weightC += wc;
  }
  const conflict = countUnmatched(mq) > 0 && countUnmatched(mc) > 0;
  // given name and family name both met ("Qasim al-Rimi" for Qasim Muhammad Mahdi al-Rimi): the usual short
  // form of a long Arabic name, so the missing father and grandfather names weigh little
  const frame = mq[0] === 1 && mq[qn - 1] === 1 && mc[0] === 1 && mc[cn - 1] === 1 && Math.min(qn, cn) >= 2;
  const totalQ = weightQ + unmatchedWeight(qt, mq, weight, conflict, frame);
  const totalC = weightC + unmatchedWeight(ct, mc, weight, conflict, frame);
  const qcov = totalQ > 0 ? Math.min(1, matchedQ / totalQ) : 0;
  const ccov = totalC > 0 ? Math.min(1, matchedC / totalC) : 0;
  // persons: a name wholly contained in the other (missing middle or family parts) is strong evidence;
  // organisations: an extra word often names a different subsidiary, so both sides weigh alike
  // and so is a name inside a longer one that leaves part of its surname block out ("Carlos Torres" in
  // "TORRES HOYOS, Carlos Mario": Spanish double surnames)
  // and a one-word name inside a longer one (the vessel "BAXTER" in "Lee Baxter") is weaker still: one
  // word of a longer name is met by chance far more often than a whole name
  const share =
    Math.min(qn, cn) === 1 && Math.max(qn, cn) > 1 && !givenCompound(qn === 1 ? qt[0] : ct[0])
      ? ONE_WORD_SHARE
      : q.kind === 'organisation' ||
          c.kind === 'organisation' ||
          surnameLeftOut(qt, mq) ||
          surnameLeftOut(ct, mc)
        ? 0.5
        : QUERY_SHARE;
  let score = share * Math.max(qcov, ccov) + (1 - share) * Math.min(qcov, ccov);

  const adjustments: NameAdjustment[] = [];
  chosen.sort((a, b) => a.i - b.i);
  // a reading rule that held a pair at 0.6 or refused it lowered the score through the coverage above: named
  // here (factor 1, the lowering being already in the pair's similarity)
  for (const p of chosen) {
    if (p.limit === undefined) continue;
    adjustments.push({
      reason: `${(qt[p.i] as NameToken).text} = ${(ct[p.j] as NameToken).text} held at ${p.sim.toFixed(2)}: ${p.limit}`,
      factor: 1,
    });
  }
  if (korean) {
    const met = koreanSpellings(qt, qk, ct, ck, chosen, joined.slice(koreanJoinedFrom, koreanJoinedTo));
    if (met !== '') adjustments.push({ reason: `Korean romanisation: ${met}`, factor: 1 });
  }
  for (const p of refused) {
    if (mq[p.i] === 1 || mc[p.j] === 1) continue;
    adjustments.push({
      reason: `${(qt[p.i] as NameToken).text} does not meet ${(ct[p.j] as NameToken).text}: ${p.limit}`,
      factor: 1,
    });
  }
  // words met in translation keep the order of their own language (Arabic puts the adjective after the
  // noun: الجماعة المقاتلة = Fighting Group), so they do not count as out of order
  const ordered = chosen.filter((p) => p.how !== 'translation');
  let inversions = 0;
  for (let a = 0; a < ordered.length; a++) {
    for (let b = a + 1; b < ordered.length; b++)
      if ((ordered[a]?.j ?? 0) > (ordered[b]?.j ?? 0)) inversions++;
  }
  const nasab = q.hasNasab && c.hasNasab;
  if (nasab) {
    const mismatched = chosen.filter((p) => qt[p.i]?.ancestor !== ct[p.j]?.ancestor).length;
    if (mismatched > 0) {
      const factor = ANCESTOR_MISMATCH ** mismatched;
      adjustments.push({
        reason: `${mismatched} name(s) change place in the nasab chain (person ↔ ancestor)`,
        factor,
      });
      score *= factor;
    }
  } else if (inversions > 0) {
    // order marks given name, father and family in an Arabic personal name; an organisation name in
    // translation reverses noun and adjective (الجماعة المقاتلة = Fighting Group)
    const organisation = q.kind === 'organisation' || c.kind === 'organisation';
    // "Hamraoui Kamel" for كمال بن المولدي بن حسن الحمراوي: a long name's family name written first, the rest in
    // order, is the list habit of putting the surname first, not a shift in the chain of names
    // (only where neither name marks its surname with a comma: there the order is known)
    const familyFirst =
      !ct.some((t) => t.family) &&
      !qt.some((t) => t.family) &&
      (surnameFirst(ordered, qn, cn) || surnameFirst(flipPairs(ordered), cn, qn));
    const arabic = (q.arabicStructure || c.arabicStructure) && !organisation && !familyFirst;
    const factor = (arabic ? INVERSION_ARABIC : INVERSION_OTHER) ** inversions;
    adjustments.push({
      reason: `${inversions} pair(s) out of order${arabic ? ' in an Arabic name, where order marks given name, father and family' : familyFirst ? ' (the family name written first)' : ''}`,
      factor,
    });
    score *= factor;
  }
  // Arabic names without bin/ibn are still ordered given name, father, grandfather, family (UN style):
  // a query whose given name is the list name's father is another person ("Saddam Hussein" vs "Uday Saddam Hussein")
  if (!nasab && (q.arabicStructure || c.arabicStructure) && qn >= 2 && cn >= 2) {
    const firstQ = chosen.find((p) => p.i === 0);
    const firstC = chosen.find((p) => p.j === 0);
    if ((firstQ && firstQ.j > 0 && !firstC) || (firstC && firstC.i > 0 && !firstQ)) {
      adjustments.push({
        reason: 'the given name of one is a father or grandfather name in the other',
        factor: SHIFTED_GIVEN_NAME,
      });
      score *= SHIFTED_GIVEN_NAME;
    }
  } else if (
    q.kind !== 'organisation' &&
    c.kind !== 'organisation' &&
    qn >= 2 &&
    cn >= 2 &&
    chosen.length + joined.length < 3 &&
    secondGivenOnly(chosen, qt, mq, ct, mc)
  ) {
    // other names: "Thomas Dixon" meets "DIXON, Ian Thomas" only through Ian's second given name; a person
    // is called by the first given name, so this is as often another person (who goes by a middle name is
    // the exception); when three words or more meet, the other words already say who it is (Boris de Pfeffel
    // Johnson)
    adjustments.push({
      reason: 'the given name of one is only a second given name of the other',
      factor: SECOND_GIVEN_NAME,
    });
    score *= SECOND_GIVEN_NAME;
  }
  // both names end in a family or tribal name (nisba) and the two differ: al-Tikriti is not al-Mosuli
  // (two family names met only by a weak guess differ as much: تهرانی is not Attaran; another number of a
  // series is no guess)
  const lastPair = chosen.find((p) => p.i === qn - 1 && p.j === cn - 1);
  const lastsDiffer =
    (mq[qn - 1] !== 1 && mc[cn - 1] !== 1) ||
    (lastPair !== undefined && lastPair.sim <= WEAK_GUESS && lastPair.how !== 'series');
  if (qn >= 2 && cn >= 2 && lastsDiffer) {
    adjustments.push({ reason: 'the family names differ', factor: FAMILY_CONFLICT });
    score *= FAMILY_CONFLICT;
  }
  // Mohammad Nawaz Sharif goes by Nawaz Sharif: after a first given name Muhammad the second given name is the
  // one a person is called by, so a name that meets the Muhammad and leaves that name out is any Muhammad;
  // persons only (one side known as a person, neither an organisation: Muhammad Ali Foundation is not a man),
  // and not the given + family short form or an Arabic chain name (muhammadOnly)
  if (
    (q.kind === 'person' || c.kind === 'person') &&
    q.kind !== 'organisation' &&
    c.kind !== 'organisation' &&
    (muhammadOnly(qt, mq, q.dropped, ct, chosen, false) || muhammadOnly(ct, mc, c.dropped, qt, chosen, true))
  ) {
    adjustments.push({
      reason: 'only the Muhammad of a given name Muhammad X is met, not the name X the person goes by',
      factor: SECOND_GIVEN_NAME,
    });
    score *= SECOND_GIVEN_NAME;
  }
  // "MUHAMMAD, Mahad Cise" for مهدیس محمد پارسا: the listed surname meets a middle name of the other, whose own
  // family name (its last word) meets nothing: the two family names differ
  if (surnameAsMiddle(chosen, ct, qt, mq, false) || surnameAsMiddle(chosen, qt, ct, mc, true)) {
    adjustments.push({
      reason: 'the listed surname is a middle name of the other, whose family name is not met',
      factor: FAMILY_CONFLICT,
    });
    score *= FAMILY_CONFLICT;
  }
  // "JON, Yong Sang": a Korean given name is two syllables written apart, one name; a name that meets the surname
  // and one of them, with nothing of its own left over, names another person (Jon Young; Kim Jong, the syllable
  // Kim Jong Il and Kim Jong Un share as brothers' generation name)
  if (
    q.kind !== 'organisation' &&
    c.kind !== 'organisation' &&
    !setAsideReading(q) &&
    !setAsideReading(c) &&
    ((cn === 3 && countUnmatched(mq) === 0 && koreanSyllableLeft(ct, mc, chosen, qt, true)) ||
      (qn === 3 && countUnmatched(mc) === 0 && koreanSyllableLeft(qt, mq, chosen, ct, false)))
  ) {
    adjustments.push({
      reason: 'one syllable of a Korean given name of two is met, the other left out',
      factor: SECOND_GIVEN_NAME,
    });
    score *= SECOND_GIVEN_NAME;
  }
  // علي آل حسين is Ali of the house of Husayn (آل, "family", written with a madda, is not the article ال): a family
  // name; the other name's Husayn written with no Al before it is a person's name, his father's, or another
  // family's (HUSAYN, 'Ali; علي صدام حسين)
  if (houseLeftOut(q, mq, chosen, c, false) || houseLeftOut(c, mc, chosen, q, true)) {
    adjustments.push({
      reason: 'a family name after آل (the house of) is met by a word the other name writes without Al',
      factor: FAMILY_CONFLICT,
    });
    score *= FAMILY_CONFLICT;
  }
  // محمد پور is the family name Mohammadpour: its first word met on its own is not the other's given name
  if (surnameTailLeft(qt, mq) || surnameTailLeft(ct, mc)) {
    adjustments.push({
      reason: 'a compound family name (Mohammadpour, Ahmadinejad) is met by its first word alone',
      factor: FAMILY_CONFLICT,
    });
    score *= FAMILY_CONFLICT;
  }
  // a "SURNAME, Given" name whose surname block the other name, of two words or more, never meets: the
  // shared words are given names (Christopher Vincent is not KINAHAN, Christopher Vincent)
  if (chosen.length > 0 && (surnameMissed(ct, mc, qn) || surnameMissed(qt, mq, cn))) {
    adjustments.push({ reason: 'the listed surname is not in the other name', factor: SURNAME_MISSED });
    score *= SURNAME_MISSED;
  }
  // "GONZALEZ CARDENAS, Jorge": of two surnames the first is the father's, the one a short form keeps; a name
  // that meets only the second (the mother's) while leaving the first out is as often someone else
  if (chosen.length > 0 && (paternalMissed(ct, mc) || paternalMissed(qt, mq))) {
    adjustments.push({
      reason: 'only the second of two surnames is in the other name',
      factor: PATERNAL_MISSED,
    });
    score *= PATERNAL_MISSED;
  }
  // "PEREZ OCAMPO, Santiago" for Santiago Perez: the father's surname alone is the usual short form, but one
  // shared by every Santiago Perez; it counts a little against, less than the mother's surname alone
  if (chosen.length > 0 && (maternalMissed(ct, mc) || maternalMissed(qt, mq))) {
    adjustments.push({
      reason: 'only the first of two surnames is in the other name',
      factor: MATERNAL_MISSED,
    });
    score *= MATERNAL_MISSED;
  }
  // "Abdul X" met a bare "X" while the bare name has a word the other lacks: Abdul took the place of another
  // name (Akhtar Mohammad Mansour Abdul Mohammed is not … Shah Mohammed), not merely added to it
  const abdSides = chosen.filter((p) => p.how === 'abd-dropped');
  if (
    abdSides.some((p) =>
      (qt[p.i] as NameToken).key.startsWith('bd') ? countUnmatched(mc) > 0 : countUnmatched(mq) > 0,
    )
  ) {
    adjustments.push({ reason: 'Abd- stands where the other name has another name', factor: ABD_REPLACES });
    score *= ABD_REPLACES;
  }
  // both name a father (after bin/ibn) and the fathers differ: Noureddine ben Ali is not Noureddine ben Mohamed
  if (nasab && qt.some((t, i) => t.ancestor && mq[i] !== 1) && ct.some((t, j) => t.ancestor && mc[j] !== 1)) {
    adjustments.push({ reason: 'the fathers named after bin/ibn differ', factor: ANCESTOR_CONFLICT });
    score *= ANCESTOR_CONFLICT;
  }
  // built from an empty literal, not by chosen.map: an array made by map (holey) or by an empty literal and push
  // (packed) have different shapes, and the explanation's optimised code is thrown back to the interpreter by
  // every array of the shape it has not seen
  const pairs: TokenPair[] = [];
  for (const p of chosen)
    pairs.push({ query: qt[p.i] as NameToken, candidate: ct[p.j] as NameToken, sim: p.sim, how: p.how });
  // joined tokens explain themselves too: "blackrock" met "black rock"
  for (const p of joined) {
    pairs.push({
      query: p.multiQ ? mergeTokens(qt, p.i, p.j2) : (qt[p.i] as NameToken),
      candidate: p.multiQ ? (ct[p.j] as NameToken) : mergeTokens(ct, p.j, p.j2),
      sim: p.sim,
      how: p.how,
    });
  }
  pairs.sort((a, b) => a.query.start - b.query.start);
  return {
    score: Math.min(1, Math.max(0, score)),
    pairs,
    unmatchedQuery: qt.filter((_, i) => mq[i] !== 1),
    unmatchedCandidate: ct.filter((_, j) => mc[j] !== 1),
    adjustments,
  };
}
