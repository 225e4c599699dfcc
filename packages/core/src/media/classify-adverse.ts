import {
  ACTION_CUES,
  ADVERSE_CUES_BASE,
  ADVERSE_CUES_LEGAL_PROCESS,
  GENERAL_WORDS,
  NARRATIVE_WORDS,
  NEGATIONS,
  TOPICAL_AFTER,
  TOPICAL_BEFORE,
  TOPICAL_TITLE,
} from './lexicon-adverse.ts';
import { PhraseMatcher } from './phrase-matcher.ts';
import type { RiskFinding } from './risk.ts';
import type { MediaToken } from './tokenize.ts';

/** Is the article adverse media (reports wrongdoing: crime, sanctions, enforcement) and how strongly. */
export interface AdverseVerdict {
  readonly adverse: boolean;
  /** Weighted cue sum, adjusted for length, topic and style; compared with {@link ADVERSE_THRESHOLD}. */
  readonly score: number;
  /** The strongest cues, for the analyst. */
  readonly cues: readonly string[];
}

const MATCHER = new PhraseMatcher([...ADVERSE_CUES_BASE, ...ADVERSE_CUES_LEGAL_PROCESS]);

/** A cue in the title counts as three in the body: the title says what the article is about. */
const TITLE_FACTOR = 3;
const TOPICAL_TITLE_FACTOR = 0.5;
/** Article length at which cue sums are compared as they are; longer articles are damped by sqrt(length). */
const REFERENCE_WORDS = 300;
const NAMED_ACTION_WEIGHT = 3;
const NAMED_ACTION_MAX = 5;
const TITLE_SUBJECT_WEIGHT = 4;
/** Pseudo-count on each side of the style ratio, so a short notice with few style words keeps most of its score. */
const STYLE_PRIOR = 2;

/**
 * Score at or above which an article counts as adverse. Chosen by the rule in
 * packages/formats/src/media/media-eval-training.ts (`chooseAdverseThreshold`) on the training files of the
 * English evaluation set, recomputed by `raqib media eval --threshold-rule`; a test checks the two agree.
 */
export const ADVERSE_THRESHOLD = 18.25;

/** Where the named persons and organisations are, and the sentence spans, for the named-action feature. */
export interface AdverseContext {
  readonly titleEnd: number;
  readonly sentences: ReadonlyArray<{ readonly start: number; readonly end: number }>;
  readonly names: ReadonlyArray<{ readonly start: number }>;
}

/** The token after a phrase, looking through a hyphen ("money-laundering rules" → rules). */
function wordAfter(tokens: readonly MediaToken[], last: number): MediaToken | undefined {
  const t = tokens[last];
  return t?.kind === 'punct' && t.text === '-' ? tokens[last + 1] : t;
}

/**
 * A cue that names a topic or is denied is not an accusation: after "fight", "anti-", "prevent" (three words
 * back), before "rules", "risk", "software" (next word), or after "not", "no", "never", "cleared" (two back).
 */
function isTopicalOrNegated(tokens: readonly MediaToken[], first: number, last: number): boolean {
  for (let k = Math.max(0, first - 3); k < first; k++) {
    const norm = tokens[k]?.norm ?? '';
    if (TOPICAL_BEFORE.has(norm) || (k >= first - 2 && NEGATIONS.has(norm))) return true;
  }
  return TOPICAL_AFTER.has(wordAfter(tokens, last)?.norm ?? '');
}

/**
 * Share of narrative style words among the style words, scaled so that an even mix gives 1: a report of
 * events (past tense, he / she, legal events) keeps or raises its score, an explainer or policy piece (modal
 * verbs, generic plural actors, policy nouns, we / you) loses up to all of it.
 */
function styleFactor(tokens: readonly MediaToken[]): number {
  let narrative = 0;
  let general = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    if (NARRATIVE_WORDS.has(t.norm)) narrative++;
    else if (GENERAL_WORDS.has(t.norm)) general++;
  }
  return (2 * (narrative + STYLE_PRIOR)) / (narrative + general + 2 * STYLE_PRIOR);
}

/**
 * Scores an article for adverse media from weighted cue counts (each cue's contribution grows with the log of
 * its count, so one word repeated does not decide) plus its risk findings, then weighs who the article is
 * about (a named subject next to a legal action) and how it is written (a report of events or a piece about a
 * topic). Language-independent lexicon; the style factor only sees English words.
 */
export function classifyAdverse(
  tokens: readonly MediaToken[],
  risks: readonly RiskFinding[],
  context: AdverseContext = { titleEnd: 0, sentences: [], names: [] },
): AdverseVerdict {
  const titleEnd = context.titleEnd;
  const actionSentences = new Set<number>();
  const counts = new Map<string, { n: number; w: number }>();
  let words = 0;
  for (const t of tokens) if (t.kind === 'word') words++;
  for (const h of MATCHER.findAll(tokens)) {
    if (isTopicalOrNegated(tokens, h.first, h.last)) continue;
    const inTitle = (tokens[h.first]?.end ?? 0) <= titleEnd;
    if (ACTION_CUES.has(h.phrase.toLowerCase())) {
      const at = tokens[h.first]?.start ?? 0;
      const si = context.sentences.findIndex((x) => at >= x.start && at < x.end);
      const sentence = context.sentences[si];
      if (
        sentence !== undefined &&
        context.names.some((n) => n.start >= sentence.start && n.start < sentence.end)
      )
        actionSentences.add(si);
    }
    const c = counts.get(h.phrase) ?? { n: 0, w: h.value };
    c.n += inTitle ? TITLE_FACTOR : 1;
    counts.set(h.phrase, c);
  }
  let score = 0;
  const parts: Array<[string, number]> = [];
  for (const [p, { n, w }] of counts) {
    const s = w * (1 + Math.log(n));
    score += s;
    parts.push([p, s]);
  }
  // risk categories with evidence in several sentences add weight; a single passing mention adds little
  for (const r of risks) if (r.category !== 'regulatory') score += Math.min(3, r.evidence.length - 1);
  score *= Math.min(1, Math.sqrt(REFERENCE_WORDS / Math.max(1, words)));
  // an article that names someone next to a legal action is about them, however long it is
  score += NAMED_ACTION_WEIGHT * Math.min(NAMED_ACTION_MAX, actionSentences.size);
  // the title names someone and the article reports a legal action: the article is about that someone
  if (actionSentences.size > 0 && context.names.some((n) => n.start < titleEnd))
    score += TITLE_SUBJECT_WEIGHT;
  let topicalTitle = false;
  for (const t of tokens) {
    if (t.end > titleEnd) break;
    if (TOPICAL_TITLE.has(t.norm)) topicalTitle = true;
  }
  if (topicalTitle) score *= TOPICAL_TITLE_FACTOR;
  score *= styleFactor(tokens);
  parts.sort((a, b) => b[1] - a[1]);
  return {
    adverse: score >= ADVERSE_THRESHOLD,
    score: Math.round(score * 100) / 100,
    cues: parts.slice(0, 8).map(([p]) => p),
  };
}
