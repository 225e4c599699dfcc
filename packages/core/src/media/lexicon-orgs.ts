/**
 * Organisations named in financial-crime news, with their Arabic and English forms. Hand-written for raqib.
 * Latin forms match case-sensitively ("IS" must not match "is").
 */
export interface OrgLexiconEntry {
  /** Canonical English name, used as the entity's normalised form. */
  readonly canonical: string;
  readonly ar: readonly string[];
  readonly en: readonly string[];
}

export const ORG_LEXICON: readonly OrgLexiconEntry[] = [
  {
    canonical: 'FATF',
    ar: [
      'مجموعة العمل المالي',
      'فاتف',
      'مجموعة العمل المالي الدولية',
      'فريق العمل المالي',
      'فريق وضع التدابير المالية لمكافحة غسل الأموال',
      'فريق وضع التدابير المالية',
    ],
    en: ['FATF', 'Financial Action Task Force', 'GAFI'],
  },
  { canonical: 'MENAFATF', ar: ['مجموعة العمل المالي لمنطقة الشرق الأوسط وشمال أفريقيا'], en: ['MENAFATF'] },
  {
    canonical: 'Russian Ministry of Foreign Affairs',
    ar: ['الخارجية الروسية', 'وزارة الخارجية الروسية', 'الخارجية الروسي'],
    en: ['Russian Foreign Ministry', 'Russian foreign ministry', 'Russian Ministry of Foreign Affairs'],
  },
  {
    canonical: 'US Department of the Treasury',
    ar: ['وزارة الخزانة الأمريكية', 'وزارة الخزانة الأميركية', 'الخزانة الأمريكية', 'الخزانة الأميركية'],
    en: [
      'U.S. Treasury',
      'US Treasury',
      'Treasury Department',
      'U.S. Department of the Treasury',
      'US Department of the Treasury',
    ],
  },
  {
    canonical: 'OFAC',
    ar: ['مكتب مراقبة الأصول الأجنبية', 'أوفاك'],
    en: ['OFAC', 'Office of Foreign Assets Control'],
  },
  {
    canonical: 'United Nations',
    ar: ['الأمم المتحدة', 'منظمة الأمم المتحدة'],
    en: ['United Nations', 'UN', 'U.N.'],
  },
  {
    canonical: 'UN Security Council',
    ar: ['مجلس الأمن', 'مجلس الأمن الدولي'],
    en: ['Security Council', 'UN Security Council'],
  },
  { canonical: 'European Union', ar: ['الاتحاد الأوروبي'], en: ['European Union', 'EU'] },
  { canonical: 'Interpol', ar: ['الإنتربول', 'الانتربول', 'الشرطة الدولية'], en: ['Interpol', 'INTERPOL'] },
  { canonical: 'Europol', ar: ['اليوروبول'], en: ['Europol'] },
  {
    canonical: 'US Department of Justice',
    ar: ['وزارة العدل الأمريكية', 'وزارة العدل الأميركية'],
    en: ['Department of Justice', 'Justice Department', 'DOJ'],
  },
  {
    canonical: 'FBI',
    ar: ['مكتب التحقيقات الفيدرالي', 'إف بي آي'],
    en: ['FBI', 'Federal Bureau of Investigation'],
  },
  { canonical: 'Public Prosecution', ar: ['النيابة العامة'], en: ['Public Prosecution'] },
  { canonical: 'Reuters', ar: ['رويترز', 'وكالة رويترز'], en: ['Reuters'] },
  {
    canonical: 'Agence France-Presse',
    ar: ['وكالة الصحافة الفرنسية', 'فرانس برس'],
    en: ['AFP', 'Agence France-Presse'],
  },
  { canonical: 'Al Arabiya', ar: ['قناة العربية', 'العربية.نت'], en: ['Al Arabiya'] },
  {
    canonical: 'The Wall Street Journal',
    ar: ['وول ستريت جورنال', 'صحيفة وول ستريت جورنال'],
    en: ['Wall Street Journal', 'WSJ'],
  },
  { canonical: 'Central Bank of Iraq', ar: ['البنك المركزي العراقي'], en: ['Central Bank of Iraq'] },
];

/** Head nouns that start an organisation name when definite words follow (وزارة المالية اللبنانية). */
export const ORG_HEADS_AR: readonly string[] = [
  'وزارة',
  'البنك',
  'بنك',
  'مصرف',
  'المصرف',
  'هيئة',
  'الهيئة',
  'شركة',
  'الشركة',
  'مجموعة',
  'وكالة',
  'صحيفة',
  'جمعية',
  'منظمة',
  'مؤسسة',
  'محكمة',
  'المحكمة',
  'مجلس',
  'الاتحاد',
  'حركة',
  'جماعة',
  'حزب',
  'جبهة',
  'مكتب',
  'دائرة',
  'مديرية',
  'جهاز',
  'وحدة',
];

/** English words that make a capitalised name an organisation. */
export const ORG_SUFFIXES_EN: readonly string[] = [
  'Bank',
  'Ministry',
  'Treasury',
  'Inc',
  'Ltd',
  'LLC',
  'Group',
  'Corp',
  'Corporation',
  'Company',
  'Office',
  'Commission',
  'Department',
  'Agency',
  'Court',
  'Police',
  'Council',
  'Authority',
  'Foundation',
  'Fund',
  'Association',
  'Party',
  'Front',
  'Brigade',
  'Bureau',
  'Service',
  'Services',
  'Exchange',
  'Holdings',
  'Capital',
  'Partners',
  'Trust',
  'University',
  'Times',
  'Post',
  'News',
  'Journal',
  'Securities',
  'Airlines',
  'Plc',
  'AG',
  'SA',
];
