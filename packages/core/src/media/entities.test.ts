import { describe, expect, it } from 'vitest';
import { extractEntities } from './entities.ts';
import { tokenizeMedia } from './tokenize.ts';

const run = (text: string) => extractEntities(text, tokenizeMedia(text));

describe('extractEntities', () => {
  it('links a listed group named by its Arabic alias to the UN and OFAC entries', () => {
    const [isil] = run('وكشفت مصادر أن داعش بدأ بتحويل أمواله.');
    expect(isil).toMatchObject({
      type: 'organisation',
      text: 'داعش',
      canonical: 'ISIL',
      subtype: 'listed-group',
    });
    expect(isil?.links?.map((l) => `${l.list}:${l.refId}`).sort()).toEqual(['OFAC-SDN:8759', 'UN:QDe.115']);
  });

  it('finds places from the gazetteer without the proclitic, and the countryside of a town', () => {
    const text = 'الاشتباكات في #العراق وسوريا و#ريف_دير_الزور الشرقي';
    const places = run(text).filter((e) => e.type === 'place');
    expect(places.map((p) => [p.text, p.canonical])).toEqual([
      ['العراق', 'Iraq'],
      ['سوريا', 'Syria'],
      ['ريف_دير_الزور الشرقي', 'eastern Deir ez-Zor countryside'],
    ]);
    for (const p of places) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('finds a person by apposition and later mentions of the family name alone', () => {
    const text =
      'وكان سيرجيو فيوكتيستوف، نائب رئيس القسم، قد أكد أن التنظيم يراكم الأموال. وقال فيوكتيستوف إن ذلك تغير.';
    const persons = run(text).filter((e) => e.type === 'person');
    expect(persons.map((p) => [p.text, p.rule])).toEqual([
      ['سيرجيو فيوكتيستوف', 'apposition'],
      ['فيوكتيستوف', 'coreference'],
    ]);
  });

  it('reads organisation heads with definite words and oil fields after حقلي', () => {
    const ents = run('وفقاً لبيان البنك المركزي العراقي، يسيطر التنظيم على حقلي التنك والعمر النفطيين.');
    expect(ents.map((e) => [e.type, e.text])).toEqual([
      ['organisation', 'البنك المركزي العراقي'],
      ['place', 'التنك'],
      ['place', 'العمر'],
    ]);
  });

  it('does not read prepositions that fold onto given names as persons (على → علي)', () => {
    expect(run('وحصل المتهم على ثمانية عشر مليون دولار.').filter((e) => e.type === 'person')).toEqual([]);
  });

  it('types English capitalised names by suffix and lexicon', () => {
    const ents = run(
      'ISIS sold gold dinars, according to the U.S. Treasury and Lloyds Bank. The fixer Mark Swartz said so.',
    );
    expect(ents.map((e) => [e.type, e.text])).toEqual([
      ['organisation', 'ISIS'],
      ['organisation', 'U.S. Treasury'],
      ['organisation', 'Lloyds Bank'],
      ['person', 'Mark Swartz'],
    ]);
  });
});
