import { describe, expect, it } from 'vitest';
import { parseName } from './name-parse.ts';
import { normalizeText } from './normalize.ts';
import { arabicKey, latinKey, looseKey } from './phonetic-key.ts';
import { tokenSimilarity } from './token-similarity.ts';

const tok = (text: string) => {
  const t = parseName(text, 'person').tokens[0];
  if (!t) throw new Error(`no token in ${text}`);
  return t;
};

describe('transliteration keys', () => {
  it('meet across Arabic script and its romanisation families', () => {
    const pairs: [string, string[]][] = [
      ['محمد', ['Muhammad', 'Mohammed', 'Mohamed', 'Mohamad']],
      ['القذافي', ['Qaddafi', 'Gaddafi', 'Kadhafi']],
      ['حسين', ['Hussein', 'Husayn', 'Hussain']],
      ['يوسف', ['Yusuf', 'Yousef']],
      ['أسامة', ['Usama', 'Osama']],
    ];
    for (const [ar, latins] of pairs) {
      const key = arabicKey(normalizeText(ar).replace(/^ال/, ''));
      for (const l of latins) expect(latinKey(normalizeText(l)), `${ar} ~ ${l}`).toBe(key);
    }
  });

  it('keep consonants that tell names apart', () => {
    expect(latinKey('hamid')).not.toBe(latinKey('rashid'));
    expect(arabicKey('جمال')).not.toBe(arabicKey('كمال'));
  });

  it('loose keys merge the consonants Persian pronounces alike and drop h', () => {
    expect(looseKey(arabicKey('عظيم'))).toBe(looseKey(latinKey('azim')));
    expect(looseKey('Xhd')).toBe('kd');
  });
});

