import { type ArticleAnalysis, analyzeArticle, normalizeMedia } from '@raqib/core';
import { parse } from 'csv-parse/sync';

export * from './media-eval-training.ts';

/** Precision / recall / F1 from counts. */
export interface Prf {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const r = (x: number) => Math.round(x * 10000) / 10000;
  return { tp, fp, fn, precision: r(precision), recall: r(recall), f1: r(f1) };
}

interface ExpectedMoney {
  value: number | null;
  currency: string;
  qualifier?: string;
  magnitude?: number;
}
interface ExpectedCase {
  id: string;
  text: string;
  money: ExpectedMoney[];
  quantities: Array<{ value: number; unit: string }>;
  percentages: Array<{ value: number }>;
  attributions: Array<{ cue: string; source: string }>;
  entities?: Array<{ text: string; type: string }>;
  risk_categories: string[];
}

/** Figures over the fixture cases (shared/data/arabic/fixtures/extraction_cases.jsonl). */
export interface CaseEvaluation {
  readonly cases: number;
  readonly money: Prf;
  /** Qualifier right among matched money items, with the fixture's qualifier names (none = no qualifier). */
  readonly qualifier: { readonly correct: number; readonly total: number };
  readonly quantities: Prf;
  readonly percentages: Prf;
  readonly attributions: Prf;
  readonly entities: Prf;
  readonly riskCategories: Prf;
  /** Cases where an item was missed or extra, for the report. */
  readonly misses: readonly string[];
}

/** A money item matches when the value is within 0.5 % (or both are vague with the same magnitude) and the currency agrees. */
export function moneyMatches(
  e: ExpectedMoney,
  g: { value: number | null; currency: string; magnitude?: number },
): boolean {
  if (e.currency !== g.currency) return false;
  if (e.value === null || g.value === null)
    return e.value === g.value && (e.magnitude ?? 0) === (g.magnitude ?? 0);
  return Math.abs(g.value - e.value) <= 0.005 * Math.abs(e.value);
}

function greedy<E, G>(
  expected: readonly E[],
  got: readonly G[],
  same: (e: E, g: G) => boolean,
): { tp: number; pairs: Array<[E, G]> } {
  const used = new Set<number>();
  const pairs: Array<[E, G]> = [];
  for (const e of expected) {
    const k = got.findIndex((g, i) => !used.has(i) && same(e, g));
    if (k >= 0) {
      used.add(k);
      pairs.push([e, got[k] as G]);
    }
  }
  return { tp: pairs.length, pairs };
}

