/**
 * The candidate index: every list name is parsed once, its token keys go into an inverted index, and a
 * deletion neighbourhood of the keys finds near spellings. A query touches only the names that share a key
 * (or a key one edit away) with it, never every entry.
 */
import { type QueryAttributes, scoreAttributes } from './attribute-score.ts';
import { CURATED_ALIASES, type CuratedAliasGroup } from './curated-aliases.ts';
import { buildExplanation, type MatchExplanation, round3 } from './explanation.ts';
import type { EntityKind, ListEntry, ListName, NameType } from './list-entry.ts';
import { type NameKind, type NameToken, type ParsedName, parseName } from './name-parse.ts';
import { type NameScore, scoreNames, type TokenWeight } from './name-score.ts';
import { looseKey } from './phonetic-key.ts';

/** The threshold `screen` uses and every reported figure is measured at. */
export const DEFAULT_THRESHOLD = 0.8;
export const DEFAULT_LIMIT = 10;
/** Weak aliases (UN "Low", OFAC "weak aka") are nicknames many people share. */
const WEAK_ALIAS_FACTOR = 0.9;
const MIN_FUZZY_KEY = 3;

export interface IndexedName {
  readonly entry: number;
  readonly name: ListName;
  readonly parsed: ParsedName;
  readonly aliasGroup?: string | undefined;
}

export interface ScreeningIndex {
  readonly entries: readonly ListEntry[];
  readonly names: readonly IndexedName[];
  readonly weight: TokenWeight;
  /** key → ids of names holding a token with that key. */
  readonly postings: ReadonlyMap<string, Int32Array>;
  /** key with one character deleted (or the key itself) → keys of the vocabulary. */
  readonly neighbours: ReadonlyMap<string, readonly string[]>;
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
      names.push({ entry: e, name, parsed: parseName(name.text, kind) });
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
  names.forEach((n, id) => {
    const seen = new Set<string>();
    for (const t of n.parsed.tokens) {
      if (t.role === 'initial') continue;
      for (const key of [t.key, t.alt, looseKey(t.key)]) {
        if (key.length === 0 || seen.has(key)) continue;
        seen.add(key);
        let l = lists.get(key);
        if (!l) {
          l = [];
          lists.set(key, l);
        }
        l.push(id);
      }
    }
  });
  const postings = new Map<string, Int32Array>();
  const neighbours = new Map<string, string[]>();
  for (const [key, ids] of lists) {
    postings.set(key, Int32Array.from(ids));
    for (const d of deletions(key)) {
      const l = neighbours.get(d);
      if (l) l.push(key);
      else neighbours.set(d, [key]);
    }
  }
  const total = Math.max(1, names.length);
  const maxIdf = Math.log(total + 1);
  const weight: TokenWeight = (t: NameToken) => {
    if (t.role === 'initial') return 0.5;
    const df = postings.get(t.key)?.length ?? 0;
    // 1 for a key no name holds, down to ~0.3 for the most common given names
    return 0.25 + (0.75 * Math.log((total + 1) / (df + 1))) / maxIdf;
  };
  return { entries, names, weight, postings, neighbours };
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
}

export interface ScreeningMatch {
  readonly entry: ListEntry;
  /** Final score in [0,1]: name score, weak-alias factor, then attribute effects. */
  readonly score: number;
  readonly matchedName: ListName;
  readonly explanation: MatchExplanation;
}

/** Keys of the vocabulary within one edit (by deletion neighbourhood) of a query key. */
function nearKeys(index: ScreeningIndex, key: string): Set<string> {
  const out = new Set<string>();
  if (index.postings.has(key)) out.add(key);
  for (const d of deletions(key)) for (const k of index.neighbours.get(d) ?? []) out.add(k);
  if (key.length < MIN_FUZZY_KEY) {
    // short keys: exact only (a one-letter edit to a two-letter key is a different name)
    for (const k of out) if (k !== key) out.delete(k);
  }
  return out;
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
  if (qTokens.length === 0) return [];
  const weight = index.weight;
  const acc = new Map<number, number>();
  let totalQ = 0;
  for (const t of qTokens) {
    const w = weight(t);
    totalQ += w;
    if (t.role === 'initial' || t.key.length === 0) continue;
    const seen = new Set<number>();
    const keys = nearKeys(index, t.key);
    if (t.alt) for (const k of nearKeys(index, t.alt)) keys.add(k);
    const loose = looseKey(t.key);
    if (loose && index.postings.has(loose)) keys.add(loose);
    for (const k of keys) {
      const ids = index.postings.get(k);
      if (!ids) continue;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i] as number;
        if (seen.has(id)) continue;
        seen.add(id);
        acc.set(id, (acc.get(id) ?? 0) + w);
      }
    }
  }
  const maxBoost = options.identifiers?.length ? 0.4 : options.dob || options.country ? 0.15 : 0;
  const best = new Map<
    number,
    { score: number; n: IndexedName; ns: NameScore; effects: ReturnType<typeof scoreAttributes> }
  >();
  const listFilter = options.lists ? new Set(options.lists) : undefined;
  for (const [id, a] of acc) {
    // optimistic bound: all retrieved tokens match perfectly, unmatched query tokens discounted as middles
    const qcovMax = a / (a + 0.5 * (totalQ - a));
    if ((qcovMax + 1) / 2 + maxBoost < threshold) continue;
    const n = index.names[id] as IndexedName;
    const entry = index.entries[n.entry] as ListEntry;
    if (options.type && nameKindOf(entry.kind) !== options.type) continue;
    if (listFilter && !listFilter.has(entry.list)) continue;
    const ns = scoreNames(parsed, n.parsed, weight);
    let score = ns.score * (n.name.type === 'weak-alias' ? WEAK_ALIAS_FACTOR : 1);
    if (score + maxBoost < threshold) continue;
    const effects = scoreAttributes(options, entry);
    for (const e of effects) score += e.effect;
    score = Math.min(1, Math.max(0, score));
    const prev = best.get(n.entry);
    if (!prev || score > prev.score) best.set(n.entry, { score, n, ns, effects });
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
        n.name.text,
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
  const ns = scoreNames(parseName(a, kind), parseName(b, kind), weight);
  return { score: round3(ns.score), nameScore: ns };
}