describe('tokenSimilarity across scripts', () => {
  it('says transliteration and checks the written long vowels', () => {
    expect(tokenSimilarity(tok('تكريتي'), tok('Tikriti'))).toEqual({ sim: 0.95, how: 'transliteration' });
    // a two-consonant key (ʿAbbasi → bs) is weaker evidence, unless the written vowels and length agree too
    expect(tokenSimilarity(tok('عباسي'), tok('Abbasi'))).toEqual({ sim: 0.92, how: 'transliteration' });
    expect(tokenSimilarity(tok('عباسي'), tok('Abbasiyyah')).sim).toBeLessThanOrEqual(0.85);
    // معين writes a long i inside the word: Moein, not Man
    expect(tokenSimilarity(tok('معين'), tok('Moein')).sim).toBeGreaterThan(
      tokenSimilarity(tok('معين'), tok('Man')).sim,
    );
    // حسنا ends in a written long vowel; Hossein does not: same consonants, not the same name
    expect(tokenSimilarity(tok('حسنا'), tok('Hossein')).sim).toBeLessThanOrEqual(0.6);
  });

  it('checks the long vowels written inside the Arabic word for keys of every length (معصومه is not Maysam)', () => {
    // three consonants and more: the key alone met these before
    expect(tokenSimilarity(tok('معصومه'), tok('Masoumeh')).sim).toBeGreaterThanOrEqual(0.9);
    expect(tokenSimilarity(tok('معصومه'), tok('Maysam')).sim).toBeLessThanOrEqual(0.6);
    expect(tokenSimilarity(tok('عباسی'), tok('Absi')).sim).toBeLessThanOrEqual(0.6);
    // after a first ʿayn the long a is the Latin's first letter
    expect(tokenSimilarity(tok('عامر'), tok('Amir')).sim).toBeGreaterThanOrEqual(0.9);
  });

  it('finds a long vowel at the edge of the Arabic word in the same syllable of the Latin (فصيل is not Faisal)', () => {
    // فيصل writes its long i in the first syllable, فصيل in the last: Faisal is the one, Fasil the other
    expect(tokenSimilarity(tok('فصيل'), tok('Faisal')).sim).toBeLessThanOrEqual(0.6);
    expect(tokenSimilarity(tok('فصيل'), tok('Fasil')).sim).toBeGreaterThanOrEqual(0.9);
    expect(tokenSimilarity(tok('فيصل'), tok('Faisal')).sim).toBeGreaterThanOrEqual(0.9);
    // ثامر writes a long a after its first consonant: Thamer, Tamer; not Timur
    expect(tokenSimilarity(tok('ثامر'), tok('Timur')).sim).toBeLessThanOrEqual(0.6);
    expect(tokenSimilarity(tok('ثامر'), tok('Thamer')).sim).toBeGreaterThanOrEqual(0.9);
    // a diphthong's glide and a silent final e still carry the vowel (Husayn, Raheem, Yassine)
    for (const [ar, lat] of [
      ['حسين', 'Husayn'],
      ['رحيم', 'Raheem'],
      ['محمود', 'Mahmoud'],
      ['ياسين', 'Yassine'],
      ['سعيد', 'Sayed'],
    ] as const)
      expect(tokenSimilarity(tok(ar), tok(lat)).sim, `${ar} ~ ${lat}`).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the ي of a final ـيا in the Latin (هليا is Helia, not Hawala)', () => {
    expect(tokenSimilarity(tok('هليا'), tok('Hawala')).sim).toBeLessThanOrEqual(0.6);
    expect(tokenSimilarity(tok('هليا'), tok('Helia')).sim).toBeGreaterThanOrEqual(0.9);
    expect(tokenSimilarity(tok('زكريا'), tok('Zakariya')).sim).toBeGreaterThanOrEqual(0.9);
    expect(tokenSimilarity(tok('دنيا'), tok('Dunya')).sim).toBeGreaterThanOrEqual(0.9);
  });

  it('reads و as v the Persian way, as an alternative key (جواد = Javad, موسوی = Mousavi, وحید = Vahid)', () => {
    for (const [ar, lat] of [
      ['جواد', 'Javad'],
      ['موسوی', 'Mousavi'],
      ['وحید', 'Vahid'],
      ['نوید', 'Navid'],
      ['داوود', 'Davood'],
    ] as const)
      expect(tokenSimilarity(tok(ar), tok(lat)).sim, `${ar} ~ ${lat}`).toBeGreaterThanOrEqual(0.89);
    // the Arabic reading stays the main key: جواد = Jawad
    expect(tokenSimilarity(tok('جواد'), tok('Jawad')).sim).toBeGreaterThanOrEqual(0.9);
  });

  it('reads a final alef as a, e or o, never i (رضا is Reza, not Razi)', () => {
    expect(tokenSimilarity(tok('رضا'), tok('Razi')).sim).toBeLessThanOrEqual(0.6);
    expect(tokenSimilarity(tok('رضا'), tok('Reza')).sim).toBeGreaterThan(0.6);
    // a final ي may be a folded alef maqsura: موسى = Musa
    expect(tokenSimilarity(tok('موسى'), tok('Musa')).sim).toBeGreaterThanOrEqual(0.9);
  });

  it('meets a Latin country name only with the Arabic name of that country (كرماني is Kermani, not Germany)', () => {
    expect(tokenSimilarity(tok('كرماني'), tok('Germany')).sim).toBe(0);
    expect(tokenSimilarity(tok('كرماني'), tok('Kermani')).sim).toBeGreaterThanOrEqual(0.9);
    expect(tokenSimilarity(tok('السودان'), tok('Sudan')).sim).toBeGreaterThanOrEqual(0.9);
    expect(tokenSimilarity(tok('ألمانيا'), tok('Germany'))).toEqual({ sim: 0.9, how: 'translation' });
    // Persian and Urdu spell the exonym with their own letters
    expect(tokenSimilarity(tok('پاکستان'), tok('Pakistan')).sim).toBeGreaterThanOrEqual(0.9);
  });

  it('meets a one-consonant key only with a Latin spelling not shorter by two letters (ايليا is not Ali)', () => {
    expect(tokenSimilarity(tok('ايليا'), tok('Ali')).sim).toBe(0);
    expect(tokenSimilarity(tok('ايليا'), tok('Ilya')).sim).toBeGreaterThan(0);
    // the Latin adds the short vowels Arabic leaves unwritten
    expect(tokenSimilarity(tok('طه'), tok('Taha')).sim).toBeGreaterThan(0);
    expect(tokenSimilarity(tok('علي'), tok('Ali')).sim).toBeGreaterThan(0);
  });

  it('keeps common names apart when their keys collide (محمد is not Mahmud)', () => {
    expect(tokenSimilarity(tok('محمد'), tok('Mahmud')).sim).toBe(0);
    expect(tokenSimilarity(tok('محمد'), tok('Mohamed')).sim).toBeGreaterThanOrEqual(0.95);
  });

  it('uses alternative keys for digraphs read as two letters and Egyptian g', () => {
    expect(tokenSimilarity(tok('لكحل'), tok('Lakhal')).sim).toBeGreaterThanOrEqual(0.85);
    expect(tokenSimilarity(tok('رجب'), tok('Ragab')).sim).toBeGreaterThanOrEqual(0.85);
  });

  it('between Latin spellings, needs a spelling family or close spellings, not just the same consonants', () => {
    expect(tokenSimilarity(tok('Youssef'), tok('Yusuf'))).toEqual({ sim: 0.95, how: 'spelling-variant' });
    expect(tokenSimilarity(tok('Mary'), tok('Mario')).sim).toBeLessThan(0.8);
  });
});

