/**
 * Currency names and symbols as written in Arabic and English news. Seeded from the project's hand-written
 * lexicon (shared/data/arabic/lexicons/currencies_ar.json, CC0-1.0); English names added. A name without a
 * country adjective that several currencies share (دينار، ريال، ليرة، درهم، جنيه) is resolved from context by
 * the money extractor and marked as assumed.
 */
export interface CurrencyLexiconEntry {
  readonly code: string;
  readonly forms: readonly string[];
  readonly symbols: readonly string[];
  readonly en: readonly string[];
  /** The bare form (دولار) is read as this currency, marked as assumed. */
  readonly bareDefault?: true;
}

export const CURRENCY_LEXICON: readonly CurrencyLexiconEntry[] = [
  {
    code: 'USD',
    forms: [
      'دولار',
      'دولارا',
      'دولاراً',
      'دولاران',
      'دولارين',
      'دولارات',
      'دولار أمريكي',
      'دولار أميركي',
      'دولارات أمريكية',
      'الدولار الأمريكي',
    ],
    symbols: ['$', 'US$', 'USD'],
    bareDefault: true,
    en: ['dollar', 'dollars', 'us dollar', 'us dollars', 'u.s. dollars'],
  },
  { code: 'EUR', forms: ['يورو', 'اليورو'], symbols: ['€', 'EUR'], en: ['euro', 'euros'] },
  {
    code: 'GBP',
    forms: ['جنيه إسترليني', 'جنيه استرليني', 'جنيهات إسترلينية', 'الإسترليني'],
    symbols: ['£', 'GBP'],
    en: ['pound sterling', 'pounds sterling', 'sterling', 'pounds'],
  },
  { code: 'EGP', forms: ['جنيه مصري', 'جنيهات مصرية', 'جنيه', 'جنيهات'], symbols: ['ج.م', 'EGP'], en: [] },
  { code: 'SDG', forms: ['جنيه سوداني', 'جنيهات سودانية'], symbols: ['SDG'], en: [] },
  {
    code: 'SAR',
    forms: ['ريال سعودي', 'ريالات سعودية'],
    symbols: ['ر.س', 'SAR'],
    en: ['riyal', 'riyals', 'saudi riyals'],
  },
  { code: 'QAR', forms: ['ريال قطري', 'ريالات قطرية'], symbols: ['ر.ق', 'QAR'], en: [] },
  { code: 'OMR', forms: ['ريال عماني', 'ريالات عمانية'], symbols: ['ر.ع', 'OMR'], en: [] },
  { code: 'YER', forms: ['ريال يمني', 'ريالات يمنية'], symbols: ['YER'], en: [] },
  { code: 'IRR', forms: ['ريال إيراني', 'ريالات إيرانية', 'تومان'], symbols: ['IRR'], en: [] },
  {
    code: 'AED',
    forms: ['درهم إماراتي', 'دراهم إماراتية', 'درهم'],
    symbols: ['د.إ', 'AED'],
    en: ['dirham', 'dirhams'],
  },
  { code: 'MAD', forms: ['درهم مغربي', 'دراهم مغربية'], symbols: ['د.م', 'MAD'], en: [] },
  {
    code: 'IQD',
    forms: ['دينار عراقي', 'دنانير عراقية'],
    symbols: ['د.ع', 'IQD'],
    en: ['iraqi dinar', 'iraqi dinars'],
  },
  { code: 'KWD', forms: ['دينار كويتي', 'دنانير كويتية'], symbols: ['د.ك', 'KWD'], en: [] },
  { code: 'JOD', forms: ['دينار أردني', 'دنانير أردنية'], symbols: ['JOD'], en: [] },
  { code: 'BHD', forms: ['دينار بحريني', 'دنانير بحرينية'], symbols: ['د.ب', 'BHD'], en: [] },
  { code: 'LYD', forms: ['دينار ليبي', 'دنانير ليبية'], symbols: ['ل.د', 'LYD'], en: [] },
  { code: 'TND', forms: ['دينار تونسي', 'دنانير تونسية'], symbols: ['د.ت', 'TND'], en: [] },
  { code: 'DZD', forms: ['دينار جزائري', 'دنانير جزائرية'], symbols: ['د.ج', 'DZD'], en: [] },
  {
    code: 'SYP',
    forms: ['ليرة سورية', 'ليرات سورية'],
    symbols: ['ل.س', 'SYP'],
    en: ['syrian pound', 'syrian pounds'],
  },
  { code: 'LBP', forms: ['ليرة لبنانية', 'ليرات لبنانية'], symbols: ['ل.ل', 'LBP'], en: [] },
  { code: 'TRY', forms: ['ليرة تركية', 'ليرات تركية'], symbols: ['₺', 'TRY'], en: ['lira', 'liras'] },
  { code: 'ILS', forms: ['شيكل', 'شيكل إسرائيلي', 'شواكل'], symbols: ['₪', 'ILS'], en: [] },
  {
    code: 'RUB',
    forms: ['روبل', 'روبلات'],
    symbols: ['₽', 'RUB'],
    en: ['rouble', 'roubles', 'ruble', 'rubles'],
  },
  { code: 'CNY', forms: ['يوان', 'يوانات'], symbols: ['CNY'], en: ['yuan'] },
  { code: 'JPY', forms: ['ين ياباني'], symbols: ['¥', 'JPY'], en: ['yen'] },
  { code: 'CHF', forms: ['فرنك سويسري', 'فرنكات سويسرية'], symbols: ['CHF'], en: ['swiss francs'] },
  { code: 'BTC', forms: ['بيتكوين'], symbols: ['BTC', '₿'], en: ['bitcoin', 'bitcoins'] },
];

