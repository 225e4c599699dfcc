import { describe, expect, it } from 'vitest';
import { chineseReading, isWadeGiles } from './chinese-syllables.ts';
import { compareNames } from './screening-index.ts';

const score = (a: string, b: string): number => compareNames(a, b, 'person').score;

describe('Chinese names in pinyin and Wade-Giles', () => {
  it('reads both romanisations of a syllable alike', () => {
    expect(chineseReading('hsi')).toBe(chineseReading('xi'));
    expect(chineseReading('chin')).toBe(chineseReading('jin'));
    expect(chineseReading('tse')).toBe(chineseReading('ze'));
    expect(chineseReading('tung')).toBe(chineseReading('dong'));
    expect(chineseReading('shih')).toBe(chineseReading('shi'));
    expect(chineseReading('jinping')).toBe(`${chineseReading('chin')}${chineseReading('ping')}`);
    expect(chineseReading('smith')).toBeUndefined();
    expect(chineseReading('hsi')).not.toBe(chineseReading('shi')); // 习 and 史 are different names
  });

  it('knows a Wade-Giles spelling', () => {
    expect(isWadeGiles('hsi')).toBe(true);
    expect(isWadeGiles('tung')).toBe(true);
    expect(isWadeGiles('xi')).toBe(false);
    expect(isWadeGiles('jung')).toBe(true);
  });

  it('meets a name in pinyin with the same name in Wade-Giles, not another name', () => {
    expect(score('Hsi Chin-ping', 'Xi Jinping')).toBeGreaterThanOrEqual(0.85);
    expect(score('Mao Tse-tung', 'Mao Zedong')).toBeGreaterThanOrEqual(0.85);
    expect(score('Chou En-lai', 'Zhou Enlai')).toBeGreaterThanOrEqual(0.8);
    expect(score('Hsi Chin-ping', 'Xi Jiabao')).toBeLessThan(0.8);
    expect(score('Mao Tse-tung', 'Mao Zhedong')).toBeLessThan(0.8);
  });

  it('leaves names that are not all Chinese syllables, or with no Wade-Giles mark, to the other rules', () => {
    // p/b and t/d are one class only when one name shows Wade-Giles: Pao Tan is not Bao Dan, Pao Tung is Bao Dong
    expect(score('Pao Tan', 'Bao Dan')).toBeLessThan(0.8);
    expect(score('Pao Tung', 'Bao Dong')).toBeGreaterThanOrEqual(0.85);
    expect(score('Carl Jung', 'Carl Dong')).toBeLessThan(0.8);
  });
});
