import { parse } from 'csv-parse/sync';

/** One place of the shipped gazetteer: Arabic and English names and the country's ISO 3166 alpha-2 code. */
export interface CuratedPlace {
  readonly en: string;
  readonly ar: readonly string[];
  readonly type: 'country' | 'city';
  readonly cc?: string;
  readonly population?: number;
}

export interface CurationReport {
  readonly places: CuratedPlace[];
  readonly rejected: Array<{
    readonly line: number;
    readonly ar: string;
    readonly en: string;
    readonly reason: string;
  }>;
}

/** Wrong Arabic names found by hand in world-cities.csv (see SOURCES.md), with the right name. */
const FIXES: Readonly<Record<string, string>> = {
  Mosul: 'الموصل',
  Tyre: 'صور',
  Aden: 'عدن',
  Medina: 'المدينة المنورة',
  Tabuk: 'تبوك',
  'Al Fallujah': 'الفلوجة',
  'As Samawah': 'السماوة',
  Hit: 'هيت',
  Balad: 'بلد',
  'Tall `Afar': 'تلعفر',
  'As Salamiyah': 'السلمية',
  Tartus: 'طرطوس',
  'Dayr az Zawr': 'دير الزور',
  'Ath Thawrah': 'الثورة',
  Jablah: 'جبلة',
  Nawa: 'نوى',
  '`Amuda': 'عامودا',
  '`Anah': 'عانة',
  'Ar Rutbah': 'الرطبة',
  "Jalawla'": 'جلولاء',
  Hajin: 'هجين',
  Aleppo: 'حلب',
  Mecca: 'مكة',
  Luxor: 'الأقصر',
  Suez: 'السويس',
  Venice: 'البندقية',
  Pisa: 'بيزا',
  Buraydah: 'بريدة',
  'Al Jizah': 'الجيزة',
  Darnah: 'درنة',
  '`Ajlun': 'عجلون',
  "Tajura'": 'تاجوراء',
  'Hafr al Batin': 'حفر الباطن',
};

/** Town names that are also common words in news text; matching them would tag ordinary words as places. */
const COMMON_WORDS = new Set([
  'الحي',
  'بلد',
  'الثورة',
  'العمارة',
  'الهندية',
  'الشامية',
  'القاسم',
  'العزيزية',
  'الهاشمية',
  'حرير',
  'سنة',
  'الشيخ',
  'النبك',
  'الحارة',
  'مارية',
  'الوقف',
  'الجديدة',
  'المدينة',
  'السلام',
  'النصر',
  'الأمل',
  'الوحدة',
  'الحرية',
  'الرحمة',
  'الخليج',
  'العاصمة',
  'المنصورة',
  'الشرقية',
  'الغربية',
  'الوسطى',
  'الجنوبية',
  'الشمالية',
  'الفيصلية',
  'الصالحية',
  'السويداء',
  'عامل',
  'بنش',
  'مانين',
  'الكسوة',
  'القطيفة',
  'صور',
]);

// Province prefixes: the place is also indexed without them (SOURCES.md: 388 such names).
const PREFIXES = ['محافظة', 'ولاية', 'منطقة', 'مقاطعة', 'إقليم', 'ناحية مركز', 'ناحية', 'قضاء', 'مديرية'];
// Names that start with these are a stadium, club, battle, airport… not the town.
const NOT_PLACE = ['ملعب', 'نادي', 'معركة', 'مطار', 'المجلس', 'التجمع', 'الشرق', 'جامعة', 'حزب', 'قلة'];

// Rough Arabic → Latin consonant skeleton, to check that the Arabic name sounds like the English one.
const AR_LATIN: Readonly<Record<string, string>> = {
  ب: 'b',
  ت: 't',
  ث: 't',
  ج: 'j',
  ح: 'h',
  خ: 'k',
  د: 'd',
  ذ: 'd',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 's',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'g',
  ف: 'f',
  ق: 'k',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: '',
  و: '',
  ي: '',
  ى: '',
  ا: '',
  أ: '',
  إ: '',
  آ: '',
  ء: '',
  ئ: '',
  ؤ: '',
  پ: 'p',
  گ: 'g',
  چ: 'j',
  ڤ: 'v',
};

function arSkeleton(ar: string): string {
  const words = ar.split(/\s+/).map((w) => (w.startsWith('ال') && w.length > 3 ? w.slice(2) : w));
  let out = '';
  for (const ch of words.join('')) out += AR_LATIN[ch] ?? '';
  return out;
}

function enSkeleton(en: string): string {
  const plain = en
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(al|an|ar|as|ash|at|ad|adh|az|el|ath|ad|ed|es|er|et)[ -]/g, '')
    .replace(/ph/g, 'f')
    .replace(/sh|ch/g, 's')
    .replace(/kh/g, 'k')
    .replace(/gh/g, 'g')
    .replace(/th|dh/g, 't')
    .replace(/q|c|x/g, 'k')
    .replace(/p/g, 'b')
    .replace(/v/g, 'f')
    .replace(/[^a-z]/g, '');
  return plain.replace(/[aeiouyw]/g, '').replace(/(.)\1+/g, '$1');
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

/** Does the Arabic name plausibly transcribe the English one? Catches "فاموتيدين" for Mosul. */
export function soundsAlike(ar: string, en: string): boolean {
  const a = arSkeleton(ar).replace(/(.)\1+/g, '$1');
  const e = enSkeleton(en);
  if (a.length === 0 || e.length === 0) return false;
  return distance(a, e) / Math.max(a.length, e.length) <= 0.5;
}

/**
 * Curates world-cities.csv (CC BY 4.0, jamsshhayd/world-cities-translations, from Wikidata) into the subset
 * raqib ships: cities of the given countries above `minPopulation`, with hand fixes, province prefixes
 * stripped, and every Arabic name that does not sound like its English name rejected (and reported).
 */
export function curateWorldCities(
  csvText: string,
  options: { readonly countries: ReadonlyMap<string, string>; readonly minPopulation: number },
): CurationReport {
  const rows = parse(csvText, { columns: true, bom: true, skip_empty_lines: true }) as Array<
    Record<string, string>
  >;
  const places: CuratedPlace[] = [];
  const rejected: Array<{ line: number; ar: string; en: string; reason: string }> = [];
  for (const [idx, r] of rows.entries()) {
    const line = idx + 2;
    const en = r.CityNameEn ?? '';
    const cc = options.countries.get(r.CountryNameEn ?? '');
    const population = Number(r.Population ?? 0);
    if (cc === undefined || !(population >= options.minPopulation)) continue;
    const fix = Object.hasOwn(FIXES, en) ? FIXES[en] : undefined;
    let ar = fix ?? (r.CityNameAr ?? '').trim();
    const reject = (reason: string): void => {
      rejected.push({ line, ar, en, reason });
    };
    if (/[A-Za-z]/.test(ar)) {
      reject('Latin letters in the Arabic name');
      continue;
    }
    if (NOT_PLACE.some((p) => ar.startsWith(p))) {
      reject('names a building, club or event, not the town');
      continue;
    }
    for (const p of PREFIXES) if (ar.startsWith(`${p} `)) ar = ar.slice(p.length + 1);
    if (ar.split(/\s+/).length > 3) {
      reject('more than three words');
      continue;
    }
    if (COMMON_WORDS.has(ar)) {
      reject('also a common word');
      continue;
    }
    if (fix === undefined && !soundsAlike(ar, en)) {
      reject('Arabic name does not sound like the English');
      continue;
    }
    places.push({ en, ar: [ar], type: 'city', cc, population });
  }
  return { places, rejected };
}
