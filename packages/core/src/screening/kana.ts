/**
 * Japanese kana romanised (Hepburn), for names written in katakana (foreign names: バラク・オバマ) or hiragana.
 * Japanese has no l and closes syllables with a vowel (Barack → baraku), so a kana name is compared with Latin
 * names by its consonant key only, as Arabic script is, with r also read as l.
 */

const KANA: Readonly<Record<string, string>> = {
  ア: 'a',
  イ: 'i',
  ウ: 'u',
  エ: 'e',
  オ: 'o',
  カ: 'ka',
  キ: 'ki',
  ク: 'ku',
  ケ: 'ke',
  コ: 'ko',
  ガ: 'ga',
  ギ: 'gi',
  グ: 'gu',
  ゲ: 'ge',
  ゴ: 'go',
  サ: 'sa',
  シ: 'shi',
  ス: 'su',
  セ: 'se',
  ソ: 'so',
  ザ: 'za',
  ジ: 'ji',
  ズ: 'zu',
  ゼ: 'ze',
  ゾ: 'zo',
  タ: 'ta',
  チ: 'chi',
  ツ: 'tsu',
  テ: 'te',
  ト: 'to',
  ダ: 'da',
  ヂ: 'ji',
  ヅ: 'zu',
  デ: 'de',
  ド: 'do',
  ナ: 'na',
  ニ: 'ni',
  ヌ: 'nu',
  ネ: 'ne',
  ノ: 'no',
  ハ: 'ha',
  ヒ: 'hi',
  フ: 'fu',
  ヘ: 'he',
  ホ: 'ho',
  バ: 'ba',
  ビ: 'bi',
  ブ: 'bu',
  ベ: 'be',
  ボ: 'bo',
  パ: 'pa',
  ピ: 'pi',
  プ: 'pu',
  ペ: 'pe',
  ポ: 'po',
  マ: 'ma',
  ミ: 'mi',
  ム: 'mu',
  メ: 'me',
  モ: 'mo',
  ヤ: 'ya',
  ユ: 'yu',
  ヨ: 'yo',
  ラ: 'ra',
  リ: 'ri',
  ル: 'ru',
  レ: 're',
  ロ: 'ro',
  ワ: 'wa',
  ヰ: 'i',
  ヱ: 'e',
  ヲ: 'o',
  ン: 'n',
  ヴ: 'vu',
  ァ: 'a',
  ィ: 'i',
  ゥ: 'u',
  ェ: 'e',
  ォ: 'o',
  ャ: 'ya',
  ュ: 'yu',
  ョ: 'yo',
  ヮ: 'wa',
};

const KANA_RANGE = /[\u3041-\u30ff]/u;

/** True for a hiragana or katakana letter. */
export function isKana(letter: string): boolean {
  return KANA_RANGE.test(letter);
}

/** Hepburn romanisation of a kana token (hiragana read as katakana); other characters pass through. */
export function romanizeKana(token: string): string {
  let out = '';
  let doubleNext = false;
  for (const ch of token) {
    const code = ch.charCodeAt(0);
    // hiragana sits 0x60 below the katakana of the same sound
    const k = code >= 0x3041 && code <= 0x3096 ? String.fromCharCode(code + 0x60) : ch;
    if (k === 'ッ') {
      doubleNext = true; // small tsu: the next consonant is doubled (keys collapse it anyway)
      continue;
    }
    if (k === 'ー') continue; // a long vowel: Latin spellings of foreign names rarely show it
    let r = KANA[k] ?? k;
    // a small ya/yu/yo or small vowel after an i-syllable glides: キャ = kya, ファ = fa, ティ = ti
    if (/^[aiueo]$|^y[auo]$/.test(r) && /[aiueo]$/.test(out) && 'ァィゥェォャュョ'.includes(k)) {
      out = out.replace(/i?[aiueo]$/, '');
      r = r.startsWith('y') && !/(sh|ch|j)$/.test(out) ? r : r.replace(/^y/, '');
    }
    if (doubleNext && r.length > 0) r = `${r[0]}${r}`;
    doubleNext = false;
    out += r;
  }
  return out;
}
