import { describe, expect, it } from 'vitest';
import { hasArabicScript, normalizeName, normalizeText, scriptOf } from './normalize.ts';

describe('normalizeName', () => {
  it('folds Arabic diacritics, tatweel, alef forms, alef maqsura, taa marbuta and hamza carriers', () => {
    expect(normalizeName('أُسَامَة').text).toBe('اسامه');
    expect(normalizeName('إبراهيم').text).toBe('ابراهيم');
    expect(normalizeName('آمنة').text).toBe('امنه');
    expect(normalizeName('مـــحـمـد').text).toBe('محمد');
    expect(normalizeName('مصطفى').text).toBe('مصطفي');
    expect(normalizeName('مؤمن').text).toBe('مومن');
    expect(normalizeName('هانئ').text).toBe('هاني');
  });

  it('folds Persian and Urdu letters to their Arabic forms', () => {
    expect(normalizeName('حسین موسوی').text).toBe('حسين موسوي');
    expect(normalizeName('کریم').text).toBe('كريم');
  });

  it('folds presentation forms (NFKC) and Latin diacritics and case', () => {
    expect(normalizeName('ﻣﺤﻤﺪ').text).toBe('محمد');
    expect(normalizeName('Usāma bin Lādin').text).toBe('usama bin ladin');
    expect(normalizeName('Erdoğan ß').text).toBe('erdogan ss');
  });

  it('joins across apostrophes and splits on punctuation', () => {
    expect(normalizeName("Al-Qa'ida").text).toBe('al qaida');
    expect(normalizeName('ʿAbd al-ʿAziz').text).toBe('abd al aziz');
  });

  it('keeps a map back to the original characters', () => {
    const original = 'Dr. ʿAbd al-Rahman';
    const n = normalizeName(original);
    expect(n.tokens.map((t) => original.slice(t.start, t.end))).toEqual(['Dr', 'Abd', 'al', 'Rahman']);
    const ar = 'صَدّام حسين';
    expect(normalizeName(ar).tokens.map((t) => ar.slice(t.start, t.end))).toEqual(['صَدّام', 'حسين']);
  });

  it('marks the token before a comma', () => {
    expect(normalizeName('BIN LADIN, Usama').tokens.map((t) => t.commaAfter)).toEqual([false, true, false]);
  });

  it('recognises scripts', () => {
    expect(scriptOf('محمد')).toBe('arabic');
    expect(scriptOf('иван')).toBe('cyrillic');
    expect(scriptOf('ali')).toBe('latin');
    expect(hasArabicScript('Ali علي')).toBe(true);
    expect(hasArabicScript('Ali')).toBe(false);
  });

  it('splits camelCase words but not a lone trailing capital (VladimirPutin, SiemensAG, GmbH)', () => {
    expect(normalizeText('VladimirPutin')).toBe('vladimir putin');
    expect(normalizeText('Volkswagen GmbH')).toBe('volkswagen gmbh');
    expect(normalizeText('SiemensAG')).toBe('siemens ag');
  });

  it('keeps the vowel signs of Indic and Southeast Asian scripts inside the word', () => {
    expect(normalizeText('नरेन्द्र मोदी')).toBe('नरेन्द्र मोदी');
    expect(normalizeText('मोदी')).not.toBe(normalizeText('मद'));
    expect(normalizeText('ប៉ុល ពត').split(' ')).toHaveLength(2);
  });
});
