/**
 * Every match explains itself: which query token met which list token and how, what was set aside,
 * which penalties applied, what each attribute did, and whether raqib's alias table made the link.
 */
import type { AttributeEffect } from './attribute-score.ts';
import type { NameType } from './list-entry.ts';
import type { TokenRole } from './name-parse.ts';
import type { NameAdjustment, NameScore, TokenWeight } from './name-score.ts';
import type { MatchHow } from './token-similarity.ts';

export interface TokenMatchExplanation {
  /** Query token as written in the query (original characters). */
  readonly query: string;
  /** List token as written in the list name. */
  readonly candidate: string;
  readonly how: MatchHow;
  readonly similarity: number;
  /** Rarity weight of the list token: rare tokens count more. */
  readonly weight: number;
  /** Transliteration keys compared (consonant skeletons). */
  readonly keys: readonly [string, string];
}

export interface MatchExplanation {
  readonly queryName: string;
  readonly matchedName: string;
  readonly matchedNameType: NameType;
  readonly nameScore: number;
  readonly tokens: readonly TokenMatchExplanation[];
  readonly unmatchedQuery: readonly string[];
  readonly unmatchedCandidate: readonly string[];
  readonly ignored: readonly {
    readonly text: string;
    readonly role: TokenRole;
    readonly side: 'query' | 'list';
  }[];
  readonly adjustments: readonly NameAdjustment[];
  readonly attributes: readonly AttributeEffect[];
  /** Set when the matched name came from raqib's curated alias table, not from the publisher. */
  readonly aliasTable?: { readonly group: string; readonly alias: string } | undefined;
}

/** Builds the structured explanation of a scored name pair. */
export function buildExplanation(
  queryName: string,
  matchedName: string,
  matchedNameType: NameType,
  ns: NameScore,
  ignoredQuery: readonly { text: string; role: TokenRole; start: number; end: number }[],
  ignoredList: readonly { text: string; role: TokenRole; start: number; end: number }[],
  weight: TokenWeight,
  attributes: readonly AttributeEffect[],
  aliasGroup: string | undefined,
): MatchExplanation {
  return {
    queryName,
    matchedName,
    matchedNameType,
    nameScore: round3(ns.score),
    tokens: ns.pairs.map((p) => ({
      query: queryName.slice(p.query.start, p.query.end),
      candidate: matchedName.slice(p.candidate.start, p.candidate.end),
      how: p.how,
      similarity: round3(p.sim),
      weight: round3(weight(p.candidate)),
      keys: [p.query.key, p.candidate.key] as const,
    })),
    unmatchedQuery: ns.unmatchedQuery.map((t) => queryName.slice(t.start, t.end)),
    unmatchedCandidate: ns.unmatchedCandidate.map((t) => matchedName.slice(t.start, t.end)),
    ignored: ignoredTokens(ignoredQuery, queryName, ignoredList, matchedName),
    adjustments: ns.adjustments,
    attributes,
    aliasTable: aliasGroup === undefined ? undefined : { group: aliasGroup, alias: matchedName },
  };
}

type Ignored = { text: string; role: TokenRole; side: 'query' | 'list' };

/**
 * The tokens set aside on both sides, query first. A loop over index, not `.map` and spread: the parser's arrays of
 * set-aside tokens come in two shapes (an empty one made before any push has another), and optimised code built for
 * one was thrown back to the interpreter by every match whose arrays had the other.
 */
function ignoredTokens(
  query: readonly { text: string; role: TokenRole; start: number; end: number }[],
  queryName: string,
  list: readonly { text: string; role: TokenRole; start: number; end: number }[],
  matchedName: string,
): Ignored[] {
  const out: Ignored[] = [];
  for (let i = 0; i < query.length; i++) {
    const t = query[i] as (typeof query)[number];
    out.push({ text: queryName.slice(t.start, t.end), role: t.role, side: 'query' });
  }
  for (let i = 0; i < list.length; i++) {
    const t = list[i] as (typeof list)[number];
    out.push({ text: matchedName.slice(t.start, t.end), role: t.role, side: 'list' });
  }
  return out;
}

/** Rounds to three decimals so that scores print and compare stably. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** One-paragraph English rendering of an explanation, for the CLI, CSV output and alert text. */
export function explanationText(e: MatchExplanation): string {
  const parts: string[] = [];
  if (e.aliasTable) parts.push(`via raqib alias table [${e.aliasTable.group}]: "${e.aliasTable.alias}"`);
  parts.push(
    e.tokens.map((t) => `${t.query}=${t.candidate} (${t.how} ${t.similarity.toFixed(2)})`).join(', ') ||
      'no token met',
  );
  if (e.unmatchedQuery.length > 0) parts.push(`query only: ${e.unmatchedQuery.join(' ')}`);
  if (e.unmatchedCandidate.length > 0) parts.push(`list only: ${e.unmatchedCandidate.join(' ')}`);
  for (const a of e.adjustments) parts.push(`${a.reason} ×${a.factor.toFixed(2)}`);
  for (const a of e.attributes) parts.push(`${a.detail} (${a.effect >= 0 ? '+' : ''}${a.effect.toFixed(2)})`);
  return parts.join('; ');
}
