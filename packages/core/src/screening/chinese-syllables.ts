/**
 * Chinese names in Latin letters come in two romanisations: Hanyu Pinyin (Xi Jinping, Mao Zedong) and the
 * older Wade-Giles (Hsi Chin-p'ing, Mao Tse-tung), usually written without its aspiration apostrophes. A token
 * made wholly of Chinese syllables gets a reading in which both spell the same: Wade-Giles hs = x, ts/tz = z,
 * ch = j/zh, -ung = -ong, -ih = -i, -ieh = -ie; and because the apostrophe that told aspirated from plain
 * consonants is mostly dropped, p/b, t/d, k/g, ch/j/q/zh and ts/z/c are one class each.
 */

/** Initials of pinyin and Wade-Giles syllables, longest first, with their class in the reading. */
const INITIALS: readonly [string, string][] = [
  ['zh', 'j'],
  ['ch', 'j'],
  ['sh', 'sh'],
  ['hs', 'x'],
  ['ts', 'z'],
  ['tz', 'z'],
  ['ss', 's'],
  ['sz', 's'],
  ['b', 'b'],
  ['p', 'b'],
  ['m', 'm'],
  ['f', 'f'],
  ['d', 'd'],
  ['t', 'd'],
  ['n', 'n'],
  ['l', 'l'],
  ['g', 'g'],
  ['k', 'g'],
  ['h', 'h'],
  ['j', 'j'],
  ['q', 'j'],
  ['x', 'x'],
  ['r', 'r'],
  ['z', 'z'],
  ['c', 'z'],
  ['s', 's'],
  ['y', 'y'],
  ['w', 'w'],
  ['', ''],
];

/** Finals of pinyin and Wade-Giles syllables, with the pinyin form of the Wade-Giles ones. */
const FINALS: ReadonlyMap<string, string> = new Map([
  ['iang', 'iang'],
  ['iong', 'iong'],
  ['iung', 'iong'],
  ['uang', 'uang'],
  ['ueng', 'ueng'],
  ['ieh', 'ie'],
  ['ian', 'ian'],
  ['iao', 'iao'],
  ['ing', 'ing'],
  ['ang', 'ang'],
  ['eng', 'eng'],
  ['ong', 'ong'],
  ['ung', 'ong'],
  ['uai', 'uai'],
  ['uan', 'uan'],
  ['uei', 'ui'],
  ['ueh', 'ue'],
  ['erh', 'er'],
  ['ai', 'ai'],
  ['ei', 'ei'],
  ['ao', 'ao'],
  ['ou', 'ou'],
  ['an', 'an'],
  ['en', 'en'],
  ['er', 'er'],
  ['ia', 'ia'],
  ['ie', 'ie'],
  ['iu', 'iu'],
  ['in', 'in'],
  ['ua', 'ua'],
  ['uo', 'uo'],
  ['ui', 'ui'],
  ['un', 'un'],
  ['ue', 'ue'],
  ['ih', 'i'],
  ['a', 'a'],
  ['o', 'o'],
  ['e', 'e'],
  ['i', 'i'],
  ['u', 'u'],
]);
const MAX_FINAL = 4;

/** Readings of the syllables that spell `s` from `at` on, or undefined when no split into syllables exists. */
function readFrom(s: string, at: number, depth: number): string | undefined {
  if (at === s.length) return '';
  if (depth === 0) return undefined;
  for (const [ini, cls] of INITIALS) {
    if (!s.startsWith(ini, at)) continue;
    const from = at + ini.length;
    for (let len = Math.min(MAX_FINAL, s.length - from); len >= 1; len--) {
      const fin = FINALS.get(s.slice(from, from + len));
      if (fin === undefined) continue;
      const rest = readFrom(s, from + len, depth - 1);
      if (rest !== undefined) return `${cls}${fin}${rest}`;
    }
  }
  return undefined;
}

/**
 * The reading of a Latin token as one to three Chinese syllables in either romanisation, undefined when the
 * token cannot be split into such syllables (Hsi → xi, Chin → jin, Tse-tung's tung → dong; Obama → undefined).
 */
export function chineseReading(token: string): string | undefined {
  if (token.length > 14 || !/^[a-z]+$/.test(token)) return undefined;
  return readFrom(token, 0, 3);
}

/**
 * Spellings only Wade-Giles has (hs-, ts-/tz-, ss-/sz-, -ung, -ih, -ieh, -ueh, -erh, -uei): the mark that one
 * name of a pair is in the older romanisation, so that the looser reading is worth using.
 */
const WADE_GILES = /^(?:hs|ts|tz|ss|sz)|(?:ung|ih|ieh|ueh|erh|uei)$/;

/** True when a token is a Chinese syllable spelled the Wade-Giles way (Hsi, Tse, Tung). */
export function isWadeGiles(token: string): boolean {
  return WADE_GILES.test(token) && chineseReading(token) !== undefined;
}
