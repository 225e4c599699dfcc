/**
 * Scores one query name against one list name: a one-to-one token alignment that allows order changes and
 * missing middle names, weighs rare tokens above common ones, and knows that in an Arabic nasab chain the
 * name after "bin" is an ancestor's ("Salman bin Muhammad" is not "Muhammad bin Salman").
 */
import type { NameToken, ParsedName } from './name-parse.ts';
import { type MatchHow, tokenSimilarity } from './token-similarity.ts';

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
/** Share of query coverage in the score: a list name that holds every query token is strong evidence. */
const QUERY_SHARE = 0.6;
/** Per crossed pair, where token order carries meaning (Arabic naming) and elsewhere. */
const INVERSION_ARABIC = 0.85;
const INVERSION_OTHER = 0.97;
/** Per aligned pair where one side names the person and the other an ancestor (after bin/ibn). */
const ANCESTOR_MISMATCH = 0.7;

function unmatchedWeight(tokens: readonly NameToken[], matched: Uint8Array, weight: TokenWeight): number {
  let total = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (matched[i] === 1) continue;
    const t = tokens[i] as NameToken;
    const middle = i > 0 && i < tokens.length - 1;
    total += weight(t) * (middle || t.role === 'initial' ? MIDDLE_DISCOUNT : 1);
  }
  return total;
}

/**
 * Aligns and scores two parsed names.
 * @param weight token weights; use the index's IDF weights when screening, uniform weights otherwise
 */
export function scoreNames(q: ParsedName, c: ParsedName, weight: TokenWeight = uniformWeight): NameScore {
  const qt = q.tokens;
  const ct = c.tokens;
  if (qt.length === 0 || ct.length === 0) {
    return { score: 0, pairs: [], unmatchedQuery: qt, unmatchedCandidate: ct, adjustments: [] };
  }
  const cands: { i: number; j: number; sim: number; how: MatchHow }[] = [];
  for (let i = 0; i < qt.length; i++) {
    for (let j = 0; j < ct.length; j++) {
      const s = tokenSimilarity(qt[i] as NameToken, ct[j] as NameToken);
      if (s.sim > 0) cands.push({ i, j, sim: s.sim, how: s.how });
    }
  }
  // greedy one-to-one assignment: best pairs first, then the pair closest in relative position
  const qn = qt.length;
  const cn = ct.length;
  cands.sort((a, b) => b.sim - a.sim || Math.abs(a.i / qn - a.j / cn) - Math.abs(b.i / qn - b.j / cn));
  const mq = new Uint8Array(qn);
  const mc = new Uint8Array(cn);
  const chosen: { i: number; j: number; sim: number; how: MatchHow }[] = [];
  for (const p of cands) {
    if (mq[p.i] === 1 || mc[p.j] === 1) continue;
    mq[p.i] = 1;
    mc[p.j] = 1;
    chosen.push(p);
  }
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
  const totalQ = weightQ + unmatchedWeight(qt, mq, weight);
  const totalC = weightC + unmatchedWeight(ct, mc, weight);
  const qcov = totalQ > 0 ? matchedQ / totalQ : 0;
  const ccov = totalC > 0 ? matchedC / totalC : 0;
  let score = QUERY_SHARE * qcov + (1 - QUERY_SHARE) * ccov;

  const adjustments: NameAdjustment[] = [];
  chosen.sort((a, b) => a.i - b.i);
  let inversions = 0;
  for (let a = 0; a < chosen.length; a++) {
    for (let b = a + 1; b < chosen.length; b++) if ((chosen[a]?.j ?? 0) > (chosen[b]?.j ?? 0)) inversions++;
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
    const arabic = q.arabicStructure || c.arabicStructure;
    const factor = (arabic ? INVERSION_ARABIC : INVERSION_OTHER) ** inversions;
    adjustments.push({
      reason: `${inversions} pair(s) out of order${arabic ? ' in an Arabic name, where order marks given name, father and family' : ''}`,
      factor,
    });
    score *= factor;
  }
  const pairs: TokenPair[] = chosen.map((p) => ({
    query: qt[p.i] as NameToken,
    candidate: ct[p.j] as NameToken,
    sim: p.sim,
    how: p.how,
  }));
  return {
    score: Math.min(1, Math.max(0, score)),
    pairs,
    unmatchedQuery: qt.filter((_, i) => mq[i] !== 1),
    unmatchedCandidate: ct.filter((_, j) => mc[j] !== 1),
    adjustments,
  };
}