const key = (s: string) =>
  normalizeMedia(s)
    .replace(/[()«»"'.،,]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const cueKey = (s: string) =>
  key(s)
    .replace(/^[وف](?=\S{3})/, '')
    .replace(/\s*ل\u0640?$/, '')
    .replace(/\s+ل$/, '');
const TYPE: Readonly<Record<string, string>> = {
  ORG: 'organisation',
  PER: 'person',
  PERSON: 'person',
  GPE: 'place',
  LOC: 'place',
};

/** Runs the analyser over every case and scores it against the case's expected items. */
export function evaluateCases(
  jsonl: string,
  analyze: (text: string) => ArticleAnalysis = (t) => analyzeArticle(t),
): CaseEvaluation {
  const cases = jsonl
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ExpectedCase);
  const c = {
    money: [0, 0, 0],
    qty: [0, 0, 0],
    pct: [0, 0, 0],
    att: [0, 0, 0],
    ent: [0, 0, 0],
    risk: [0, 0, 0],
  };
  let qCorrect = 0;
  let qTotal = 0;
  const misses: string[] = [];
  const add = (acc: number[], tp: number, e: number, g: number, id: string, what: string) => {
    acc[0] = (acc[0] ?? 0) + tp;
    acc[1] = (acc[1] ?? 0) + (g - tp);
    acc[2] = (acc[2] ?? 0) + (e - tp);
    if (tp !== e || tp !== g) misses.push(`${id} ${what}: expected ${e}, found ${g}, matched ${tp}`);
  };
  for (const k of cases) {
    const a = analyze(k.text);
    const m = greedy(k.money, a.money, moneyMatches);
    add(c.money, m.tp, k.money.length, a.money.length, k.id, 'money');
    for (const [e, g] of m.pairs) {
      qTotal++;
      if ((e.qualifier ?? 'none') === (g.qualifier ?? 'none')) qCorrect++;
      else
        misses.push(`${k.id} qualifier: expected ${e.qualifier ?? 'none'}, found ${g.qualifier ?? 'none'}`);
    }
    add(
      c.qty,
      greedy(k.quantities, a.quantities, (e, g) => e.unit === g.unit && e.value === g.value).tp,
      k.quantities.length,
      a.quantities.length,
      k.id,
      'quantities',
    );
    add(
      c.pct,
      greedy(k.percentages, a.percentages, (e, g) => e.value === g.value).tp,
      k.percentages.length,
      a.percentages.length,
      k.id,
      'percentages',
    );
    add(
      c.att,
      greedy(
        k.attributions,
        a.attributions,
        (e, g) => cueKey(e.cue) === cueKey(g.cue.text) && key(e.source) === key(g.source.text),
      ).tp,
      k.attributions.length,
      a.attributions.length,
      k.id,
      'attributions',
    );
    // entities: the fixture lists "some entities", so only recall is meaningful; precision counts found ones of listed types
    const expEnt = k.entities ?? [];
    const entTp = greedy(
      expEnt,
      a.entities,
      (e, g) =>
        (TYPE[e.type] ?? e.type) === g.type &&
        (key(g.text).includes(key(e.text)) || key(e.text).includes(key(g.text))),
    ).tp;
    add(c.ent, entTp, expEnt.length, expEnt.length === 0 ? 0 : a.entities.length, k.id, 'entities');
    const got = new Set<string>(a.risks.map((r) => r.category));
    const exp = new Set(k.risk_categories);
    const rtp = [...exp].filter((x) => got.has(x)).length;
    add(c.risk, rtp, exp.size, got.size, k.id, 'risk categories');
  }
  const p = (x: number[]) => prf(x[0] ?? 0, x[1] ?? 0, x[2] ?? 0);
  return {
    cases: cases.length,
    money: p(c.money),
    qualifier: { correct: qCorrect, total: qTotal },
    quantities: p(c.qty),
    percentages: p(c.pct),
    attributions: p(c.att),
    entities: p(c.ent),
    riskCategories: p(c.risk),
    misses,
  };
}

interface GoldenFile {
  language: string;
  money: Array<ExpectedMoney & { gloss: string; per?: string }>;
  quantities: Array<{
    gloss: string;
    value: number;
    unit: string;
    per?: string;
    qualifier?: string;
    commodity?: string;
  }>;
  percentages: Array<{ gloss: string; value: number; qualifier?: string }>;
  entities: Array<{ gloss: string; type: string; text: string; canonical?: string; links?: string[] }>;
  attributions: Array<{ gloss: string; cue: string; source: string }>;
  risk_categories: Array<{ category: string; subjects?: string[] }>;
  schemes: Array<{ gloss: string; id: string }>;
}

/** Compares an analysis with a hand-written golden file; returns every expected item that was not found. */
export function checkGolden(golden: GoldenFile, a: ArticleAnalysis): { expected: number; missing: string[] } {
  const missing: string[] = [];
  let expected = 1;
  if (a.language !== golden.language) missing.push(`language ${golden.language}`);
  for (const m of golden.money) {
    expected++;
    if (
      !a.money.some(
        (g) =>
          moneyMatches(m, g) &&
          (m.qualifier ?? 'none') === (g.qualifier ?? 'none') &&
          (m.per ?? 'none') === (g.per ?? 'none'),
      )
    )
      missing.push(`money: ${m.gloss}`);
  }
  for (const q of golden.quantities) {
    expected++;
    if (
      !a.quantities.some(
        (g) =>
          g.value === q.value &&
          g.unit === q.unit &&
          g.per === q.per &&
          g.qualifier === q.qualifier &&
          g.commodity === q.commodity,
      )
    )
      missing.push(`quantity: ${q.gloss}`);
  }
  for (const p of golden.percentages) {
    expected++;
    if (!a.percentages.some((g) => g.value === p.value && g.qualifier === p.qualifier))
      missing.push(`percentage: ${p.gloss}`);
  }
  for (const e of golden.entities) {
    expected++;
    const found = a.entities.find(
      (g) =>
        g.type === e.type &&
        key(g.text) === key(e.text) &&
        (e.canonical === undefined || g.canonical === e.canonical),
    );
    const links = new Set((found?.links ?? []).map((l) => `${l.list}:${l.refId}`));
    if (found === undefined || (e.links ?? []).some((l) => !links.has(l))) missing.push(`entity: ${e.gloss}`);
  }
  for (const t of golden.attributions) {
    expected++;
    if (
      !a.attributions.some(
        (g) => cueKey(g.cue.text) === cueKey(t.cue) && key(g.source.text) === key(t.source),
      )
    )
      missing.push(`attribution: ${t.gloss}`);
  }
  for (const r of golden.risk_categories) {
    expected++;
    const f = a.risks.find((g) => g.category === r.category);
    if (f === undefined || (r.subjects ?? []).some((s) => !f.subjects.includes(s)))
      missing.push(`risk: ${r.category}`);
  }
  for (const s of golden.schemes) {
    expected++;
    if (!a.schemes.some((g) => g.id === s.id)) missing.push(`scheme: ${s.gloss}`);
  }
  return { expected, missing };
}

export type { GoldenFile };

/** Accuracy of the adverse / not-adverse verdict on a labelled CSV (columns title, article, label 1 = adverse). */
export interface AdverseEvaluation {
  readonly articles: number;
  readonly accuracy: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
}

export function evaluateAdverseCsv(csvText: string): AdverseEvaluation {
  const rows = parse(csvText, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_quotes: true,
  }) as Array<Record<string, string>>;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const r of rows) {
    const label = (r.label ?? '').trim();
    if (label !== '0' && label !== '1') continue;
    const verdict = analyzeArticle(`${r.title ?? ''}\n${r.article ?? ''}`, { lang: 'en' }).adverse.adverse;
    if (label === '1') verdict ? tp++ : fn++;
    else verdict ? fp++ : tn++;
  }
  const n = tp + fp + fn + tn;
  return { articles: n, accuracy: n === 0 ? 0 : Math.round(((tp + tn) / n) * 10000) / 10000, tp, fp, fn, tn };
}