/** Bare names several currencies share, with the candidates in the order used when context says nothing. */
export const AMBIGUOUS_CURRENCY_NAMES: Readonly<Record<string, readonly string[]>> = {
  دينار: ['IQD', 'KWD', 'JOD', 'BHD', 'LYD', 'TND', 'DZD'],
  دنانير: ['IQD', 'KWD', 'JOD', 'BHD', 'LYD', 'TND', 'DZD'],
  ريال: ['SAR', 'QAR', 'OMR', 'YER', 'IRR'],
  ريالات: ['SAR', 'QAR', 'OMR', 'YER', 'IRR'],
  ليرة: ['SYP', 'LBP', 'TRY'],
  ليرات: ['SYP', 'LBP', 'TRY'],
  جنيه: ['EGP', 'SDG', 'GBP'],
  جنيهات: ['EGP', 'SDG', 'GBP'],
  dinar: ['IQD', 'KWD', 'JOD', 'BHD', 'LYD', 'TND', 'DZD'],
  dinars: ['IQD', 'KWD', 'JOD', 'BHD', 'LYD', 'TND', 'DZD'],
};

/** Country (ISO 3166 alpha-2) whose mention decides a bare currency name, by candidate currency. */
export const CURRENCY_COUNTRY: Readonly<Record<string, string>> = {
  IQD: 'IQ',
  KWD: 'KW',
  JOD: 'JO',
  BHD: 'BH',
  LYD: 'LY',
  TND: 'TN',
  DZD: 'DZ',
  SAR: 'SA',
  QAR: 'QA',
  OMR: 'OM',
  YER: 'YE',
  IRR: 'IR',
  SYP: 'SY',
  LBP: 'LB',
  TRY: 'TR',
  EGP: 'EG',
  SDG: 'SD',
  GBP: 'GB',
  AED: 'AE',
  MAD: 'MA',
};

/**
 * ISIS's gold dinar has no ISO code: raqib uses XGD (the X range is reserved for units outside ISO 4217).
 * A bare دينار in an article that speaks of the group's gold dinars is read as XGD.
 */
export const GOLD_DINAR = { code: 'XGD', name: 'ISIS gold dinar', nameAr: 'الدينار الذهبي' } as const;
export const GOLD_DINAR_CUES: readonly string[] = [
  'الدينار الذهبي',
  'الدنانير الذهبية',
  'دنانيره الذهبية',
  'دنانير ذهبية',
  'دينار ذهبي',
  'الدينار الداعشي',
  'للدينار الداعشي',
  'gold dinar',
  'gold dinars',
];
