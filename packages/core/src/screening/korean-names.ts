/**
 * Korean names in Latin letters, for the rules that must know a Korean name from an Arabic or an English one: the
 * given-syllable rule (name-score.ts) and the reading of Il as a syllable rather than the Arabic article
 * (name-parse.ts). Korean personal names are a one-syllable surname and, mostly, a two-syllable given name; the
 * lists romanise them in McCune-Reischauer-like spellings (Chong, Kyong, Pak), customers and news in the Revised
 * Romanization (Jeong, Gyeong, Bak) or in the usual English spellings (Chung, Park, Lee).
 */

/** Korean surnames in the romanisations lists use (McCune-Reischauer, Revised, and the usual English spellings). */
export const KOREAN_SURNAMES: ReadonlySet<string> = new Set(
  [
    'kim gim ri rhee lee yi pak park bak choe choi chwe jong jeong chong chung kang gang jo cho yun yoon',
    'jang chang rim lim im han oh so seo suh sin shin kwon gwon hwang ahn song ryu yu yoo hong jon jeon',
    'chon chun ko go mun moon yang son pae bae paek baek ho heo nam sim shim ro roh noh kwak gwak cha ju',
    'chu kil gil min thae hyon hyun chae won pang bang kong gong ryom yom yeom kye pyon byun sok seok ku',
    'koo ha o an woo jin tak ma',
  ]
    .join(' ')
    .split(' '),
);

/**
 * One Korean syllable in Latin letters: an initial consonant, a y or w glide, a vowel, a final k, n, l, m, p, t or ng
 * (Yong, Sang, Hyok, Kwang, Thae, Eun, Hyeon). Most English given names do not fit (John, Paul, Young).
 */
export const KOREAN_SYLLABLE =
  /^(?:kk|tt|pp|ss|jj|tch|ch|th|ph|kh|[gkndtrlmbpsjh])?[yw]?(?:ae|eo|eu|oe|ui|oo|ee|[aeiou])(?:ng|[knlmpt])?$/;
