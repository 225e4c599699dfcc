import { describe, expect, it } from 'vitest';
import { normalizeMedia, procliticVariants } from './normalize.ts';
import { splitMediaSentences } from './sentences.ts';
import { tokenizeMedia } from './tokenize.ts';

describe('normalizeMedia', () => {
  it('folds hamza seats, taa marbuta, alef maqsura, diacritics, tatweel and Arabic-Indic digits', () => {
    expect(normalizeMedia('أكثر')).toBe('اكثر');
    expect(normalizeMedia('دولاراً')).toBe('دولارا');
    expect(normalizeMedia('الإسلامية')).toBe('الاسلاميه');
    expect(normalizeMedia('على')).toBe('علي');
    expect(normalizeMedia('بـ١٨٠')).toBe('ب180');
    expect(normalizeMedia('ISIS')).toBe('isis');
  });

  it('lists forms without proclitics, restoring the article after li-', () => {
    expect(procliticVariants('وبالدولار')).toEqual(['وبالدولار', 'بالدولار', 'الدولار']);
    expect(procliticVariants('للدينار')).toEqual(['للدينار', 'لدينار', 'الدينار']);
    expect(procliticVariants('من')).toEqual(['من']);
  });
});

describe('tokenizeMedia', () => {
  it('keeps character spans into the original text', () => {
    const text = 'باع أكثر من ١٠٠ ألف دينار.';
    for (const t of tokenizeMedia(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('splits a proclitic glued to digits and reads Arabic separators', () => {
    const toks = tokenizeMedia('بـ180 و٣٬٥٠٠ و١٫٥');
    expect(toks.map((t) => [t.kind, t.norm])).toEqual([
      ['word', 'ب'],
      ['number', '180'],
      ['word', 'و'],
      ['number', '3500'],
      ['word', 'و'],
      ['number', '1.5'],
    ]);
    expect(toks[1]?.spaceBefore).toBe(false);
  });

  it('splits hashtags on underscores and keeps English thousands separators', () => {
    expect(tokenizeMedia('#ريف_دير_الزور').map((t) => t.text)).toEqual(['#', 'ريف', 'دير', 'الزور']);
    expect(tokenizeMedia('£500,000 and 3.5').map((t) => t.norm)).toEqual(['£', '500000', 'and', '3.5']);
  });
});

describe('splitMediaSentences', () => {
  it('splits on full stops but not inside numbers, initials or abbreviations', () => {
    const s = splitMediaSentences('Mr. Smith moved $3.5 million to the U.S. bank. He was charged! Was he?');
    expect(s.map((x) => x.text)).toEqual([
      'Mr. Smith moved $3.5 million to the U.S. bank.',
      'He was charged!',
      'Was he?',
    ]);
  });

  it('splits scraped Arabic text joined with "., " and keeps closing quotes', () => {
    const text = 'قال: "بدأ التنظيم بتحويل الأموال"., ويبدو أن الأموال تذهب إلى الخارج؟ نعم';
    const s = splitMediaSentences(text);
    expect(s.map((x) => x.text)).toEqual([
      'قال: "بدأ التنظيم بتحويل الأموال".',
      'ويبدو أن الأموال تذهب إلى الخارج؟',
      'نعم',
    ]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
});
