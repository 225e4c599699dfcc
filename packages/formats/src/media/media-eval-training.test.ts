import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  chooseAdverseThreshold,
  figuresAt,
  readAdverseTestCsv,
  readAdverseTrainingZip,
  type ScoredArticle,
} from './media-eval-training.ts';

const LONG = 'The court heard that the director moved the money through three shell companies. '.repeat(4);

function trainingZip(csv: string): Uint8Array {
  return zipSync({ 'adverse_media_training.csv': strToU8(csv) });
}

describe('training files of the English adverse-media set', () => {
  it('keeps only rows an assessor labelled am or nam, with real text, and says which file and row', () => {
    const csv = [
      'source,title,article,label,explanation',
      `a,Director charged,"${LONG}",am,fraud`,
      `b,Bank opens branch,"${LONG}",nam,`,
      `c,Unchecked,"${LONG}",,`,
      `d,Mixed,"${LONG}","am, doubt",`,
      `e,Paywall,"Subscribe to read",am,`,
      `f,Spaced label,"${LONG}",am ,`,
    ].join('\n');
    const rows = readAdverseTrainingZip(trainingZip(csv), 'adverse_media_training.csv.zip');
    expect(rows.map((r) => [r.ref, r.title, r.adverse])).toEqual([
      ['adverse_media_training.csv.zip:1', 'Director charged', true],
      ['adverse_media_training.csv.zip:2', 'Bank opens branch', false],
      ['adverse_media_training.csv.zip:6', 'Spaced label', true],
    ]);
  });

  it('refuses a zip without exactly one CSV, or a CSV without the needed columns', () => {
    expect(() => readAdverseTrainingZip(zipSync({ 'a.txt': strToU8('x') }), 'x.zip')).toThrow(
      'x.zip: expected exactly one .csv inside, found 0',
    );
    expect(() => readAdverseTrainingZip(trainingZip('id,text\n1,hello\n'), 'y.zip')).toThrow(
      'y.zip: adverse_media_training.csv lacks the title, article and label columns',
    );
  });

  it('refuses a test row whose label is neither 0 nor 1, naming the row and id', () => {
    const csv = 'id,title,article,label\n7,A,text,1\n8,B,text,maybe\n';
    expect(() => readAdverseTestCsv(csv, 'public_test.csv')).toThrow(
      'public_test.csv: row 2 (id 8) has label "maybe", expected 0 or 1',
    );
    expect(readAdverseTestCsv('id,title,article,label\n7,A,text,1\n', 't.csv')).toEqual([
      { ref: 't.csv:7', title: 'A', text: 'text', adverse: true },
    ]);
  });
});

describe('the threshold rule', () => {
  const at = (score: number, adverse: boolean): ScoredArticle => ({
    ref: `r${score}`,
    title: '',
    text: '',
    adverse,
    score,
    cues: [],
  });

  it('takes the middle of the best-accuracy plateau, rounded to 0.25', () => {
    // cuts: 2.5 (3/5), 7.5 (4/5), 12.5 (4/5), 17.5 (5/5 -> best), 25 (4/5)
    const scored = [at(1, false), at(4, false), at(11, false), at(14, false), at(21, true), at(29, false)];
    const rule = chooseAdverseThreshold(scored);
    expect(rule.threshold).toBe(17.5);
    expect(rule).toMatchObject({ accuracy: 0.8333, tp: 1, fp: 1, fn: 0, tn: 4 });
  });

  it('breaks ties by the median cut, not the lowest or highest', () => {
    // alternating labels: the cuts 5, 25 and 45 all give 4 / 6 right, the others 3 / 6; the median is 25
    const scored = [0, 10, 20, 30, 40, 50].map((s, i) => at(s, i % 2 === 1));
    expect([5, 15, 25, 35, 45].map((t) => figuresAt(scored, t).accuracy)).toEqual([
      0.6667, 0.5, 0.6667, 0.5, 0.6667,
    ]);
    expect(chooseAdverseThreshold(scored).threshold).toBe(25);
  });

  it('needs two distinct scores', () => {
    expect(() => chooseAdverseThreshold([at(3, true), at(3, false)])).toThrow('at least two distinct');
  });
});
