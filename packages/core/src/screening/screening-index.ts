/**
 * The candidate index: every list name is parsed once, its token keys go into an inverted index, and a
 * deletion neighbourhood of the keys finds near spellings. A query touches only the names that share a key
 * (or a key one edit away) with it, never every entry.
 */
import { type QueryAttributes, scoreAttributes } from './attribute-score.ts';
import { CURATED_ALIASES, type CuratedAliasGroup } from './curated-aliases.ts';
import { buildExplanation, type MatchExplanation, round3 } from './explanation.ts';
import { koreanKeys } from './korean-syllables.ts';
import type { EntityKind, ListEntry, ListName, NameType } from './list-entry.ts';
import { type NameKind, type NameToken, type ParsedName, parseName } from './name-parse.ts';
import { isCompoundTail, type NameScore, scoreNames, type TokenWeight } from './name-score.ts';
import { nameVariants } from './name-variants.ts';
import { collapseKey, latinKey, looseKey } from './phonetic-key.ts';
import { type TokenSimilarity, tokenSimilarity } from './token-similarity.ts';

/** The threshold `screen` uses and every reported figure is measured at. */
export const DEFAULT_THRESHOLD = 0.8;
export const DEFAULT_LIMIT = 10;
/** Weak aliases (UN "Low", OFAC "weak aka") are nicknames many people share. */
const WEAK_ALIAS_FACTOR = 0.9;
const MIN_FUZZY_KEY = 4;
/** Retrieval bound: the least weight an unmatched token can carry, and the largest query share in the score. */
const BOUND_DISCOUNT = 0.5;
/**
 * The scorer counts the middle words either side lacks at a quarter of their weight when both names' first and last
 * words met (name-score.ts FRAME_MIDDLE_DISCOUNT): the bound allows it for a list name whose first and last words a
 * lookup reached.
 */
const FRAME_BOUND_DISCOUNT = 0.25;
const QUERY_SHARE_BOUND = 0.6;

export interface IndexedName {
  readonly entry: number;
  readonly name: ListName;
  readonly parsed: ParsedName;
  readonly aliasGroup?: string | undefined;
}

/**
 * The names holding a token with one key (or alternative or loose key), in name id order: parallel arrays, so
 * that a query walks them without looking anything else up.
 */
export interface Posting {
  readonly key: string;
  readonly ids: Int32Array;
  /** The token's position within its name. */
  readonly positions: Uint8Array;
  /** The token's weight (what the retrieval bound adds up for the name's side). */
  readonly weights: Float64Array;
}

export interface ScreeningIndex {
  readonly entries: readonly ListEntry[];
  readonly names: readonly IndexedName[];
  readonly weight: TokenWeight;
  /** key → the names holding a token with that key (or alternative or loose key). */
  readonly postings: ReadonlyMap<string, Posting>;
  /** key with one character deleted (or the key itself) → postings of the vocabulary's keys. */
  readonly neighbours: ReadonlyMap<string, readonly Posting[]>;
  /** Per name: sum of its token weights (for the retrieval bound). */
  readonly nameWeights: Float64Array;
  /**
   * Per name: the weight of its words no posting holds (words without a key such as "Oo", words past the 256th),
   * which no lookup credits but scoring may meet: the retrieval bound counts them as met. Not its initials: a
   * list initial met by a query's word is left to the bound's discount, as before.
   */
  readonly nameUnposted: Float64Array;
  /**
   * Per name: bit 1 when its first word, bit 2 when its last word is posted under no key (an initial, a word
   * without a key, a name of more than 32 words): no lookup says whether a query word met it, so the retrieval
   * bound's frame (first and last words met) counts it as possibly met.
   */
  readonly nameOpenEdges: Uint8Array;
}

export interface BuildIndexOptions {
  /** Curated aliases to attach (default: raqib's table). Pass [] for none. */
  readonly aliasTable?: readonly CuratedAliasGroup[] | undefined;
  /** Name types left out of the index (the evaluation removes 'original-script' to test transliteration alone). */
  readonly excludeNameTypes?: readonly NameType[] | undefined;
}

export function nameKindOf(kind: EntityKind): NameKind {
  return kind === 'person' ? 'person' : 'organisation';
}

