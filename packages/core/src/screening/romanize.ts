/**
 * Romanisation of the alphabets other than Arabic and Latin that list names and queries come in: Greek,
 * Armenian and Georgian (Cyrillic has its table in phonetic-key.ts). Each is a small letter table after the
 * national or BGN/PCGN romanisations, ICU-free so that the pure core can use it. Only the spelling matters
 * here: the romanised token is keyed and compared as a Latin one (Բարակ Օբամա = ბარაკ ობამა = Barack Obama).
 */

/** Greek (lower case, accents already stripped by normalisation), ELOT 743-like. */
const GREEK: Readonly<Record<string, string>> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

/**
 * Greek letter pairs read as one sound: ου = ou, γγ/γκ = ng (g after a consonant), αυ/ευ = av/ev, and
 * μπ = b (mp at the end), ντ = d, which is how
 * Greek writes the b and d of foreign names (Μπαράκ Ομπάμα = Barack Obama), the names screening meets most.
 */
const GREEK_PAIRS: readonly [RegExp, string][] = [
  [/ου/g, 'ou'],
  [/μπ$/, 'mp'], // Τραμπ = Trump
  [/μπ/g, 'b'],
  [/ντ/g, 'd'],
  [/γγ|(?<=[αεηιουω])γκ/g, 'ng'],
  [/γκ/g, 'g'], // at the start or after a consonant: Σεργκέι = Sergei
  [/αυ/g, 'av'],
  [/ευ/g, 'ev'],
];

/** Armenian (lower case), after the BGN/PCGN romanisation. */
const ARMENIAN: Readonly<Record<string, string>> = {
  ա: 'a',
  բ: 'b',
  գ: 'g',
  դ: 'd',
  ե: 'e',
  զ: 'z',
  է: 'e',
  ը: 'e',
  թ: 't',
  ժ: 'zh',
  ի: 'i',
  լ: 'l',
  խ: 'kh',
  ծ: 'ts',
  կ: 'k',
  հ: 'h',
  ձ: 'dz',
  ղ: 'gh',
  ճ: 'ch',
  մ: 'm',
  յ: 'y',
  ն: 'n',
  շ: 'sh',
  ո: 'o',
  չ: 'ch',
  պ: 'p',
  ջ: 'j',
  ռ: 'r',
  ս: 's',
  վ: 'v',
  տ: 't',
  ր: 'r',
  ց: 'ts',
  ւ: 'v',
  փ: 'p',
  ք: 'k',
  օ: 'o',
  ֆ: 'f',
  և: 'ev',
};

/** Georgian Mkhedruli, after the national romanisation (2002) with ejectives written as plain letters. */
const GEORGIAN: Readonly<Record<string, string>> = {
  ა: 'a',
  ბ: 'b',
  გ: 'g',
  დ: 'd',
  ე: 'e',
  ვ: 'v',
  ზ: 'z',
  თ: 't',
  ი: 'i',
  კ: 'k',
  ლ: 'l',
  მ: 'm',
  ნ: 'n',
  ო: 'o',
  პ: 'p',
  ჟ: 'zh',
  რ: 'r',
  ს: 's',
  ტ: 't',
  უ: 'u',
  ფ: 'p',
  ქ: 'k',
  ღ: 'gh',
  ყ: 'q',
  შ: 'sh',
  ჩ: 'ch',
  ც: 'ts',
  ძ: 'dz',
  წ: 'ts',
  ჭ: 'ch',
  ხ: 'kh',
  ჯ: 'j',
  ჰ: 'h',
};

export const TABLE_SCRIPTS = ['greek', 'armenian', 'georgian'] as const;
/** An alphabet romanised here by a letter table. */
export type TableScript = (typeof TABLE_SCRIPTS)[number];

const GREEK_RANGE = /[\u0370-\u03ff\u1f00-\u1fff]/u;
const ARMENIAN_RANGE = /[\u0530-\u058f]/u;
const GEORGIAN_RANGE = /[\u10a0-\u10ff\u1c90-\u1cbf]/u;

/** The table script a letter belongs to, undefined for any other. */
export function tableScriptOf(letter: string): TableScript | undefined {
  if (GREEK_RANGE.test(letter)) return 'greek';
  if (ARMENIAN_RANGE.test(letter)) return 'armenian';
  if (GEORGIAN_RANGE.test(letter)) return 'georgian';
  return undefined;
}

/** Romanises a normalised token of a table script; letters outside the table pass through. */
export function romanizeTable(token: string, script: TableScript): string {
  let s = token;
  let table: Readonly<Record<string, string>>;
  if (script === 'greek') {
    for (const [re, to] of GREEK_PAIRS) s = s.replace(re, to);
    table = GREEK;
  } else if (script === 'armenian') {
    s = s.replace(/ու/g, 'u'); // the digraph ու is the vowel u
    table = ARMENIAN;
  } else table = GEORGIAN;
  let out = '';
  for (const c of s) out += table[c] ?? c;
  return out;
}