describe('readings of Arabic letters that romanisations write', () => {
  it('reads a final taa marbuta as t (ʿUsbat, Jamiat, Qaʿidat)', () => {
    expect(tokenSimilarity(tok('عصبة'), tok('Asbat')).sim).toBeGreaterThanOrEqual(0.75);
    expect(tokenSimilarity(tok('جمعية'), tok('Jamiat')).sim).toBeGreaterThanOrEqual(0.75);
  });

  it('reads the Pashto letters: ځ as z or j (Zadran, Jadran), retroflex ډ ړ ټ ڼ as d r t n', () => {
    expect(tokenSimilarity(tok('ځدران'), tok('Zadran')).sim).toBeGreaterThanOrEqual(0.9);
    expect(tokenSimilarity(tok('ځدران'), tok('Jadran')).sim).toBeGreaterThanOrEqual(0.85);
    expect(tok('ډېر').key).toBe(tok('Dir').key);
    expect(tokenSimilarity(tok('ړنګ'), tok('Rang')).sim).toBeGreaterThan(0);
  });

  it('reads ذ and ظ as the digraph th (Kathim = كاظم, Thahab = ذهب)', () => {
    expect(tokenSimilarity(tok('كاظم'), tok('Kathim')).sim).toBeGreaterThanOrEqual(0.85);
    expect(tokenSimilarity(tok('ذهب'), tok('Thahab')).sim).toBeGreaterThanOrEqual(0.85);
  });

  it('keys a glued -al-Din like the Latin glued form (نورالدين = Nooruddin)', () => {
    expect(tok('نورالدين').key).toBe(tok('Nooruddin').key);
  });

  it('reads ch inside a Latin word as kh, not at its start (Barich = بريخ, Cheryl is not خيرالله)', () => {
    expect(tokenSimilarity(tok('بريخ'), tok('Barich')).sim).toBeGreaterThanOrEqual(0.85);
    expect(tokenSimilarity(tok('خيرالله'), tok('Cheryl')).sim).toBe(0);
  });
});

describe('keeping different names apart across scripts', () => {
  it('does not read an h that is the Arabic word’s own first consonant as the onset of alef (احسان is not Hossein)', () => {
    expect(tokenSimilarity(tok('احسان'), tok('Hossein')).sim).toBeLessThanOrEqual(0.6);
    expect(tokenSimilarity(tok('احسان'), tok('Ehsan')).sim).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps a leading h in the loose key (مهديان is not Hamdan)', () => {
    expect(looseKey('hmdn')).toBe('hmdn');
    expect(tokenSimilarity(tok('مهديان'), tok('Hamdan')).sim).toBe(0);
  });

  it('knows more common names that share a key with another (عامر/Omar, حاتم/Haytham, ايمان/Ayman)', () => {
    expect(tokenSimilarity(tok('عامر'), tok('Omar')).sim).toBe(0);
    expect(tokenSimilarity(tok('حاتم'), tok('Haytham')).sim).toBe(0);
    expect(tokenSimilarity(tok('ايمان'), tok('Ayman')).sim).toBe(0);
    expect(tokenSimilarity(tok('عامر'), tok('Amer')).sim).toBeGreaterThanOrEqual(0.85);
  });
});
