import { describe, expect, it } from 'vitest';
import { koreanName, koreanReading } from './korean-syllables.ts';
import { parseName } from './name-parse.ts';
import { buildScreeningIndex, compareNames, screenName } from './screening-index.ts';
import { personEntry } from './test-fixtures/list-entries.ts';

const score = (a: string, b: string, kind: 'person' | 'organisation' | 'any' = 'person'): number =>
  compareNames(a, b, kind).score;
const reasons = (a: string, b: string, kind: 'person' | 'organisation' | 'any' = 'person'): string[] =>
  compareNames(a, b, kind).nameScore.adjustments.map((x) => x.reason);

describe('Korean names in McCune–Reischauer, Revised Romanization and private spellings (issue 3)', () => {
  it('reads a syllable alike in every romanisation', () => {
    for (const same of [
      ['chong', 'jeong', 'jong', 'chung', 'jung'],
      ['kyong', 'gyeong', 'kyung', 'kyoung'],
      ['pyong', 'byeong'],
      ['chol', 'cheol'],
      ['kyu', 'gyu'],
      ['choe', 'choi', 'chwe'],
      ['hae', 'he'],
      ['thaek', 'taek'],
      ['song', 'seong', 'sung'],
      ['yo', 'yeo'],
      ['hyon', 'hyeon', 'hyun'],
      ['kum', 'geum'],
      ['un', 'eun'],
      ['paek', 'baek'],
    ]) {
      for (const w of same) expect(koreanReading(w), w).toBe(koreanReading(same[0] as string));
    }
    expect(koreanReading('jongun')).toBe(`${koreanReading('jong')}${koreanReading('un')}`);
    expect(koreanReading('chaewon')).toBe(`${koreanReading('chae')}${koreanReading('won')}`);
    // no Korean syllables: English and Chinese words, and two vowels meeting inside a word
    for (const w of ['john', 'paul', 'wei', 'trading', 'smith']) expect(koreanReading(w), w).toBeUndefined();
    // different syllables stay apart
    expect(koreanReading('un')).not.toBe(koreanReading('il'));
    expect(koreanReading('pak')).not.toBe(koreanReading('paek'));
  });

  it('reads a name as Korean only with a Korean surname and syllable-shaped given names', () => {
    expect(koreanName(['kim', 'jong', 'il'], -1)).toEqual({ readings: ['kim.', 'cong.', 'il.'], surname: 0 });
    expect(koreanName(['jong', 'il', 'kim'], 2)?.surname).toBe(2);
    expect(koreanName(['lee', 'byeong', 'cheol'], -1)?.readings).toEqual(
      koreanName(['ri', 'pyong', 'chol'], -1)?.readings,
    );
    expect(koreanName(['park', 'il', 'gyu'], -1)?.readings).toEqual(
      koreanName(['pak', 'il', 'kyu'], -1)?.readings,
    );
    expect(koreanName(['chong', 'wei', 'lee'], -1)?.readings).toBeUndefined();
    expect(koreanName(['john', 'kim'], -1)?.readings).toBeUndefined();
    expect(koreanName(['smith', 'jong'], -1)?.readings).toBeUndefined();
    expect(parseName('KIM, Jong Il', 'person').korean).toBeDefined();
    expect(parseName('Kang Gang', 'organisation').korean).toBeUndefined();
  });

  it('meets the same Korean name across romanisations', () => {
    for (const [a, b] of [
      ['Kim Chong Il', 'KIM, Jong Il'],
      ['Kim Jeong-il', 'KIM, Chong Il'],
      ['Pak Il Kyu', 'PAK, Il-Gyu'],
      ['Park Il Gyu', 'PAK, Il-Kyu'],
      ['Choe Ryong Hae', "Ch'oe Ryong-hae"],
      ['Choe Ryong Hae', 'Choi Ryong-hae'],
      ["Ch'oe Ryong-hae", 'Choi Ryong-hae'],
      ['Kim Kyong Hui', 'Kim Gyeong-hui'],
      ['Ri Pyong Chol', 'Ri Byeong-cheol'],
      ['Lee Byeong-cheol', 'RI PYONG CHOL'],
      ['Jang Song Thaek', 'Jang Seong-taek'],
      ['Kim Yo Jong', 'Gim Yeo-jeong'],
      ["CHO'NG So'ng-ho", 'Jeong Seong-ho'],
      ['Kim Chongun', 'KIM, Jong Un'],
      ['Jo Cholsung', 'JO CHOL SONG'],
    ] as const) {
      expect(score(a, b), `${a} / ${b}`).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('names the romanisation in the explanation', () => {
    expect(reasons('Kim Chong Il', 'KIM, Jong Il')).toContain('Korean romanisation: chong = jong');
    expect(reasons('Pak Il Kyu', 'PAK, Il-Gyu')).toContain('Korean romanisation: kyu = gyu');
    expect(reasons('Kim Chongun', 'KIM, Jong Un')).toContain('Korean romanisation: chongun = jong un');
    // a pair met by its spelling alone needs no word on romanisation
    expect(reasons('Kim Jong Il', 'KIM, Jong Il').join()).not.toContain('Korean romanisation');
  });

  it('keeps different people and names that are not Korean apart', () => {
    for (const [a, b] of [
      ['Kim Jong Un', 'Kim Jong Il'],
      ['Kim Yong Nam', 'Kim Yong Chol'],
      ['Pak Pong Ju', 'Pak Pong Chol'],
      ['Kim Jong-un', 'Kim Chong Ul'],
      ['Chong Wei Lee', 'KIM, Jong Il'],
      ['Chong Wei Lee', 'Lee Jong Wei'],
      // the surnames Jang and Kang are one letter apart, different names in every romanisation (OFAC 21736, 20130)
      ['JANG SUNG NAM', 'KANG, Song Nam'],
      // Ryu (DPRK) and Yu are two surnames (OFAC 17616, born 1965, and 39497, born 1960)
      ['RYU JIN', 'YU, Jin'],
    ] as const) {
      expect(score(a, b), `${a} / ${b}`).toBeLessThan(0.8);
    }
    // Kang and Gang as words of organisations' names are not read as Korean
    for (const [a, b] of [
      ['Gang Chong Trading', 'Kang Jong Trading'],
      ['Gang Chong', 'Kang Jong'],
    ] as const) {
      expect(score(a, b, 'organisation'), `${a} / ${b}`).toBeLessThan(0.8);
      expect(reasons(a, b, 'organisation').join(), `${a} / ${b}`).not.toContain('Korean');
    }
    expect(reasons('Kang Trading Co', 'Gang Trading Co', 'any').join()).not.toContain('Korean');
  });

  it('finds the listed Korean name through the index from another romanisation', () => {
    const entry = (refId: string, text: string) => personEntry(refId, text, 'UN', '2026-02-27');
    const index = buildScreeningIndex(
      [
        entry('KPi.024', 'KIM YONG CHOL'),
        entry('KPi.900', 'KIM YO JONG'),
        entry('KPi.901', 'KIM YONG NAM'),
        entry('KPi.902', 'KIM CHOL'),
        entry('KPi.903', 'KIM YONG'),
        entry('KPi.904', 'KIM SONG'),
        entry('KPi.905', 'KIM JONG'),
      ],
      { aliasTable: [] },
    );
    const found = (q: string): string[] => screenName(index, q).map((m) => m.entry.refId);
    expect(found('Gim Yeong-cheol')).toContain('KPi.024');
    expect(found('Kim Yongchol')).toContain('KPi.024');
    expect(found('Gim Yeo-jeong')).toContain('KPi.900');
    expect(found('Gim Yeo-jeong')).not.toContain('KPi.024');
  });
});

describe('Korean readings only where the names are Korean (review of 328169b)', () => {
  const pair = (a: string, b: string) => compareNames(a, b, 'person').score;

  it('does not merge pinyin syllables, English short forms or a surname and one short syllable', () => {
    for (const [a, b] of [
      // two pinyin names, neither in Wade-Giles: the Chinese rule's own guard
      ['Yang Kai', 'Yang Ke'],
      ['Ma Jun', 'Ma Chun'],
      ['Ma Ting Bo', 'Ma Ding Po'],
      ['Han Jun Ming', 'Han Chun Ming'],
      ['Yang Jing Hui', 'Yang Ching Hui'],
      // English given names
      ['Tom Kim', 'Dom Kim'],
      ['Ben Park', 'Pen Park'],
      ['Tim Lee', 'Dim Lee'],
      // two words with nothing Korean about their spelling: Burmese, Vietnamese, English
      ['U Tin', 'U Din'],
      ['Ha Thu', 'Ha Tu'],
      ['Jon Dan', 'Jon Tan'],
      // different surnames the table keeps apart, however the words met
      ['Pak Pong Ju', 'Paek Pong Ju'],
      ['Cho Ryong Hae', 'Choe Ryong Hae'],
      ['Jang Song Nam', 'Kang Song Nam'],
    ] as const) {
      expect(pair(a, b), `${a} / ${b}`).toBeLessThan(0.8);
    }
  });

  it('still reads Korean names alike across romanisations', () => {
    for (const [a, b] of [
      ['Kim Chong Il', 'KIM, Jong Il'],
      ['Pak Il Kyu', 'PAK, Il-Gyu'],
      ['Kim Yo Jong', 'Gim Yeo-jeong'],
      ['Ri Pyong Chol', 'Ri Byeong-cheol'],
      ['Kim Chongun', 'KIM, Jong Un'],
    ] as const) {
      expect(pair(a, b), `${a} / ${b}`).toBeGreaterThanOrEqual(0.8);
    }
  });
  it('keeps Korean pairs the first guard refused (review of 7d51f35)', () => {
    for (const [a, b] of [
      // a syllable that is also an English short form, with a Korean romanisation on one side
      ['Kim Sam Sok', 'Gim Sam Seok'],
      ['Pak Jon Hyok', 'Bak Jeon Hyeok'],
      // two words, the surname spelt in another romanisation: Ri / Yi, Pak / Bak
      ['Ri Il', 'Yi Il'],
      ['Pak Chol', 'Bak Chul'],
    ] as const) {
      expect(pair(a, b), `${a} / ${b}`).toBeGreaterThanOrEqual(0.8);
    }
    // a short form spelt otherwise is still another name when nothing is Korean about the spelling
    expect(pair('Tom Kim', 'Dom Gim')).toBeLessThan(0.8);
    // a surname spelt otherwise does not make two pinyin names Korean (third review)
    for (const [a, b] of [
      ['Li Kai', 'Lee Ke'],
      ['Kong Kai', 'Gong Ke'],
      ['Chang Jun', 'Jang Chun'],
      ['Ko Ping', 'Go Bing'],
    ] as const) {
      expect(pair(a, b), `${a} / ${b}`).toBeLessThan(0.8);
    }
  });
});
