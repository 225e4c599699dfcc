/**
 * Arabic number words, scale forms, fractions and approximators. Seeded from the project's hand-written lexicon
 * (shared/data/arabic/lexicons/number_words_ar.json, CC0-1.0), with English equivalents added. Entries are
 * unnormalised; the number reader normalises them once with the same function as the text.
 */
export const UNIT_WORDS: Readonly<Record<string, number>> = {
  صفر: 0,
  واحد: 1,
  واحدة: 1,
  أحد: 1,
  إحدى: 1,
  اثنان: 2,
  اثنين: 2,
  اثنتان: 2,
  اثنتين: 2,
  ثلاثة: 3,
  ثلاث: 3,
  أربعة: 4,
  أربع: 4,
  خمسة: 5,
  خمس: 5,
  ستة: 6,
  ست: 6,
  سبعة: 7,
  سبع: 7,
  ثمانية: 8,
  ثماني: 8,
  ثمان: 8,
  تسعة: 9,
  تسع: 9,
  عشرة: 10,
  عشر: 10,
};
export const TEN_WORDS: Readonly<Record<string, number>> = {
  عشرون: 20,
  عشرين: 20,
  ثلاثون: 30,
  ثلاثين: 30,
  أربعون: 40,
  أربعين: 40,
  خمسون: 50,
  خمسين: 50,
  ستون: 60,
  ستين: 60,
  سبعون: 70,
  سبعين: 70,
  ثمانون: 80,
  ثمانين: 80,
  تسعون: 90,
  تسعين: 90,
};
export const HUNDRED_WORDS: Readonly<Record<string, number>> = {
  مئة: 100,
  مائة: 100,
  مئتان: 200,
  مائتان: 200,
  مئتين: 200,
  مائتين: 200,
  مئتا: 200,
  مائتا: 200,
  مئتي: 200,
  مائتي: 200,
  ثلاثمئة: 300,
  ثلاثمائة: 300,
  أربعمئة: 400,
  أربعمائة: 400,
  خمسمئة: 500,
  خمسمائة: 500,
  ستمئة: 600,
  ستمائة: 600,
  سبعمئة: 700,
  سبعمائة: 700,
  ثمانمئة: 800,
  ثمانمائة: 800,
  تسعمئة: 900,
  تسعمائة: 900,
};
/** Scale words by value; the dual forms mean twice the scale when no number precedes them. */
export interface ScaleForms {
  readonly value: number;
  readonly singular: readonly string[];
  readonly dual: readonly string[];
  readonly plural: readonly string[];
}
export const SCALE_WORDS: readonly ScaleForms[] = [
  {
    value: 1000,
    singular: ['ألف', 'الف', 'ألفاً', 'ألفا'],
    dual: ['ألفان', 'ألفين', 'ألفا', 'ألفي'],
    plural: ['آلاف', 'الاف', 'ألوف'],
  },
  {
    value: 1000000,
    singular: ['مليون', 'مليوناً', 'مليونا'],
    dual: ['مليونان', 'مليونين', 'مليونا', 'مليوني'],
    plural: ['ملايين'],
  },
  {
    value: 1000000000,
    singular: ['مليار', 'ملياراً', 'مليارا', 'بليون'],
    dual: ['ملياران', 'مليارين', 'مليارا', 'ملياري', 'بليونان', 'بليونين'],
    plural: ['مليارات', 'بلايين'],
  },
  {
    value: 1000000000000,
    singular: ['تريليون', 'ترليون'],
    dual: ['تريليونان', 'تريليونين', 'تريليونا', 'تريليوني'],
    plural: ['تريليونات', 'ترليونات'],
  },
];
/** Fractions that multiply a following scale word (نصف مليار). 'خمس' is left out: it is also the number 5. */
export const FRACTION_WORDS: Readonly<Record<string, number>> = {
  نصف: 0.5,
  ربع: 0.25,
  ثلث: 0.3333333333,
  ثلثا: 0.6666666667,
  ثلثي: 0.6666666667,
};
/** Vague quantifiers: a magnitude, not a value (عشرات الملايين = tens of millions). */
export const VAGUE_WORDS: Readonly<Record<string, number>> = {
  بضعة: 1,
  بضع: 1,
  عدة: 1,
  عشرات: 10,
  مئات: 100,
  مائات: 100,
};
export const AMOUNT_QUALIFIERS = ['approx', 'more_than', 'less_than', 'up_to', 'vague'] as const;
export type AmountQualifier = (typeof AMOUNT_QUALIFIERS)[number];

/** Phrases before a number that qualify it, by qualifier (names as in the fixture cases). */
export const QUALIFIER_PHRASES: Readonly<Record<Exclude<AmountQualifier, 'vague'>, readonly string[]>> = {
  approx: [
    'نحو',
    'حوالي',
    'حوالى',
    'قرابة',
    'زهاء',
    'ما يقارب',
    'ما يناهز',
    'في حدود',
    'يقدر بـ',
    'تقدر بـ',
    'ما يقرب من',
    'يقارب',
    'approximately',
    'about',
    'around',
    'nearly',
    'almost',
    'roughly',
    'some',
    'an estimated',
    'close to',
  ],
  more_than: [
    'أكثر من',
    'ما يزيد على',
    'ما يزيد عن',
    'ما يربو على',
    'ما لا يقل عن',
    'لا يقل عن',
    'يتجاوز',
    'تجاوز',
    'فاق',
    'أزيد من',
    'more than',
    'over',
    'at least',
    'upwards of',
    'in excess of',
    'exceeding',
  ],
  less_than: ['أقل من', 'ما لا يزيد على', 'دون', 'less than', 'under', 'fewer than', 'below'],
  up_to: ['يصل إلى', 'تصل إلى', 'حتى', 'up to', 'as much as', 'as many as'],
};
export const PER_PHRASES: Readonly<Record<'day' | 'month' | 'year' | 'unit', readonly string[]>> = {
  day: ['يومياً', 'يوميا', 'في اليوم', 'a day', 'per day', 'daily', 'each day'],
  month: ['شهرياً', 'شهريا', 'في الشهر', 'a month', 'per month', 'monthly'],
  year: ['سنوياً', 'سنويا', 'في السنة', 'في العام', 'a year', 'per year', 'annually', 'each year'],
  unit: ['للقطعة', 'للقطعة الواحدة', 'للواحد', 'لكل', 'للواحدة', 'each', 'apiece', 'per unit', 'per piece'],
};
export const PERCENT_PHRASES: readonly string[] = [
  '%',
  '٪',
  'في المئة',
  'في المائة',
  'بالمئة',
  'بالمائة',
  'في المية',
  'percent',
  'per cent',
  'pct',
];
/** English number words and scales (numbers in English news are mostly digits). */
export const EN_UNIT_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  'a hundred': 100,
};
export const EN_SCALE_WORDS: Readonly<Record<string, number>> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  millions: 1e6,
  mn: 1e6,
  m: 1e6,
  mln: 1e6,
  billion: 1e9,
  billions: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};