function deletions(key: string): string[] {
  const out = [key];
  if (key.length < MIN_FUZZY_KEY) return out;
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

/** Keys under which a token is indexed and looked up: its key, its alternative key, its loose key. */
function tokenKeys(t: NameToken): string[] {
  const out = [t.key, ...t.alts];
  const loose = looseKey(t.key);
  if (loose.length >= 2 && !out.includes(loose)) out.push(loose);
  // an Arabic organisation word is found by its translations too (جبهة → front)
  for (const w of t.translations) {
    const k = latinKey(w);
    if (k.length > 0 && !out.includes(k)) out.push(k);
  }
  return out;
}

/** A key's weight from the number of names holding it: 1 for a key no name holds, ~0.3 for the commonest given names. */
function idfWeight(count: number, total: number, maxIdf: number): number {
  return 0.25 + (0.75 * Math.log((total + 1) / (count + 1))) / maxIdf;
}

/**
 * Builds the screening index over list entries.
 * Token weights are inverse document frequencies of the keys over all indexed names.
 */
export function buildScreeningIndex(
  entries: readonly ListEntry[],
  options: BuildIndexOptions = {},
): ScreeningIndex {
  const exclude = new Set(options.excludeNameTypes ?? []);
  const names: IndexedName[] = [];
  entries.forEach((entry, e) => {
    const kind = nameKindOf(entry.kind);
    for (const name of entry.names) {
      if (exclude.has(name.type)) continue;
      // a name holding other names in brackets is indexed as each of them too (name-variants.ts)
      for (const v of nameVariants(name.text)) names.push({ entry: e, name, parsed: parseName(v, kind) });
    }
  });
  const byRef = new Map<string, number>();
  entries.forEach((entry, e) => {
    byRef.set(`${entry.list}:${entry.refId}`, e);
  });
  for (const group of options.aliasTable ?? CURATED_ALIASES) {
    for (const ref of group.refs) {
      const e = byRef.get(`${ref.list}:${ref.refId}`);
      if (e === undefined) continue;
      const kind = nameKindOf((entries[e] as ListEntry).kind);
      for (const text of group.names) {
        names.push({
          entry: e,
          name: { text, type: 'curated-alias' },
          parsed: parseName(text, kind),
          aliasGroup: group.id,
        });
      }
    }
  }
  const lists = new Map<string, number[]>();
  const df = new Map<string, number>();
  names.forEach((n, id) => {
    const seen = new Set<string>();
    const seenKey = new Set<string>();
    n.parsed.tokens.forEach((t, pos) => {
      if (t.role === 'initial' || pos > 255) return;
      if (t.key && !seenKey.has(t.key)) {
        seenKey.add(t.key);
        df.set(t.key, (df.get(t.key) ?? 0) + 1);
      }
      // a word of a Korean name is found by its reading across romanisations too (korean-syllables.ts)
      for (const key of [...tokenKeys(t), ...koreanKeys(n.parsed.korean, pos)]) {
        if (key.length === 0 || seen.has(key)) continue;
        seen.add(key);
        let l = lists.get(key);
        if (!l) {
          l = [];
          lists.set(key, l);
        }
        l.push(id, pos);
      }
    });
  });
  const total = Math.max(1, names.length);
  const maxIdf = Math.log(total + 1);
  const unseenWeight = idfWeight(0, total, maxIdf);
  const keyWeight = new Map<string, number>();
  // eslint-disable-next-line no-restricted-syntax -- made once per index
  const weight: TokenWeight = (t: NameToken) => {
    if (t.role === 'initial') return 0.5;
    let w = keyWeight.get(t.key);
    if (w === undefined) {
      const count = df.get(t.key);
      // only the index's own keys are remembered: a service screening for months meets new words without end
      if (count === undefined) return unseenWeight;
      w = idfWeight(count, total, maxIdf);
      keyWeight.set(t.key, w);
    }
    return w;
  };
  const nameWeights = new Float64Array(names.length);
  const nameUnposted = new Float64Array(names.length);
  const nameOpenEdges = new Uint8Array(names.length);
  const tokenOffsets = new Int32Array(names.length + 1);
  let offset = 0;
  names.forEach((n, id) => {
    tokenOffsets[id] = offset;
    offset += Math.min(n.parsed.tokens.length, 256);
  });
  tokenOffsets[names.length] = offset;
  const tokenWeights = new Float64Array(offset);
  names.forEach((n, id) => {
    let sum = 0;
    let unposted = 0;
    let openEdges = 0;
    const last = n.parsed.tokens.length - 1;
    n.parsed.tokens.forEach((t, pos) => {
      const w = weight(t);
      sum += w;
      if (pos < 256) tokenWeights[(tokenOffsets[id] as number) + pos] = w;
      const keyless = pos > 255 || tokenKeys(t).every((k) => k.length === 0);
      // not the list's initials: posted, every name with one would reach the scorer for every query word of that
      // letter (and a vessel's series letter, MARIA E, is no initial in the scorer either)
      if (t.role !== 'initial' && keyless) unposted += w;
      // an edge word no lookup reports (an initial, a keyless word, the last of more than 32)
      const open = keyless || t.role === 'initial';
      if (pos === 0 && open) openEdges |= 1;
      if (pos === last && (open || last >= 32)) openEdges |= 2;
    });
    nameWeights[id] = sum;
    nameUnposted[id] = unposted;
    nameOpenEdges[id] = openEdges;
  });
  const postings = new Map<string, Posting>();
  const neighbours = new Map<string, Posting[]>();
  for (const [key, pairs] of lists) {
    const ids = new Int32Array(pairs.length / 2);
    const positions = new Uint8Array(pairs.length / 2);
    const weights = new Float64Array(pairs.length / 2);
    for (let i = 0; i < ids.length; i++) {
      const id = pairs[2 * i] as number;
      const pos = pairs[2 * i + 1] as number;
      ids[i] = id;
      positions[i] = pos;
      weights[i] = tokenWeights[(tokenOffsets[id] as number) + pos] as number;
    }
    const posting: Posting = { key, ids, positions, weights };
    postings.set(key, posting);
    for (const d of deletions(key)) {
      const l = neighbours.get(d);
      if (l) l.push(posting);
      else neighbours.set(d, [posting]);
    }
  }
  return { entries, names, weight, postings, neighbours, nameWeights, nameUnposted, nameOpenEdges };
}

export interface ScreenOptions extends QueryAttributes {
  /** Minimum score in [0,1] (default DEFAULT_THRESHOLD). */
  readonly threshold?: number | undefined;
  /** Maximum matches returned (default DEFAULT_LIMIT). */
  readonly limit?: number | undefined;
  /** Restrict to persons or to organisations (organisations include vessels and aircraft). */
  readonly type?: 'person' | 'organisation' | undefined;
  /** Restrict to these list codes. */
  readonly lists?: readonly string[] | undefined;
  /**
   * Called when the query has no word to look up ("!!!"), before the empty result is returned: a caller can
   * then tell a name it could not screen from one screened and cleared, without parsing the name a second time.
   */
  readonly onNoWords?: (() => void) | undefined;
}

export interface ScreeningMatch {
  readonly entry: ListEntry;
  /** Final score in [0,1]: name score, weak-alias factor, then attribute effects. */
  readonly score: number;
  readonly matchedName: ListName;
  readonly explanation: MatchExplanation;
}

/**
 * Postings of the vocabulary's keys within one edit (by deletion neighbourhood) of a query key, added to `out` in
 * the order met. A key of the vocabulary keeps its list in `cache` (common names come back in query after query;
 * the vocabulary bounds the cache); other keys are looked up each time.
 */
function nearKeys(
  index: ScreeningIndex,
  key: string,
  out: Set<Posting>,
  cache: Map<string, readonly Posting[]>,
): void {
  let near = cache.get(key);
  if (near === undefined) {
    const found = new Set<Posting>();
    const own = index.postings.get(key);
    if (own !== undefined) found.add(own);
    // short keys: exact only (a one-letter edit to a two-letter key is a different name)
    if (key.length >= MIN_FUZZY_KEY) {
      for (const d of deletions(key)) {
        const ps = index.neighbours.get(d);
        if (ps !== undefined) for (const p of ps) found.add(p);
      }
    }
    near = [...found];
    if (own !== undefined) cache.set(key, near);
  }
  for (const p of near) out.add(p);
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Per-query scratch space, reused across queries (the engine is single-threaded). What a query gathers for one
 * name sits together, four slots a name in each array (`id << 2`), so that a posting visits two cache lines,
 * not one per figure:
 * - `sums`: [0] query-side weight met (accQ), [1] list-side weight met (accC), [2] the name's total weight
 *   and [3] its weak-alias factor (both set once);
 * - `marks`: [0] the query that last touched the name (`stamp`; slots of an older stamp read as zero),
 *   [1] the last query token that met it, [2] bit set of its tokens met (first 32), [3] query tokens that met it.
 */
interface Scratch {
  sums: Float64Array;
  marks: Int32Array;
  touched: number[];
  stamp: number;
  /** One bit a name: reached by a lookup that is not `alone` (see markWeakVisits); cleared for each query. */
  candidates: Uint32Array;
  /** nearKeys' lists for the vocabulary's keys, as queries ask for them. */
  near: Map<string, readonly Posting[]>;
}
const scratches = new WeakMap<ScreeningIndex, Scratch>();

function scratchFor(index: ScreeningIndex): Scratch {
  let s = scratches.get(index);
  if (!s) {
    const n = index.names.length;
    const sums = new Float64Array(4 * n);
    for (let id = 0; id < n; id++) {
      sums[(id << 2) + 2] = index.nameWeights[id] as number;
      sums[(id << 2) + 3] =
        (index.names[id] as IndexedName).name.type === 'weak-alias' ? WEAK_ALIAS_FACTOR : 1;
    }
    s = {
      sums,
      marks: new Int32Array(4 * n),
      touched: [],
      stamp: 0,
      candidates: new Uint32Array((n >>> 5) + 1),
      near: new Map(),
    };
    scratches.set(index, s);
  }
  return s;
}

/** One lookup of a query: the postings it walks, the query weight it credits, and its mark. */
interface Visit {
  readonly postings: readonly Posting[];
  readonly w: number;
  /** Query word (1-based), negative for a joined key: a name is credited once per mark. */
  readonly mark: number;
  readonly countHit: boolean;
  /** EDGE_FIRST / EDGE_LAST when this lookup is for the query's first / last word (the frame of name-score.ts). */
  readonly edge: number;
  /** Set by markWeakVisits: a name these lookups alone reach cannot pass the retrieval bound. */
  alone: boolean;
}

/** Bits above the count in `marks[at + 3]`: the query's first and last words reached the name. */
const EDGE_FIRST = 0x100;
const EDGE_LAST = 0x200;

/** Starts a query on the scratch space: a new stamp, nothing touched. */
function nextStamp(s: Scratch): number {
  s.touched.length = 0;
  if (s.stamp === 0x7fffffff) {
    s.marks.fill(0);
    s.stamp = 0;
  }
  return ++s.stamp;
}

/**
 * Marks the query words whose lookups cannot, by themselves, bring a name to the retrieval bound (most often
 * a common given name, Muhammad, beside a rarer one): the lightest words whose weights together, `weak`, keep
 * the bound below `floor` for any name reached by them alone. That bound is at most 0.6 + 0.4 × qMax(weak +
 * `unlooked`, the words looked up nowhere): the
 * list side's share is at most 1, and the query side's grows with the weight credited, at most `weak`. A small
 * margin keeps rounding on the safe side. Returns whether any word was marked. Joined keys are never marked.
 */
function markWeakVisits(
  visits: Visit[],
  totalQ: number,
  unlooked: number,
  unlookedEdges: number,
  multiWord: boolean,
  floor: number,
): boolean {
  const words = visits.filter((v) => v.countHit).sort((a, b) => a.w - b.w);
  let weak = 0;
  let edges = unlookedEdges;
  let any = false;
  for (const v of words) {
    const w = weak + v.w;
    const e = edges | v.edge;
    const credit = Math.min(totalQ, w + unlooked);
    // with the query's first and last words among them, the scorer's frame may count the rest at a quarter
    const discount = multiWord && e === (EDGE_FIRST | EDGE_LAST) ? FRAME_BOUND_DISCOUNT : BOUND_DISCOUNT;
    const qMax = credit / (credit + discount * (totalQ - credit));
    if (!(QUERY_SHARE_BOUND + (1 - QUERY_SHARE_BOUND) * qMax < floor - 1e-9)) break;
    v.alone = true;
    weak = w;
    edges = e;
    any = true;
  }
  return any;
}

/** Sets the candidate bit of every name reached by a lookup that is not `alone`. */
function markCandidates(s: Scratch, visits: readonly Visit[]): void {
  const bits = s.candidates;
  bits.fill(0);
  for (const v of visits) {
    if (v.alone) continue;
    for (const posting of v.postings) {
      const ids = posting.ids;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i] as number;
        bits[id >>> 5] = (bits[id >>> 5] as number) | (1 << (id & 31));
      }
    }
  }
}

