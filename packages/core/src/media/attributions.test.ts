import { describe, expect, it } from 'vitest';
import { extractAttributions } from './attributions.ts';
import { splitMediaSentences } from './sentences.ts';
import { tokenizeMedia } from './tokenize.ts';

const run = (text: string) => extractAttributions(text, tokenizeMedia(text), splitMediaSentences(text));

describe('extractAttributions', () => {
  it('reads the source after an Arabic reporting verb up to the complementiser', () => {
    const [a] = run('كشفت وزارة الخزانة الأمريكية أن التنظيم حوّل ١٨ مليون دولار إلى الخارج.');
    expect(a?.cue.text).toBe('كشفت');
    expect(a?.source.text).toBe('وزارة الخزانة الأمريكية');
    expect(a?.statement.text).toBe('أن التنظيم حوّل ١٨ مليون دولار إلى الخارج');
  });

  it('ends a definite source at the first indefinite word and marks anonymous sources', () => {
    expect(run('وأعلنت النيابة العامة ضبط 3 أطنان.')[0]?.source.text).toBe('النيابة العامة');
    const [anon] = run('وصرح مصدر مسؤول للعربية بأن الخلية تلقت أموالاً.');
    expect(anon).toMatchObject({ anonymous: true, source: { text: 'مصدر مسؤول' } });
  });

  it('carries a bare «وقال:» over to the latest named source', () => {
    const out = run(
      'لجأ التنظيم بحسب فيوكتيستوف إلى فرض عملته. وقال: "أعلن التنظيم أن دنانيره هي العملة الوحيدة".',
    );
    expect(out.map((a) => [a.cue.text, a.source.text, a.sourceResolved])).toEqual([
      ['بحسب', 'فيوكتيستوف', false],
      ['قال', 'فيوكتيستوف', true],
      ['أعلن', 'التنظيم', false],
    ]);
  });

  it('reads prepositional cues with a glued لـ and with a verb', () => {
    expect(run('وفقاً لبيان صادر عن البنك المركزي العراقي، جرى التجميد.')[0]?.source.text).toBe(
      'بيان صادر عن البنك المركزي العراقي',
    );
    expect(run('وحسبما أفادت وكالة رويترز، دفعت الشركة غرامة.')[0]).toMatchObject({
      cue: { text: 'حسبما أفادت' },
      source: { text: 'وكالة رويترز' },
    });
  });

  it('reads English sources before "said" and after "according to"', () => {
    expect(run('The group earned $18 million, a FATF report said.')[0]?.source.text).toBe('a FATF report');
    expect(run('ISIS sold gold dinars, according to the U.S. Treasury.')[0]?.source.text).toBe(
      'the U.S. Treasury',
    );
    expect(run('Nearly 90% came from oil, officials told reporters.')[0]).toMatchObject({ anonymous: true });
  });
});
