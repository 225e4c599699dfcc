/**
 * Korean names in Latin letters come in two published romanisations and many private spellings. The older
 * McCune–Reischauer system (1939, used by North Korea in a variant, and so by the UN and OFAC DPRK entries: Kim
 * Chong Il, Pak Il Kyu, Ch'oe Ryong Hae) writes the plain stops k, t, p, ch, marks the aspirated ones with an
 * apostrophe (k', t', p', ch') and the vowels ŏ and ŭ with a breve (Kyŏng, Kŭm), both mostly dropped in lists
 * (Kyong, Kum, Choe). The Revised Romanization of South Korea (2000: Kim Jeong-il, Bak Il-gyu, Choe Ryong-hae)
 * writes the plain stops g, d, b, j and the aspirated k, t, p, ch, and the vowels eo and eu. Beside both, people
 * write their names as they like (Jong-un, Jongun, Kyung, Young, Choi, Lee, Park).
 *
 * A word made of Korean syllables gets a reading in which those spell alike: the initials k/g/kk, t/d/tt/th,
 * p/b/pp/ph, ch/j/jj/tch, s/ss/sh and r/l are one class each (the apostrophe that told the plain from the
 * aspirated stop is gone, so the two cannot be told apart); ŏ/eo/o, ŭ/eu/u, ae/ai/e, oe/oi/we/wae, i/ee and
 * u/oo are one vowel each, and the private ou (Young, Kyoung) and u before ng (Sung, Kyung) stand for ŏ. Surnames
 * have their own fixed spellings (Lee = Yi = Ri, Park = Pak = Bak, Choi = Choe, Oh = O), read through a table.
 */

/** Initials of Korean syllables in either system and the usual private spellings, longest first, with their class. */
const INITIALS: readonly [string, string][] = [
  ['tch', 'c'],
  ['jj', 'c'],
  ['ch', 'c'],
  ['kk', 'k'],
  ['kh', 'k'],
  ['tt', 't'],
  ['th', 't'],
  ['pp', 'p'],
  ['ph', 'p'],
  ['ss', 's'],
  ['sh', 's'],
  ['k', 'k'],
  ['g', 'k'],
  ['t', 't'],
  ['d', 't'],
  ['p', 'p'],
  ['b', 'p'],
  ['j', 'c'],
  ['s', 's'],
  ['r', 'r'],
  ['l', 'r'],
  ['n', 'n'],
  ['m', 'm'],
  ['h', 'h'],
  ['', ''],
];

/** Vowels, glide included, longest first, with their class in the reading. */
const VOWELS: readonly [string, string][] = [
  ['yeo', 'yo'],
  ['woo', 'u'],
  ['yae', 'ye'],
  ['yoo', 'yu'],
  ['you', 'yo'],
  ['wae', 'oe'],
  ['weo', 'wo'],
  ['eui', 'ui'],
  ['ae', 'e'],
  ['ai', 'e'],
  ['eo', 'o'],
  ['eu', 'u'],
  ['oe', 'oe'],
  ['oi', 'oe'],
  ['ui', 'ui'],
  ['oo', 'u'],
  ['ou', 'o'],
  ['ee', 'i'],
  ['ya', 'ya'],
  ['ye', 'ye'],
  ['yo', 'yo'],
  ['yu', 'yu'],
  ['wa', 'wa'],
  ['wo', 'wo'],
  ['we', 'oe'],
  ['wi', 'wi'],
  ['a', 'a'],
  ['e', 'e'],
  ['i', 'i'],
  ['o', 'o'],
  ['u', 'u'],
];

/** Final consonants, longest first (none last), with their class: the same in both systems. */
const FINALS: readonly [string, string][] = [
  ['ng', 'ng'],
  ['k', 'k'],
  ['n', 'n'],
  ['l', 'l'],
  ['m', 'm'],
  ['p', 'p'],
  ['t', 't'],
  ['', ''],
];

/**
 * Readings of the syllables that spell `s` from `at` on, each closed by '.', or undefined when no split exists. A
 * syllable beginning with a plain vowel never follows one with no final inside a word (wei and Paul are no two
 * syllables; Suyong, Chaewon are).
 */
