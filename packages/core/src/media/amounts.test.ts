import { describe, expect, it } from 'vitest';
import { extractAmounts } from './amounts.ts';
import { tokenizeMedia } from './tokenize.ts';

const run = (text: string) => extractAmounts(text, tokenizeMedia(text));

describe('extractAmounts: money', () => {
  it('reads qualifier, value, currency and span', () => {
    const text = 'جنى التنظيم نحو 18 مليون دولار من بيع النفط.';
    const [m] = run(text).money;
    expect(m).toMatchObject({
      text: 'نحو 18 مليون دولار',
      value: 18_000_000,
      currency: 'USD',
      currencyAssumed: true,
      qualifier: 'approx',
    });
    expect(text.slice(m?.start, m?.end)).toBe(m?.text);
  });

  it('takes the ISO code from the country adjective and from context for a bare name', () => {
    expect(run('جمدت السلطات 20 ألف دينار كويتي.').money[0]).toMatchObject({
      currency: 'KWD',
      currencyAssumed: false,
    });
    expect(run('قال البنك المركزي العراقي إنه جمد ألف دينار.').money[0]).toMatchObject({
      value: 1000,
      currency: 'IQD',
      currencyAssumed: true,
    });
    expect(run('وفي تونس صودرت 500 دينار.').money[0]).toMatchObject({ currency: 'TND' });
  });

  it('reads a bare dinar as the ISIS gold dinar (XGD) when the article speaks of gold dinars', () => {
    const text =
      'أعلن التنظيم أن دنانيره الذهبية هي العملة الوحيدة. وباع أكثر من 100 ألف دينار بسعر أعلى من 180 دولارا للدينار الداعشي الواحد.';
    const [dinars, dollars] = run(text).money;
    expect(dinars).toMatchObject({
      value: 100_000,
      currency: 'XGD',
      currencyName: 'ISIS gold dinar',
      qualifier: 'more_than',
    });
    expect(dollars).toMatchObject({ value: 180, currency: 'USD', qualifier: 'more_than', per: 'unit' });
  });

  it('reads English symbols, codes and scales', () => {
    const r = run('Prosecutors said the bank moved USD 2.5bn, €1.2 million and £500,000 and some $180 each.');
    expect(r.money.map((m) => [m.value, m.currency, m.qualifier, m.per])).toEqual([
      [2_500_000_000, 'USD', undefined, undefined],
      [1_200_000, 'EUR', undefined, undefined],
      [500_000, 'GBP', undefined, undefined],
      [180, 'USD', 'approx', 'unit'],
    ]);
  });

  it('reports vague amounts with a magnitude and no value', () => {
    const [m] = run('وتدر تجارة المخدرات عشرات الملايين من الدولارات سنوياً.').money;
    expect(m).toMatchObject({
      value: null,
      magnitude: 10_000_000,
      currency: 'USD',
      qualifier: 'vague',
      per: 'year',
    });
  });

  it('does not report years, counts or phone numbers as money', () => {
    expect(run('وقع الهجوم في عام 2014 وأسفر عن مقتل 25 شخصاً. اتصل على 009647701234567.').money).toEqual([]);
  });
});

describe('extractAmounts: quantities and percentages', () => {
  it('reads quantity, unit, commodity and period', () => {
    const [q] = run('ينتجان ما لا يقل عن 25 ألف برميل نفط يوميا').quantities;
    expect(q).toMatchObject({
      value: 25_000,
      unit: 'barrel',
      commodity: 'oil',
      per: 'day',
      qualifier: 'more_than',
    });
    expect(run('ضبط 3 أطنان من حبوب الكبتاغون').quantities[0]).toMatchObject({
      value: 3,
      unit: 'tonne',
      commodity: 'captagon',
    });
    expect(run('about 25,000 barrels of oil a day').quantities[0]).toMatchObject({
      per: 'day',
      commodity: 'oil',
      qualifier: 'approx',
    });
  });

  it('reads percentages in digits, Arabic percent sign and words', () => {
    expect(run('فقد قرابة 90% من الآبار').percentages[0]).toMatchObject({
      value: 90,
      qualifier: 'approx',
      text: 'قرابة 90%',
    });
    expect(run('بنسبة ٢٥٪').percentages[0]).toMatchObject({ value: 25, text: 'بنسبة ٢٥٪' });
    expect(run('بنسبة ثلاثين بالمئة').percentages[0]).toMatchObject({ value: 30 });
    expect(run('more than 75 percent').percentages[0]).toMatchObject({ value: 75, qualifier: 'more_than' });
  });
});
