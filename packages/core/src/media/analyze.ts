import type { ScreeningIndex } from '../screening/screening-index.ts';
import { screenName } from '../screening/screening-index.ts';
import { type AmountsResult, extractAmounts } from './amounts.ts';
import { type Attribution, extractAttributions } from './attributions.ts';
import { type AdverseVerdict, classifyAdverse } from './classify-adverse.ts';
import { extractEntities, type ListLink, type MediaEntity } from './entities.ts';
import { extractRisk, type RiskFinding, type SchemeFinding } from './risk.ts';
import { type MediaSentence, splitMediaSentences } from './sentences.ts';
import { tokenizeMedia } from './tokenize.ts';

export const MEDIA_LANGUAGES = ['ar', 'en'] as const;
export type MediaLanguage = (typeof MEDIA_LANGUAGES)[number];

export interface AnalyzeOptions {
  /** 'auto' (default) decides by the share of Arabic letters. */
  readonly lang?: MediaLanguage | 'auto';
  /** When given, persons and organisations are also screened against this list index. */
  readonly screeningIndex?: ScreeningIndex;
  /** Minimum screening score for a link (default 0.85). */
  readonly linkThreshold?: number;
}

/** Everything raqib reads from one article. All spans are UTF-16 offsets into the analysed text. */
export interface ArticleAnalysis extends AmountsResult {
  readonly language: MediaLanguage;
  readonly sentences: readonly MediaSentence[];
  readonly entities: readonly MediaEntity[];
  readonly attributions: readonly Attribution[];
  readonly risks: readonly RiskFinding[];
  readonly schemes: readonly SchemeFinding[];
  readonly adverse: AdverseVerdict;
}

/** Arabic if at least a third of the letters are Arabic; news in Arabic quotes Latin names and acronyms. */
export function detectLanguage(text: string): MediaLanguage {
  let ar = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0621 && c <= 0x064a) ar++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return ar * 2 >= latin ? 'ar' : 'en';
}

function screenEntity(e: MediaEntity, index: ScreeningIndex, threshold: number): ListLink[] {
  if (e.type === 'place') return [];
  const matches = screenName(index, e.text, {
    type: e.type === 'person' ? 'person' : 'organisation',
    threshold,
    limit: 5,
  });
  return matches.map((m) => ({
    list: m.entry.list,
    refId: m.entry.refId,
    name: m.entry.names[0]?.text ?? m.matchedName.text,
    confidence: m.score,
    via: 'screening' as const,
  }));
}

function mergeLinks(
  a: readonly ListLink[],
  b: readonly ListLink[],
  index: ScreeningIndex | undefined,
): ListLink[] {
  const out = new Map<string, ListLink>();
  for (const l of [...a, ...b]) {
    const key = `${l.list}|${l.refId}`;
    const prev = out.get(key);
    if (prev === undefined || l.confidence > prev.confidence)
      out.set(key, { ...l, ...((l.name ?? prev?.name) ? { name: l.name ?? prev?.name ?? '' } : {}) });
  }
  if (index !== undefined) {
    // name the curated links from the index, when it holds the entry
    for (const [key, l] of out) {
      if (l.name !== undefined) continue;
      const entry = index.entries.find((x) => x.list === l.list && x.refId === l.refId);
      if (entry?.names[0] !== undefined) out.set(key, { ...l, name: entry.names[0].text });
    }
  }
  return [...out.values()].sort((x, y) => y.confidence - x.confidence || x.refId.localeCompare(y.refId));
}

/**
 * Analyses one news article in Arabic or English: sentences, entities with list links, money (value, ISO code,
 * qualifier, period), quantities, percentages, attributions, FATF-aligned risk categories with evidence and
 * legal stage, financing schemes, and an adverse / not-adverse verdict. Pure: the same text and index give
 * the same result.
 */
export function analyzeArticle(text: string, options: AnalyzeOptions = {}): ArticleAnalysis {
  const language =
    options.lang === undefined || options.lang === 'auto' ? detectLanguage(text) : options.lang;
  const tokens = tokenizeMedia(text);
  const sentences = splitMediaSentences(text);
  const amounts = extractAmounts(text, tokens);
  const exclude = [...amounts.money, ...amounts.quantities, ...amounts.percentages];
  let entities = extractEntities(text, tokens, exclude);
  const index = options.screeningIndex;
  const threshold = options.linkThreshold ?? 0.85;
  const cache = new Map<string, ListLink[]>();
  entities = entities.map((e) => {
    if (index === undefined && e.links === undefined) return e;
    const key = `${e.type}|${e.normalized}`;
    let screened = cache.get(key);
    if (screened === undefined) {
      screened = index === undefined || e.rule === 'coreference' ? [] : screenEntity(e, index, threshold);
      cache.set(key, screened);
    }
    const links = mergeLinks(e.links ?? [], screened, index);
    return links.length === 0 ? e : { ...e, links };
  });
  const attributions = extractAttributions(text, tokens, sentences);
  const { risks, schemes } = extractRisk(tokens, sentences);
  const adverse = classifyAdverse(tokens, risks, {
    titleEnd: sentences[0]?.end ?? 0,
    sentences,
    // institutions and media from the lexicon (FATF, the Treasury, Reuters) accuse and report; they are not the subject
    names: entities.filter((e) => e.type !== 'place' && e.rule !== 'lexicon'),
  });
  return { language, sentences, entities, ...amounts, attributions, risks, schemes, adverse };
}
