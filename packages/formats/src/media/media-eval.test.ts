import { existsSync, readFileSync } from 'node:fs';
import { ADVERSE_THRESHOLD, analyzeArticle } from '@raqib/core';
import { describe, expect, it } from 'vitest';
import {
  checkGolden,
  chooseAdverseThreshold,
  evaluateAdverseCsv,
  evaluateCases,
  evaluateNewsFane,
  type GoldenFile,
  moneyMatches,
  prf,
  readAdverseTrainingZip,
  scoreAdverseArticles,
} from './media-eval.ts';

const repo = new URL('../../../../', import.meta.url);
const at = (p: string) => new URL(p, repo);
const SEED = at('../shared/seed/000_876e788b94d627ed.txt');
const ADVERSE = at('../shared/data/arabic/adverse_media_en/ut_ml_adverse_media/');
const hasSeed = existsSync(SEED);
const hasAdverse = existsSync(new URL('public_test.csv', ADVERSE));
const TRAINING = ['adverse_media_training.csv.zip', 'non_adverse_media_training.csv.zip'];
const hasTraining = TRAINING.every((f) => existsSync(new URL(f, ADVERSE)));
const NEWSFANE = at('../shared/data/arabic/ner/newsfane_gold_2014/NewsFANE_Gold_2014_170K.txt');
const hasNewsFane = existsSync(NEWSFANE);

describe('scoring helpers', () => {
  it('computes P/R/F1 and matches money within 0.5 % and the same currency', () => {
    expect(prf(8, 2, 0)).toMatchObject({ precision: 0.8, recall: 1, f1: 0.8889 });
    expect(moneyMatches({ value: 1000, currency: 'USD' }, { value: 1004, currency: 'USD' })).toBe(true);
    expect(moneyMatches({ value: 1000, currency: 'USD' }, { value: 1006, currency: 'USD' })).toBe(false);
    expect(moneyMatches({ value: 1000, currency: 'USD' }, { value: 1000, currency: 'EUR' })).toBe(false);
    expect(
      moneyMatches(
        { value: null, currency: 'USD', magnitude: 1e7 },
        { value: null, currency: 'USD', magnitude: 1e7 },
      ),
    ).toBe(true);
  });
});

describe('the 38 fixture cases (fixtures/media/extraction-cases.jsonl)', () => {
  const r = evaluateCases(readFileSync(at('fixtures/media/extraction-cases.jsonl'), 'utf8'));
  it('finds money with F1 ≥ 0.95 and the right qualifier on every matched item', () => {
    expect(r.cases).toBe(38);
    expect(r.money.f1).toBeGreaterThanOrEqual(0.95);
    expect(r.qualifier.correct / r.qualifier.total).toBeGreaterThanOrEqual(0.95);
  });
  it('finds quantities, percentages and attributions', () => {
    expect(r.quantities.f1).toBeGreaterThanOrEqual(0.95);
    expect(r.percentages.f1).toBeGreaterThanOrEqual(0.95);
    expect(r.attributions.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.entities.recall).toBeGreaterThanOrEqual(0.9);
    expect(r.riskCategories.f1).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the seed article against its hand-written golden file', () => {
  it.skipIf(!hasSeed)('finds every expected item (skips when ../shared/seed is absent)', () => {
    const golden = JSON.parse(readFileSync(at('fixtures/media/seed-golden.json'), 'utf8')) as GoldenFile;
    const result = checkGolden(golden, analyzeArticle(readFileSync(SEED, 'utf8')));
    expect(result.missing).toEqual([]);
    expect(result.expected).toBe(34);
  });
});

describe('English adverse vs not (ut-ml-adverse-media test sets, evaluation only)', () => {
  it.skipIf(!hasTraining)(
    'the shipped threshold is the one the rule picks on the training files alone (skips when ../shared is absent)',
    () => {
      const training = TRAINING.flatMap((f) => readAdverseTrainingZip(readFileSync(new URL(f, ADVERSE)), f));
      // am / nam rows with at least 200 characters of text (docs/media.md)
      expect(training.length).toBe(712);
      const rule = chooseAdverseThreshold(scoreAdverseArticles(training));
      expect(rule.threshold).toBe(ADVERSE_THRESHOLD);
      expect(rule.accuracy).toBeGreaterThanOrEqual(0.9);
    },
  );
  it.skipIf(!hasAdverse)('classifies the public test set (skips when ../shared is absent)', () => {
    const pub = evaluateAdverseCsv(readFileSync(new URL('public_test.csv', ADVERSE), 'utf8'));
    expect(pub.articles).toBe(159);
    // figure in docs/media.md; public_test served as a validation set, the threshold is the training rule's
    expect(pub.accuracy).toBeGreaterThanOrEqual(0.9);
  });
  it.skipIf(!hasAdverse)('classifies the held-out private test set (skips when ../shared is absent)', () => {
    const priv = evaluateAdverseCsv(readFileSync(new URL('private_test.csv', ADVERSE), 'utf8'));
    expect(priv.articles).toBe(159);
    // target 0.85; figure in docs/media.md, measured once with the frozen classifier and threshold
    expect(priv.accuracy).toBeGreaterThanOrEqual(0.85);
  });
});

describe('entities on NewsFANE Gold (CC BY-SA, evaluation only; nothing trained on it)', () => {
  it.skipIf(!hasNewsFane)(
    'finds places well and persons and organisations with precision (skips when ../shared is absent)',
    () => {
      const r = evaluateNewsFane(readFileSync(NEWSFANE, 'utf8'), 1000);
      expect(r.sentences).toBe(1000);
      // full-corpus figures are in docs/media.md; these floors hold on the first 1,000 sentences
      expect(r.exact.place?.f1).toBeGreaterThanOrEqual(0.65);
      expect(r.exact.all?.precision).toBeGreaterThanOrEqual(0.65);
    },
  );
});
