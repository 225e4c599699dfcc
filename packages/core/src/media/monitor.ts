import type { Alert } from '../model/alert.ts';
import type { Clock } from '../model/clock.ts';
import { fnv1a64, stableId } from '../model/ids.ts';
import type { AccountRef } from '../model/transaction.ts';
import type { ListEntry } from '../screening/list-entry.ts';
import { buildScreeningIndex, type ScreeningIndex, screenName } from '../screening/screening-index.ts';
import type { ArticleAnalysis } from './analyze.ts';
import type { MediaEntity } from './entities.ts';
import { normalizeMedia, procliticVariants } from './normalize.ts';
import type { MediaToken } from './tokenize.ts';
import { tokenizeMedia } from './tokenize.ts';

/** A customer whose name is watched in the news. */
export interface MediaCustomer {
  readonly id: string;
  readonly name: string;
  readonly type?: 'person' | 'organisation';
  readonly account?: AccountRef;
  readonly country?: string;
}

export const MEDIA_ROLES = ['accused', 'victim', 'mentioned'] as const;
/** What the article says the customer is: the one accused, a victim, or only named. */
export type MediaRole = (typeof MEDIA_ROLES)[number];

/** A customer named in an article. */
export interface CustomerMention {
  readonly customer: MediaCustomer;
  readonly entity: MediaEntity;
  readonly score: number;
  readonly role: MediaRole;
  /** The sentence that names the customer. */
  readonly snippet: string;
  readonly sentence: number;
}

export const MEDIA_TYPOLOGY = 'ADVERSE-MEDIA';
export const MEDIA_DETECTOR = 'adverse-media';
export const MEDIA_DETECTOR_VERSION = '1';
const CUSTOMER_LIST = 'CUSTOMERS';

/**
 * The identity of an article for deduplication: its URL when it has one (without query and fragment), else
 * its normalised text. The same story fetched twice, from a feed and from JSON Lines, gets the same id.
 */
export function articleKey(article: {
  readonly url?: string;
  readonly title?: string;
  readonly text: string;
}): string {
  if (article.url !== undefined && article.url.trim() !== '') {
    const u = article.url
      .trim()
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .toLowerCase();
    return `art-${fnv1a64(`url:${u}`)}`;
  }
  const body = normalizeMedia(`${article.title ?? ''}\n${article.text}`)
    .replace(/\s+/g, ' ')
    .trim();
  return `art-${fnv1a64(`text:${body}`)}`;
}

/** Builds a screening index over customers, so that entity names are compared with the screening scorer. */
export function buildCustomerIndex(customers: readonly MediaCustomer[]): ScreeningIndex {
  const entries: ListEntry[] = customers.map((c) => ({
    list: CUSTOMER_LIST,
    listVersion: 'current',
    refId: c.id,
    kind: c.type ?? 'person',
    names: [{ text: c.name, type: 'primary' }],
    programmes: [],
    birthDates: [],
    countries: c.country === undefined ? [] : [c.country],
    identifiers: [],
  }));
  return buildScreeningIndex(entries);
}

const VICTIM_CUES = [
  'ضحية',
  'ضحايا',
  'المتضرر',
  'المتضررين',
  'خسر',
  'خسرت',
  'تعرض',
  'تعرضت',
  'سرقة',
  'victim',
  'victims',
  'defrauded',
  'duped',
  'tricked',
  'robbed',
  'lost',
  'targeted',
  'scammed',
  'swindled',
].map(normalizeMedia);
const ACCUSED_CUES = [
  'متهم',
  'المتهم',
  'اتهام',
  'اتهمت',
  'اعتقال',
  'القبض',
  'أدين',
  'بتهمة',
  'charged',
  'accused',
  'arrested',
  'convicted',
  'indicted',
  'sentenced',
  'suspected',
  'fined',
  'alleged',
  'allegedly',
  'laundering',
  'smuggling',
].map(normalizeMedia);

function cueNear(tokens: readonly MediaToken[], at: number, cues: readonly string[], window: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let k = Math.max(0, at - window); k < Math.min(tokens.length, at + window); k++) {
    const t = tokens[k];
    if (t === undefined) continue;
    if (procliticVariants(t.norm).some((v) => cues.includes(v))) best = Math.min(best, Math.abs(k - at));
  }
  return best;
}

/**
 * Decides whether the entity is the accused or a victim from the nearest cue in its sentence
 * ("victim", «ضحية» vs "charged", «متهم»), falling back on the article's risk evidence in that sentence.
 */
export function roleOf(
  analysis: ArticleAnalysis,
  text: string,
  entity: MediaEntity,
): { role: MediaRole; sentence: number } {
  const s = analysis.sentences.find((x) => entity.start >= x.start && entity.start < x.end);
  if (s === undefined) return { role: 'mentioned', sentence: -1 };
  const tokens = tokenizeMedia(text.slice(s.start, s.end));
  const at = tokens.findIndex((t) => t.start + s.start >= entity.start);
  const victim = cueNear(tokens, at, VICTIM_CUES, 8);
  const accused = cueNear(tokens, at, ACCUSED_CUES, 8);
  if (victim < accused) return { role: 'victim', sentence: s.index };
  if (accused < Number.POSITIVE_INFINITY) return { role: 'accused', sentence: s.index };
  const evidence = analysis.risks.some((r) => r.evidence.some((e) => e.sentence === s.index));
  return { role: evidence ? 'accused' : 'mentioned', sentence: s.index };
}

