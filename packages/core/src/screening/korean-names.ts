/**
 * Korean names in Latin letters, for the rules that must know a Korean name from an Arabic or an English one: the
 * given-syllable rule (name-score.ts) and the reading of Il as a syllable rather than the Arabic article
 * (name-parse.ts). Korean personal names are a one-syllable surname and, mostly, a two-syllable given name; the
 * lists romanise them in McCune-Reischauer-like spellings (Chong, Kyong, Pak), customers and news in the Revised
 * Romanization (Jeong, Gyeong, Bak) or in the usual English spellings (Chung, Park, Lee).
 */

import { isKoreanSurname } from './korean-syllables.ts';

/**
 * Spellings of the surname table (korean-syllables.ts) that name other things as often: the Burmese honorific U,
 * the Chinese Li and I, and short words of other languages (Na, No, Ra, Chin).
 */
const SHARED_WITH_OTHER_CUSTOMS: ReadonlySet<string> = new Set(['u', 'i', 'li', 'na', 'no', 'ra', 'chin']);

/** A Korean surname in a spelling that is not also another custom's name or word (Kim, Pak, Ri, Choe …). */
export function isKoreanFamilyName(word: string): boolean {
  return isKoreanSurname(word) && !SHARED_WITH_OTHER_CUSTOMS.has(word);
}

/**
 * One Korean syllable in Latin letters: an initial consonant, a y or w glide, a vowel, a final k, n, l, m, p, t or ng
 * (Yong, Sang, Hyok, Kwang, Thae, Eun, Hyeon). Most English given names do not fit (John, Paul, Young).
 */
export const KOREAN_SYLLABLE =
  /^(?:kk|tt|pp|ss|jj|tch|ch|th|ph|kh|[gkndtrlmbpsjh])?[yw]?(?:ae|eo|eu|oe|ui|oo|ee|[aeiou])(?:ng|[knlmpt])?$/;
