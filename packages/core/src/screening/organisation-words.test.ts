import { describe, expect, it } from 'vitest';
import { parseName } from './name-parse.ts';
import { translationsOf } from './organisation-words.ts';
import { compareNames } from './screening-index.ts';

describe('Arabic organisation words in translation', () => {
  it('meet their English rendering, in the mirrored order of the other language, and say so', () => {
    const r = compareNames(
      'الجماعة الإسلامية المقاتلة الليبية',
      'LIBYAN ISLAMIC FIGHTING GROUP',
      'organisation',
    );
    expect(r.score).toBeGreaterThanOrEqual(0.85);
    expect(r.nameScore.pairs.map((p) => p.how)).toEqual(Array(4).fill('translation'));
    expect(r.nameScore.adjustments).toEqual([]);
  });

  it('hold only organisation vocabulary, never personal names', () => {
    expect(translationsOf('جبهه')).toContain('front');
    expect(translationsOf('محمد')).toEqual([]);
    expect(compareNames('جبهة', 'Jabha', 'organisation').nameScore.pairs[0]?.how).not.toBe('translation');
  });

  it('set Arabic and Pashto connecting words aside in names of any kind (في = in)', () => {
    expect(parseName('القاعدة في العراق', 'any').dropped.map((t) => t.text)).toContain('في');
    expect(
      compareNames('القاعدة في العراق', 'AL-QAIDA IN IRAQ', 'organisation').score,
    ).toBeGreaterThanOrEqual(0.85);
  });

  it('drop Persian and Urdu spellings of legal forms (لمتد = Ltd)', () => {
    expect(parseName('راحت لمتد', 'organisation').tokens.map((t) => t.text)).toEqual(['راحت']);
  });

  it('split a particle glued to the article off the word (والشام = and the Levant, للصرافة = for the exchange)', () => {
    const p = parseName('الدولة الإسلامية في العراق والشام', 'any');
    expect(p.tokens.map((t) => t.text)).toEqual(['دوله', 'اسلاميه', 'عراق', 'شام']);
    expect(p.dropped.map((t) => t.text)).toContain('وال');
    expect(parseName('للصرافة', 'organisation').tokens.map((t) => t.text)).toEqual(['صرافه']);
    // a personal name is left whole (فالح = Falih)
    expect(parseName('فالح', 'person').tokens.map((t) => t.text)).toEqual(['فالح']);
  });
});