// NewsFANE fine classes → raqib entity types (the coarse mapping proposed in shared/data/arabic/SOURCES.md).
const FANE_PERSON = new Set([
  'Politician',
  'Athlete',
  'Artist',
  'Other_PER',
  'Religious_PER',
  'Scientist',
  'Businessperson',
  'Lawyer',
  'Engineer',
  'Police',
]);
const FANE_ORG = new Set([
  'Non-Governmental',
  'Government',
  'Commercial',
  'Media',
  'Sports',
  'Educational',
  'Religious_ORG',
  'Medical-Science',
  'Entertainment',
]);
const FANE_PLACE = new Set([
  'Nation',
  'Population-Center',
  'State-or-Province',
  'County-or-District',
  'GPE-Cluster',
  'Continent',
  'Water-Body',
  'Land-Region-Natural',
]);

function faneType(fine: string): string | undefined {
  if (FANE_PERSON.has(fine)) return 'person';
  if (FANE_ORG.has(fine)) return 'organisation';
  if (FANE_PLACE.has(fine)) return 'place';
  return undefined;
}

/** Entity figures on NewsFANE Gold (evaluation only, CC BY-SA): exact-span and overlap matches per type. */
export interface NerEvaluation {
  readonly sentences: number;
  readonly exact: Readonly<Record<string, Prf>>;
  /** A gold entity counts as found when a predicted entity of the same type overlaps it. */
  readonly overlapRecall: Readonly<Record<string, number>>;
}