function readFrom(s: string, at: number, depth: number, open: boolean): string | undefined {
  if (at === s.length) return '';
  if (depth === 0) return undefined;
  for (const [ini, ic] of INITIALS) {
    if (!s.startsWith(ini, at)) continue;
    const v0 = at + ini.length;
    for (const [vow, vc] of VOWELS) {
      if (!s.startsWith(vow, v0) || (open && ini === '' && vow[0] !== 'y' && vow[0] !== 'w')) continue;
      const f0 = v0 + vow.length;
      for (const [fin, fc] of FINALS) {
        if (!s.startsWith(fin, f0)) continue;
        const rest = readFrom(s, f0 + fin.length, depth - 1, fin === '');
        if (rest === undefined) continue;
        // the private u for ŏ before ng, and yu for yŏ before n or ng (Sung, Jung, Kyung, Hyun): ŏ
        const vowel =
          vow === 'u' && fc === 'ng' ? 'o' : vow === 'yu' && (fc === 'n' || fc === 'ng') ? 'yo' : vc;
        return `${ic}${vowel}${fc}.${rest}`;
      }
    }
  }
  return undefined;
}

/**
 * The reading of a Latin word as one or two Korean syllables in any romanisation, undefined when it cannot be
 * split into such syllables (Chong, Jeong and Jong → "cong."; Jongun → "cong.un."; Wei, John → undefined).
 */
export function koreanReading(token: string, syllables = 2): string | undefined {
  if (token.length > 10 || !/^[a-z]+$/.test(token)) return undefined;
  return readFrom(token, 0, syllables, false);
}

/** The surnames, each spelling with the one read for it: private and South Korean forms of the same name. */
const SURNAMES: ReadonlyMap<string, string> = new Map(
  [
    'kim gim',
    'ri lee yi rhee i li rhie',
    'pak park bak bahk',
    'paek paik baek baik',
    'choe choi chwe',
    'jong jeong chong chung jung',
    'jon jeon chon chun jun',
    'kang gang',
    'cho jo',
    'yun yoon',
    'jang chang',
    'rim lim im',
    'han',
    'o oh',
    'so seo suh',
    'sin shin',
    'sim shim',
    'kwon gwon',
    'hwang',
    'an ahn',
    'song',
    'ryu',
    'yu yoo',
    'hong',
    'ko go koh',
    'mun moon',
    'yang',
    'son sohn',
    'pae bae',
    'ho heo hur huh',
    'nam',
    'ro roh noh no rho',
    'kwak gwak',
    'cha',
    'ju joo chu',
    'kil gil',
    'min',
    'thae tae',
    'hyon hyun hyeon',
    'chae',
    'won',
    'pang bang',
    'kong gong',
    'ryom yom yeom',
    'kye gye',
    'pyon byun byeon',
    'sok seok',
    'ku koo gu',
    'ha',
    'u woo',
    'jin chin',
    'tak',
    'ma',
    'ra na',
    'yon yeon',
  ].flatMap((line) => {
    const words = line.split(' ');
    const head = words[0] as string;
    return words.map((w): [string, string] => {
      const [spelling, read] = w.split(':') as [string, string | undefined];
      return [spelling, read ?? head];
    });
  }),
);

/** True when a Latin word is a Korean surname in one of its spellings. */
export function isKoreanSurname(token: string): boolean {
  return SURNAMES.has(token);
}

/** A person's name read as Korean: its words' readings, in name order, and which word is the surname. */
export interface KoreanName {
  readonly readings: readonly string[];
  readonly surname: number;
}

/**
 * Reads the words of a person's name as Korean syllables (a surname, one syllable, first, last or marked as the
 * surname block, and given names of one or two syllables each: two to four words in all); undefined when the name is
 * not shaped so. `familyAt` is the index of the one word marked as the surname, -1 when none is.
 */
export function koreanName(latin: readonly string[], familyAt: number): KoreanName | undefined {
  const n = latin.length;
  if (n < 2 || n > 4) return undefined;
  const at =
    familyAt >= 0
      ? familyAt
      : SURNAMES.has(latin[0] as string)
        ? 0
        : SURNAMES.has(latin[n - 1] as string)
          ? n - 1
          : -1;
  if (at < 0) return undefined;
  const surname = SURNAMES.get(latin[at] as string);
  if (surname === undefined) return undefined;
  const readings: string[] = [];
  for (let k = 0; k < n; k++) {
    const r = koreanReading(k === at ? surname : (latin[k] as string), k === at ? 1 : 2);
    if (r === undefined) return undefined;
    readings.push(r);
  }
  return { readings, surname: at };
}

/**
 * Keys under which a word of a Korean-shaped name is indexed and looked up: its reading, and each syllable's when it
 * has two (Jongun is found under "cong.un.", "cong." and "un.", so that Jong Un finds it and it finds Jong Un).
 * Readings hold a '.', which no other key does.
 */
export function koreanKeys(name: KoreanName | undefined, pos: number): readonly string[] {
  const r = name?.readings[pos];
  if (r === undefined) return NO_KEYS;
  const cut = r.indexOf('.');
  return cut === r.length - 1 ? [r] : [r, r.slice(0, cut + 1), r.slice(cut + 1)];
}
const NO_KEYS: readonly string[] = [];
