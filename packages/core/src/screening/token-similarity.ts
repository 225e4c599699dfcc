/**
 * Compares two name tokens and says how they met: the same spelling, a transliteration of each other
 * (same key across scripts), a spelling variant (same key, both Latin), a near spelling, or an initial.
 */
import type { NameToken } from './name-parse.ts';
import { looseKey } from './phonetic-key.ts';
import { jaroWinkler, levenshtein } from './string-distance.ts';

export const MATCH_HOWS = [
  'exact',
  'transliteration',
  'spelling-variant',
  'fuzzy',
  'initial',
  'prefix',
  'alias-table',
] as const;
/** How a query token met a list token; shown in every explanation. */
export type MatchHow = (typeof MATCH_HOWS)[number];

export interface TokenSimilarity {
  readonly sim: number;
  readonly how: MatchHow;
}

const NONE: TokenSimilarity = { sim: 0, how: 'fuzzy' };

/** Similarity of two tokens in [0,1]; 0 means they do not correspond. */
export function tokenSimilarity(q: NameToken, c: NameToken): TokenSimilarity {
  if (q.text === c.text) return { sim: 1, how: 'exact' };
  const bothLatin = q.latin.length > 0 && c.latin.length > 0;
  if (q.role === 'initial' || c.role === 'initial') {
    if (!bothLatin) return NONE;
    const [ini, full] = q.role === 'initial' ? [q.latin, c.latin] : [c.latin, q.latin];
    if (full.length > 1 && full.startsWith(ini)) return { sim: 0.75, how: 'initial' };
    return NONE;
  }
  let best = NONE;
  const keyLen = Math.min(q.key.length, c.key.length);
  const altEqual =
    (q.alt.length > 0 && (q.alt === c.key || q.alt === c.alt)) || (c.alt.length > 0 && c.alt === q.key);
  if ((q.key === c.key && q.key.length > 0) || altEqual) {
    const base = q.key === c.key ? 0.95 : 0.9;
    if (!bothLatin) return { sim: base, how: 'transliteration' };
    const jw = jaroWinkler(q.latin, c.latin);
    best = { sim: jw >= 0.8 ? base : jw >= 0.7 ? 0.85 : 0.7, how: 'spelling-variant' };
  } else if (!bothLatin && q.key.length > 0 && c.key.length > 0 && looseKey(q.key) === looseKey(c.key)) {
    best = { sim: 0.88, how: 'transliteration' };
  } else if (keyLen >= 3 && !bothLatin) {
    // across scripts the key is all there is to compare; between two Latin spellings the surface decides
    const d = levenshtein(q.key, c.key, 2);
    if (d === 1) best = { sim: bothLatin ? 0.8 : 0.82, how: bothLatin ? 'fuzzy' : 'transliteration' };
    else if (d === 2 && keyLen >= 5) best = { sim: 0.7, how: bothLatin ? 'fuzzy' : 'transliteration' };
  }
  if (bothLatin) {
    const maxLen = Math.max(q.latin.length, c.latin.length);
    if (maxLen >= 4) {
      const d = levenshtein(q.latin, c.latin, Math.floor(maxLen * 0.25));
      const ratio = 1 - d / maxLen;
      if (ratio >= 0.75 && ratio * 0.95 > best.sim) best = { sim: ratio * 0.95, how: 'fuzzy' };
    }
    if (best.sim === 0) {
      const [short, long] = q.latin.length <= c.latin.length ? [q.latin, c.latin] : [c.latin, q.latin];
      if (short.length >= 3 && long.startsWith(short)) best = { sim: 0.6, how: 'prefix' };
    }
  }
  return best;
}