/** Persons and organisations of the article that match a customer (screening score ≥ threshold). */
export function matchCustomers(
  analysis: ArticleAnalysis,
  text: string,
  customers: ReadonlyMap<string, MediaCustomer>,
  index: ScreeningIndex,
  threshold = 0.88,
): CustomerMention[] {
  const out = new Map<string, CustomerMention>();
  for (const e of analysis.entities) {
    if (e.type === 'place') continue;
    const matches = screenName(index, e.text, {
      threshold,
      limit: 3,
      type: e.type === 'person' ? 'person' : 'organisation',
    });
    for (const m of matches) {
      const customer = customers.get(m.entry.refId);
      if (customer === undefined) continue;
      const { role, sentence } = roleOf(analysis, text, e);
      const prev = out.get(customer.id);
      // keep the strongest mention; an accusation outranks a victim mention of the same strength
      const rank = (x: MediaRole) => (x === 'accused' ? 2 : x === 'victim' ? 1 : 0);
      if (
        prev !== undefined &&
        (prev.score > m.score || (prev.score === m.score && rank(prev.role) >= rank(role)))
      )
        continue;
      const snippet = analysis.sentences[sentence]?.text ?? e.text;
      out.set(customer.id, { customer, entity: e, score: m.score, role, snippet, sentence });
    }
  }
  return [...out.values()];
}

export interface MediaAlertInput {
  readonly articleId: string;
  readonly url?: string;
  readonly title?: string;
  readonly published?: number;
  readonly analysis: ArticleAnalysis;
  readonly mention: CustomerMention;
}

/**
 * One adverse-media alert per (article, customer), in the same queue as monitoring alerts. Score: the name
 * match score, reduced when the article is not adverse or the customer is only mentioned or a victim.
 */
export function mediaAlert(input: MediaAlertInput, clock: Clock): Alert {
  const { analysis, mention } = input;
  const now = clock.now();
  const at = input.published ?? now;
  const categories = analysis.risks
    .filter((r) => r.evidence.some((e) => e.sentence === mention.sentence))
    .map((r) => r.category);
  const allCategories =
    categories.length > 0 ? categories : analysis.risks.map((r) => r.category).slice(0, 3);
  const factor =
    (analysis.adverse.adverse ? 1 : 0.6) *
    (mention.role === 'accused' ? 1 : mention.role === 'victim' ? 0.5 : 0.7);
  const score = Math.round(mention.score * factor * 1000) / 1000;
  const band = score >= 0.8 ? '.03' : score >= 0.6 ? '.02' : '.01';
  const c = mention.customer;
  const cats = allCategories.join(', ') || 'no category';
  return {
    id: stableId('med', [input.articleId, c.id]),
    source: 'media',
    typologies: [MEDIA_TYPOLOGY, ...allCategories],
    score,
    accounts: c.account === undefined ? [] : [c.account],
    transactions: [],
    rows: [],
    subgraph: { nodes: [], edges: [] },
    start: at,
    end: at,
    explanation: {
      en: `Customer "${c.name}" (${c.id}) is named in ${input.title === undefined ? 'an article' : `"${input.title}"`} as ${mention.role} (${cats}; name score ${mention.score.toFixed(3)}): "${mention.snippet}"`,
      ar: `ورد اسم العميل «${c.name}» (${c.id}) في خبر ${input.title === undefined ? '' : `«${input.title}» `}بصفة ${mention.role === 'accused' ? 'متهم' : mention.role === 'victim' ? 'ضحية' : 'مذكور'} (${cats}؛ درجة تطابق الاسم ${mention.score.toFixed(3)}): «${mention.snippet}»`,
    },
    findings: [
      {
        detector: MEDIA_DETECTOR,
        version: MEDIA_DETECTOR_VERSION,
        band,
        value: score,
        unit: 'score',
        detail: `${mention.role}; adverse score ${analysis.adverse.score}`,
      },
    ],
    configVersion: `media-v${MEDIA_DETECTOR_VERSION}`,
    createdAt: now,
    status: 'new',
    details: {
      articleId: input.articleId,
      ...(input.url === undefined ? {} : { url: input.url }),
      ...(input.title === undefined ? {} : { title: input.title }),
      snippet: mention.snippet,
      categories: allCategories,
      role: mention.role,
      entity: {
        text: mention.entity.text,
        start: mention.entity.start,
        end: mention.entity.end,
        type: mention.entity.type,
      },
      customerId: c.id,
      nameScore: mention.score,
      adverseScore: analysis.adverse.score,
    },
  };
}
