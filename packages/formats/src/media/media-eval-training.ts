import { analyzeArticle } from '@raqib/core';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';

/**
 * The English adverse-media set (ut-ml-adverse-media) is third-party news: evaluation only. raqib ships no
 * weights or vocabulary learned from it. The training files are used for one thing that is shipped: the
 * adverse threshold, chosen by {@link chooseAdverseThreshold} so anyone can recompute it.
 */

/** One labelled article: title and text as the classifier sees them, and the label (true = adverse). */
export interface LabelledArticle {
  /** File and row (1-based data row) for error reports. */
  readonly ref: string;
  readonly title: string;
  readonly text: string;
  readonly adverse: boolean;
}

/** Paywall stubs and cookie notices carry no article; the training files hold many. */
const MIN_TRAINING_CHARS = 200;
/** A training zip unzips to about 22 MiB (the scraper's full response is kept); refuse anything far larger. */
const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

/**
 * Reads a training zip (adverse_media_training.csv.zip or non_adverse_media_training.csv.zip): one CSV with the
 * columns title, article, label. Only rows an assessor labelled `am` (adverse) or `nam` (not adverse) are kept;
 * blank, `delete`, `doubt`, `random`, `neither` and mixed labels are skipped, as are articles shorter than 200
 * characters. The zip's file name is not the label: the assessors moved rows between the two classes.
 */
export function readAdverseTrainingZip(zip: Uint8Array, name: string): LabelledArticle[] {
  let total = 0;
  const files = unzipSync(zip, {
    filter: (f) => {
      total += f.originalSize;
      if (total > MAX_UNZIPPED_BYTES)
        throw new Error(`${name}: unzips to more than ${MAX_UNZIPPED_BYTES} bytes, refused`);
      return f.name.endsWith('.csv');
    },
  });
  const csvNames = Object.keys(files);
  const csvName = csvNames[0];
  if (csvNames.length !== 1 || csvName === undefined)
    throw new Error(`${name}: expected exactly one .csv inside, found ${csvNames.length}`);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(files[csvName]);
  const rows = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Array<
    Record<string, string>
  >;
  const first = rows[0];
  if (first !== undefined && !('article' in first && 'label' in first && 'title' in first))
    throw new Error(`${name}: ${csvName} lacks the title, article and label columns`);
  const out: LabelledArticle[] = [];
  rows.forEach((r, i) => {
    const label = (r.label ?? '').trim().toLowerCase();
    if (label !== 'am' && label !== 'nam') return;
    const article = r.article ?? '';
    if (article.trim().length < MIN_TRAINING_CHARS) return;
    out.push({ ref: `${name}:${i + 1}`, title: r.title ?? '', text: article, adverse: label === 'am' });
  });
  return out;
}

/** Reads a test CSV (columns id, title, article, label with 1 = adverse); rows with another label are refused. */
export function readAdverseTestCsv(csvText: string, name: string): LabelledArticle[] {
  const rows = parse(csvText, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_quotes: true,
  }) as Array<Record<string, string>>;
  return rows.map((r, i) => {
    const label = (r.label ?? '').trim();
    if (label !== '0' && label !== '1')
      throw new Error(`${name}: row ${i + 1} (id ${r.id ?? '?'}) has label "${label}", expected 0 or 1`);
    return {
      ref: `${name}:${r.id ?? i + 1}`,
      title: r.title ?? '',
      text: r.article ?? '',
      adverse: label === '1',
    };
  });
}

/** An article with the classifier's score. */
export interface ScoredArticle extends LabelledArticle {
  readonly score: number;
  readonly cues: readonly string[];
}

/** Scores each article as `raqib media analyze` would see it: the title as the first line, then the text. */
export function scoreAdverseArticles(articles: readonly LabelledArticle[]): ScoredArticle[] {
  return articles.map((a) => {
    const v = analyzeArticle(`${a.title}\n${a.text}`, { lang: 'en' }).adverse;
    return { ...a, score: v.score, cues: v.cues };
  });
}

/** Accuracy and confusion counts of "score ≥ threshold means adverse". */
export interface ThresholdFigures {
  readonly threshold: number;
  readonly articles: number;
  readonly accuracy: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
}

export function figuresAt(scored: readonly ScoredArticle[], threshold: number): ThresholdFigures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const a of scored) {
    const verdict = a.score >= threshold;
    if (a.adverse) verdict ? tp++ : fn++;
    else verdict ? fp++ : tn++;
  }
  const n = scored.length;
  return {
    threshold,
    articles: n,
    accuracy: n === 0 ? 0 : Math.round(((tp + tn) / n) * 10000) / 10000,
    tp,
    fp,
    fn,
    tn,
  };
}

/**
 * The threshold rule, on the training articles only: every midpoint between two neighbouring distinct scores
 * is a candidate; keep the candidates with the highest accuracy; among them take the median candidate (the
 * middle of the best plateau, farthest from both error-prone edges), rounded to 0.25 — coarse enough that a
 * changed score in the second decimal does not move it, fine enough not to cross a training score. Recomputed
 * by `raqib media eval --threshold-rule`; the test checks that ADVERSE_THRESHOLD equals it.
 */
export function chooseAdverseThreshold(training: readonly ScoredArticle[]): ThresholdFigures {
  const scores = [...new Set(training.map((a) => a.score))].sort((a, b) => a - b);
  if (scores.length < 2) throw new Error('threshold rule: need at least two distinct training scores');
  let best = -1;
  let tied: number[] = [];
  for (let i = 1; i < scores.length; i++) {
    const cut = ((scores[i - 1] ?? 0) + (scores[i] ?? 0)) / 2;
    const acc = figuresAt(training, cut).accuracy;
    if (acc > best) {
      best = acc;
      tied = [cut];
    } else if (acc === best) tied.push(cut);
  }
  const median = tied[Math.floor((tied.length - 1) / 2)] ?? 0;
  return figuresAt(training, Math.round(median * 4) / 4);
}