/**
 * Scores the rule-based entity finder on NewsFANE's BIO file (token<TAB>tag, sentences split by TAB-only lines,
 * U+200E marks and BOM stripped). Sentences are rebuilt by joining tokens with spaces, so the clitics the corpus
 * splits off (و، ب، ل) stay separate words, as the corpus has them.
 */
export function evaluateNewsFane(content: string, maxSentences = Number.POSITIVE_INFINITY): NerEvaluation {
  const sentences: Array<Array<[string, string]>> = [];
  let cur: Array<[string, string]> = [];
  for (const raw of content.replace(/^\uFEFF/, '').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') {
      if (cur.length > 0) sentences.push(cur);
      cur = [];
      if (sentences.length >= maxSentences) break;
      continue;
    }
    const [tok, tag] = line.split('\t');
    if (tok === undefined || tag === undefined) continue;
    cur.push([tok.replace(/\u200e/g, ''), tag.trim()]);
  }
  if (cur.length > 0 && sentences.length < maxSentences) sentences.push(cur);
  const types = ['person', 'organisation', 'place'];
  const counts = new Map(types.map((t) => [t, { tp: 0, fp: 0, fn: 0, overlap: 0, gold: 0 }]));
  for (const s of sentences) {
    let text = '';
    const starts: number[] = [];
    for (const [tok] of s) {
      if (text !== '') text += ' ';
      starts.push(text.length);
      text += tok;
    }
    const gold: Array<{ type: string; start: number; end: number }> = [];
    s.forEach(([tok, tag], i) => {
      const start = starts[i] ?? 0;
      const t = faneType(tag.slice(2));
      if (tag.startsWith('B-') && t !== undefined) gold.push({ type: t, start, end: start + tok.length });
      else if (tag.startsWith('I-') && t !== undefined) {
        const g = gold[gold.length - 1];
        if (g !== undefined && g.type === t && g.end === start - 1) g.end = start + tok.length;
      }
    });
    const pred = analyzeArticle(text, { lang: 'ar' }).entities.map((e) => ({
      type: e.type,
      start: e.start,
      end: e.end,
    }));
    for (const t of types) {
      const c = counts.get(t);
      if (c === undefined) continue;
      const g = gold.filter((x) => x.type === t);
      const p = pred.filter((x) => x.type === t);
      const exact = g.filter((x) => p.some((y) => y.start === x.start && y.end === x.end)).length;
      c.tp += exact;
      c.fn += g.length - exact;
      c.fp += p.length - exact;
      c.gold += g.length;
      c.overlap += g.filter((x) => p.some((y) => y.start < x.end && x.start < y.end)).length;
    }
  }
  const exact: Record<string, Prf> = {};
  const overlapRecall: Record<string, number> = {};
  let all = { tp: 0, fp: 0, fn: 0, overlap: 0, gold: 0 };
  for (const [t, c] of counts) {
    exact[t] = prf(c.tp, c.fp, c.fn);
    overlapRecall[t] = c.gold === 0 ? 0 : Math.round((c.overlap / c.gold) * 10000) / 10000;
    all = {
      tp: all.tp + c.tp,
      fp: all.fp + c.fp,
      fn: all.fn + c.fn,
      overlap: all.overlap + c.overlap,
      gold: all.gold + c.gold,
    };
  }
  exact.all = prf(all.tp, all.fp, all.fn);
  overlapRecall.all = all.gold === 0 ? 0 : Math.round((all.overlap / all.gold) * 10000) / 10000;
  return { sentences: sentences.length, exact, overlapRecall };
}