/**
 * Credits the names one lookup reaches: the query weight once per mark, the list token's weight once per
 * token. With `onlyCandidates`, names without their candidate bit are passed over: they can never pass the
 * bound, and a name that has the bit is credited by every lookup, in the same order as without the bits.
 */
function visit(s: Scratch, stamp: number, v: Visit, onlyCandidates: boolean): void {
  const { sums, marks, touched, candidates } = s;
  const { w, mark, countHit, edge } = v;
  for (const posting of v.postings) {
    const ids = posting.ids;
    const pos = posting.positions;
    const weights = posting.weights;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      if (onlyCandidates && ((candidates[id >>> 5] as number) & (1 << (id & 31))) === 0) continue;
      const at = id << 2;
      if (marks[at] !== stamp) {
        // first touched by this query: its slots still hold an older query's figures
        marks[at] = stamp;
        marks[at + 1] = 0;
        marks[at + 2] = 0;
        marks[at + 3] = 0;
        sums[at] = 0;
        sums[at + 1] = 0;
        touched.push(id);
      }
      if (marks[at + 1] !== mark) {
        marks[at + 1] = mark;
        sums[at] = (sums[at] as number) + w;
        // a count of query tokens, kept to a byte as it always was, and the edge bits above it
        const m = (marks[at + 3] as number) | edge;
        marks[at + 3] = countHit ? (m & ~0xff) | ((m + 1) & 0xff) : m;
      }
      const p = pos[i] as number;
      const bit = p < 32 ? 1 << p : 0;
      const seen = marks[at + 2] as number;
      if (bit !== 0 && (seen & bit) === 0) {
        marks[at + 2] = seen | bit;
        sums[at + 1] = (sums[at + 1] as number) + (weights[i] as number);
      }
    }
  }
}

