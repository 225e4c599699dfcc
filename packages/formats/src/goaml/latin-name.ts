/**
 * goAML name fields accept only `[a-zA-Z0-9 .'-]`. This turns any name into that alphabet: Arabic script is
 * transliterated (a simplified, ASCII-only romanisation close to the UN/ALA-LC practice, without diacritics),
 * Latin letters lose their accents, everything else becomes a space.
 *
 * Unvowelled Arabic carries no short vowels, so a letter-by-letter romanisation of "محمد" would be "mhmd". Common
 * given names and name particles are therefore looked up whole first (the spellings used on the UN and OFAC
 * lists), and only the rest goes letter by letter. The original is always kept next to the romanised form in the
 * report (full_name_frn / comments), so nothing is lost.
 */

const LETTERS: Readonly<Record<string, string>> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ء: "'",
  ؤ: "'",
  ئ: "'",
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: "'",
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: 'a',
  و: 'w',
  ي: 'y',
  ى: 'a',
  // Persian and Urdu letters met in names of the region
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  ک: 'k',
  ی: 'y',
  ۀ: 'a',
  // short-vowel marks, when the name is vowelled
  '\u064E': 'a',
  '\u064F': 'u',
  '\u0650': 'i',
  '\u064B': 'an',
  '\u064C': 'un',
  '\u064D': 'in',
};

/** Whole words whose vowels the script does not show. Keys are unvowelled, with hamza forms folded to ا. */
const WORDS: Readonly<Record<string, string>> = {
  محمد: 'Muhammad',
  احمد: 'Ahmad',
  محمود: 'Mahmud',
  علي: 'Ali',
  عمر: 'Umar',
  عثمان: 'Uthman',
  حسن: 'Hasan',
  حسين: 'Husayn',
  ابراهيم: 'Ibrahim',
  اسماعيل: 'Ismail',
  يوسف: 'Yusuf',
  يونس: 'Yunus',
  خالد: 'Khalid',
  سعيد: 'Said',
  سعد: 'Saad',
  مصطفى: 'Mustafa',
  عيسى: 'Isa',
  موسى: 'Musa',
  عبد: 'Abd',
  الله: 'Allah',
  عبدالله: 'Abdallah',
  الرحمن: 'al-Rahman',
  عبدالرحمن: 'Abd al-Rahman',
  بن: 'bin',
  ابن: 'ibn',
  بنت: 'bint',
  ابو: 'Abu',
  ام: 'Umm',
  ال: 'al',
  فاطمة: 'Fatima',
  عائشة: 'Aisha',
  مريم: 'Maryam',
  خديجة: 'Khadija',
  زينب: 'Zaynab',
  ليلى: 'Layla',
  سارة: 'Sara',
  نور: 'Nur',
  هدى: 'Huda',
  امينة: 'Amina',
  منى: 'Muna',
  جمال: 'Jamal',
  كريم: 'Karim',
  طارق: 'Tariq',
  ناصر: 'Nasir',
  منصور: 'Mansur',
  سلمان: 'Salman',
  سليمان: 'Sulayman',
  داود: 'Dawud',
  زيد: 'Zayd',
  حمزة: 'Hamza',
  بكر: 'Bakr',
  جعفر: 'Jafar',
  الحسن: 'al-Hasan',
  الحسين: 'al-Husayn',
  البغدادي: 'al-Baghdadi',
  الهاشمي: 'al-Hashimi',
  القاسم: 'al-Qasim',
  العلي: 'al-Ali',
  شركة: 'Sharikat',
  مؤسسة: 'Muassasat',
  للصرافة: 'lil-Sirafa',
  للتجارة: 'lil-Tijara',
  الصرافة: 'al-Sirafa',
  التجارة: 'al-Tijara',
  الدولية: 'al-Duwaliyya',
};

const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const TATWEEL_AND_MARKS = /[\u0640\u0651\u0652\u0670\u06E1]/g;

function foldHamza(word: string): string {
  return word.replace(/[أإآٱ]/g, 'ا');
}

/** WORDS' own entry for a word, never a property every object has (constructor). */
function knownWord(folded: string): string | undefined {
  return Object.hasOwn(WORDS, folded) ? WORDS[folded] : undefined;
}

function romaniseArabicWord(word: string): string {
  const folded = foldHamza(word.replace(TATWEEL_AND_MARKS, '').replace(/[\u064B-\u0650]/g, ''));
  const whole = knownWord(folded);
  if (whole !== undefined) return whole;
  // the article: ال + rest → al-Rest (sun-letter assimilation is left out: the FIU matches on either form)
  if (folded.startsWith('ال') && folded.length > 3) {
    const rest = knownWord(folded.slice(2)) ?? romaniseLetters(word.slice(word.indexOf('ل') + 1));
    return `al-${capitalise(rest)}`;
  }
  return capitalise(romaniseLetters(word));
}

function romaniseLetters(word: string): string {
  let out = '';
  for (const ch of word) {
    if (ch === '\u0651') {
      // shadda doubles the consonant before it
      out += out.slice(-1);
      continue;
    }
    out += LETTERS[ch] ?? (/[\u0600-\u06FF]/.test(ch) ? '' : ch);
  }
  // a leading hamza/ayn apostrophe says nothing to a Latin reader
  return out.replace(/^'+/, '');
}

function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

/** True when the text fits goAML's name pattern as it is. */
export function isGoamlLatin(text: string): boolean {
  return /^[a-zA-Z0-9 .'-]*$/.test(text);
}

/**
 * The goAML-safe Latin form of a name: Arabic transliterated, accents removed, other characters replaced by a
 * space, spaces collapsed, cut to `maxLength`. Returns '' only when nothing transliterable remains.
 */
export function toGoamlLatin(text: string, maxLength = 255): string {
  const digitsFixed = text.replace(ARABIC_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10));
  const words = digitsFixed.split(/\s+/).filter((w) => w !== '');
  const romanised = words.map((w) => (/[\u0600-\u06FF]/.test(w) ? romaniseArabicWord(w) : w)).join(' ');
  const ascii = romanised
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæœø]/gi, (c) => ({ ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o' })[c.toLowerCase()] ?? '')
    .replace(/[^a-zA-Z0-9 .'-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return ascii.slice(0, maxLength).trim();
}

/** Splits a romanised person name into goAML's first and last name (both required, at least one character). */
export function splitPersonName(latin: string): { first: string; last: string } {
  const parts = latin.split(' ').filter((p) => p !== '');
  if (parts.length === 0) return { first: '-', last: '-' };
  if (parts.length === 1) return { first: parts[0]!, last: '-' };
  return { first: parts[0]!.slice(0, 100), last: parts.slice(1).join(' ').slice(0, 100) };
}