/**
 * Screens one name against the index and returns ranked matches (best first) with explanations.
 * Pure and deterministic: the same index, query and options give the same result.
 */
export function screenName(
  index: ScreeningIndex,
  query: string,
  options: ScreenOptions = {},
): ScreeningMatch[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const limit = options.limit ?? DEFAULT_LIMIT;
  const kind: NameKind = options.type ?? 'any';
  const parsed = parseName(query, kind);
  const qTokens = parsed.tokens;
  if (qTokens.length === 0) {
    options.onNoWords?.();
    return [];
  }
  const weight = index.weight;
  const s = scratchFor(index);
  const maxBoost = options.identifiers?.length ? 0.4 : options.dob || options.country ? 0.15 : 0;
  // the lookups, in the order they are made: each query word's keys (and near keys), then the joined keys
  // before compound tails
  let totalQ = 0;
  // initials and words without a key ("Oo", "U": vowels only) are looked up nowhere but may still meet a list
  // token when a name is scored (OO = OO, H. = Hamid): the bounds count them as met, or a name they complete is
  // never scored ("Tun Tun Oo" did not reach "OO, Tun Tun", pair score 1)
  let unlooked = 0;
  let unlookedEdges = 0;
  const visits: Visit[] = [];
  qTokens.forEach((t, qi) => {
    const w = weight(t);
    totalQ += w;
    if (t.role === 'initial' || t.key.length === 0) {
      unlooked += w;
      // looked up nowhere, it may still meet a list word when scored: the frame's edge counts as reached
      if (qi === 0) unlookedEdges |= EDGE_FIRST;
      if (qi === qTokens.length - 1) unlookedEdges |= EDGE_LAST;
      return;
    }
    const keys = new Set<Posting>();
    for (const k of tokenKeys(t)) nearKeys(index, k, keys, s.near);
    for (const k of koreanKeys(parsed.korean, qi)) {
      const p = index.postings.get(k);
      if (p !== undefined) keys.add(p);
    }
    const edge = (qi === 0 ? EDGE_FIRST : 0) | (qi === qTokens.length - 1 ? EDGE_LAST : 0);
    visits.push({ postings: [...keys], w, mark: qi + 1, countHit: true, edge, alone: false });
  });
  // a Persian/Pashto compound written in two words may be one word in the list (کاکا زاده = Kakazada, ولی جان =
  // Walijan): before a compound tail, look the joined key up too, crediting both words. Only there: two
  // ordinary short Arabic keys joined meet many unrelated one-word list names (علي موسوی ≠ LOLALIMES)
  for (let qi = 0; qi + 1 < qTokens.length; qi++) {
    const a = qTokens[qi] as NameToken;
    const b = qTokens[qi + 1] as NameToken;
    if (a.key.length === 0 || b.key.length === 0 || !isCompoundTail(b)) continue;
    const joined = collapseKey(a.key + b.key);
    const posting = joined.length < 3 ? undefined : index.postings.get(joined);
    if (posting === undefined) continue;
    visits.push({
      postings: [posting],
      w: weight(a) + weight(b),
      mark: -(qi + 1),
      countHit: false,
      edge: (qi === 0 ? EDGE_FIRST : 0) | (qi + 1 === qTokens.length - 1 ? EDGE_LAST : 0),
      alone: false,
    });
  }
  const pruned = markWeakVisits(
    visits,
    totalQ,
    unlooked,
    unlookedEdges,
    qTokens.length >= 2,
    threshold - maxBoost,
  );
  const stamp = nextStamp(s);
  if (pruned) markCandidates(s, visits);
  for (const v of visits) visit(s, stamp, v, pruned && v.alone);
  const touched = s.touched;
  const sums = s.sums;
  const marks = s.marks;
  // memo of token similarities for this query: list tokens repeat across names (Muhammad, Ali, al-…); one per
  // (text, role), words (most tokens) by their text alone, which needs no new string per pair
  const memo = qTokens.map(() => new Map<string, TokenSimilarity>());
  const memoOther = qTokens.map(() => new Map<string, TokenSimilarity>());
  // eslint-disable-next-line no-restricted-syntax -- made once per query, not per candidate
  const similarity = (qt: NameToken, qi: number, ct: NameToken): TokenSimilarity => {
    // tokenSimilarity reads the abbreviation and serial marks too: "Sok." meets Sokchul as an abbreviation, Sok
    // does not, so they are memoised apart (else a pair's score would depend on which name was scored first)
    const word = ct.role === 'word' && !ct.abbreviated && !ct.serial;
    const m = (word ? memo[qi] : memoOther[qi]) as Map<string, TokenSimilarity>;
    const k = word
      ? ct.text
      : `${ct.text}\u0001${ct.role}${ct.abbreviated ? '.' : ''}${ct.serial ? '#' : ''}`;
    let r = m.get(k);
    if (r === undefined) {
      r = tokenSimilarity(qt, ct);
      m.set(k, r);
    }
    return r;
  };
  const best = new Map<
    number,
    { score: number; n: IndexedName; ns: NameScore; effects: ReturnType<typeof scoreAttributes> }
  >();
  const listFilter = options.lists ? new Set(options.lists) : undefined;
  for (const id of touched) {
    // optimistic bound: every retrieved token matches perfectly, every other token is a discounted middle
    // one-to-one alignment: no more query tokens can match than distinct list tokens were hit
    const at = id << 2;
    const hitsQ = (marks[at + 3] as number) & 0xff;
    const distinct = popcount(marks[at + 2] as number);
    const accQ = sums[at] as number;
    const aq = Math.min(
      totalQ,
      (distinct > 0 && distinct < hitsQ ? (accQ * distinct) / hitsQ : accQ) + unlooked,
    );
    const tc = sums[at + 2] as number;
    const ac = Math.min(tc, (sums[at + 1] as number) + (index.nameUnposted[id] as number));
    const qMax = aq / (aq + BOUND_DISCOUNT * (totalQ - aq));
    const cMax = ac / (ac + BOUND_DISCOUNT * Math.max(0, tc - ac));
    const bound = QUERY_SHARE_BOUND * Math.max(qMax, cMax) + (1 - QUERY_SHARE_BOUND) * Math.min(qMax, cMax);
    if (bound + maxBoost < threshold) {
      // the frame (first and last words met on both sides) makes the missing middles weigh a quarter: possible
      // only when lookups of the query's first and last words and of the list name's first and last words met
      const edges = ((marks[at + 3] as number) | unlookedEdges) & (EDGE_FIRST | EDGE_LAST);
      if (qTokens.length < 2 || edges !== (EDGE_FIRST | EDGE_LAST)) continue;
      const bits = marks[at + 2] as number;
      const cn = (index.names[id] as IndexedName).parsed.tokens.length;
      // a query word looked up nowhere (an initial) may be what meets the list name's first or last word
      const open = unlooked > 0 ? 3 : (index.nameOpenEdges[id] as number);
      if (cn < 2 || ((bits & 1) === 0 && (open & 1) === 0)) continue;
      if ((cn > 32 || ((bits >>> (cn - 1)) & 1) === 0) && (open & 2) === 0) continue;
      const qf = aq / (aq + FRAME_BOUND_DISCOUNT * (totalQ - aq));
      const cf = ac / (ac + FRAME_BOUND_DISCOUNT * Math.max(0, tc - ac));
      const framed = QUERY_SHARE_BOUND * Math.max(qf, cf) + (1 - QUERY_SHARE_BOUND) * Math.min(qf, cf);
      if (framed + maxBoost < threshold) continue;
    }
    const n = index.names[id] as IndexedName;
    if (options.type && nameKindOf((index.entries[n.entry] as ListEntry).kind) !== options.type) continue;
    if (listFilter && !listFilter.has((index.entries[n.entry] as ListEntry).list)) continue;
    const ns = scoreNames(parsed, n.parsed, weight, similarity);
    // the weak-alias factor (or 1), kept in the name's slot: no walk to its list name for it
    let score = ns.score * (sums[at + 3] as number);
    if (score + maxBoost < threshold) continue;
    const entry = index.entries[n.entry] as ListEntry;
    const effects = scoreAttributes(options, entry);
    for (const e of effects) score += e.effect;
    score = Math.min(1, Math.max(0, score));
    const prev = best.get(n.entry);
    // one entry, several names: keep the best; on a tie (scores capped at 1 by a date of birth) the closer name,
    // so the explanation shows the list name the query is nearest to, whatever order the index visits them in
    if (!prev || score > prev.score || (score === prev.score && ns.score > prev.ns.score))
      best.set(n.entry, { score, n, ns, effects });
  }
  const matches: ScreeningMatch[] = [];
  for (const { score, n, ns, effects } of best.values()) {
    if (score < threshold) continue;
    const entry = index.entries[n.entry] as ListEntry;
    matches.push({
      entry,
      score: round3(score),
      matchedName: n.name,
      explanation: buildExplanation(
        query,
        // the list name as matched: one of the names a bracketed list name holds, when it was one of those
        n.parsed.original,
        n.name.type,
        ns,
        parsed.dropped,
        n.parsed.dropped,
        weight,
        effects,
        n.aliasGroup,
      ),
    });
  }
  matches.sort(
    (a, b) =>
      b.score - a.score ||
      a.entry.list.localeCompare(b.entry.list) ||
      a.entry.refId.localeCompare(b.entry.refId),
  );
  return matches.slice(0, limit);
}

/**
 * Scores two names against each other, as `screen-pairs` does: the same parser and scorer as `screenName`,
 * with token weights from an index when one is given (its list statistics) and uniform weights otherwise.
 */
export function compareNames(
  a: string,
  b: string,
  kind: NameKind = 'any',
  weight?: TokenWeight,
): { score: number; nameScore: NameScore } {
  let ns: NameScore | undefined;
  for (const va of nameVariants(a)) {
    for (const vb of nameVariants(b)) {
      const s = scoreNames(parseName(va, kind), parseName(vb, kind), weight);
      if (ns === undefined || s.score > ns.score) ns = s;
    }
  }
  const best = ns as NameScore;
  return { score: round3(best.score), nameScore: best };
}
