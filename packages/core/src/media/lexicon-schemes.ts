import type { RiskCategory } from './lexicon-risk.ts';

/**
 * Financing schemes named in terrorist-financing and laundering reporting (FATF typologies: ISIL financing
 * 2015, TF risk indicators 2021). A scheme fires when one phrase of every group occurs in one sentence.
 * Hand-written for raqib.
 */
export interface SchemeRule {
  readonly id: string;
  readonly en: string;
  readonly ar: string;
  readonly category: RiskCategory;
  /** Smuggled or traded goods, where the scheme is a kind of smuggling. */
  readonly subject?: string;
  readonly allOf: readonly (readonly string[])[];
}

export const SCHEME_RULES: readonly SchemeRule[] = [
  {
    id: 'funds-moved-abroad',
    en: 'funds moved abroad',
    ar: 'تحويل الأموال إلى الخارج',
    category: 'money_laundering',
    allOf: [
      ['تحويل', 'تهريب', 'نقل', 'إخراج', 'moved', 'transferred', 'smuggled', 'moving', 'transferring'],
      ['أمواله', 'الأموال', 'أموال', 'أموالها', 'funds', 'money', 'cash'],
      [
        'دول أجنبية',
        'الخارج',
        'خارج البلاد',
        'أوروبا',
        'abroad',
        'overseas',
        'offshore',
        'foreign countries',
      ],
    ],
  },
  {
    id: 'sleeper-cell-financing',
    en: 'sleeper-cell financing',
    ar: 'تمويل خلايا نائمة',
    category: 'terrorist_financing',
    allOf: [['خلايا نائمة', 'الخلايا النائمة', 'خلية نائمة', 'sleeper cells', 'sleeper cell']],
  },
  {
    id: 'foreign-currency-operations',
    en: 'foreign-currency operations',
    ar: 'عمليات بالعملات الأجنبية',
    category: 'money_laundering',
    allOf: [
      ['العملات الأجنبية', 'عملات أجنبية', 'العملة الأجنبية', 'foreign currency', 'foreign exchange'],
      ['عمليات', 'مضاربة', 'صرافة', 'تجارة', 'operations', 'trading', 'speculation'],
    ],
  },
  {
    id: 'antiquities-smuggling',
    en: 'antiquities smuggling',
    ar: 'تهريب القطع الأثرية',
    category: 'smuggling',
    subject: 'antiquities',
    allOf: [
      ['تهريب', 'الاتجار', 'بيع', 'تجارة', 'smuggling', 'trafficking', 'selling', 'looted', 'looting'],
      ['القطع الأثرية', 'قطع أثرية', 'الآثار', 'آثار', 'antiquities', 'artefacts', 'artifacts'],
    ],
  },
  {
    id: 'drug-smuggling',
    en: 'drug smuggling',
    ar: 'تهريب المخدرات',
    category: 'drug_trafficking',
    subject: 'drugs',
    allOf: [
      ['تهريب', 'الاتجار', 'تجارة', 'ترويج', 'smuggling', 'trafficking', 'trade'],
      [
        'المخدرات',
        'مخدرات',
        'الكبتاغون',
        'كبتاغون',
        'الحشيش',
        'drugs',
        'narcotics',
        'captagon',
        'cocaine',
        'heroin',
      ],
    ],
  },
  {
    id: 'oil-sales',
    en: 'oil sales',
    ar: 'تجارة النفط',
    // in this reporting oil revenue is how the group is financed; oil smuggling shows as smuggling + subject oil
    category: 'terrorist_financing',
    subject: 'oil',
    allOf: [
      [
        'تجارة',
        'بيع',
        'مبيعات',
        'تهريب',
        'عائدات',
        'trade',
        'sales',
        'sold',
        'selling',
        'smuggling',
        'revenue',
      ],
      ['النفط', 'نفط', 'النفطية', 'oil', 'crude'],
    ],
  },
  {
    id: 'forced-currency-exchange',
    en: 'forced currency exchange at above the gold price',
    ar: 'فرض تحويل العملة بسعر أعلى من سعر الذهب',
    category: 'terrorist_financing',
    allOf: [
      [
        'فرض عملته',
        'ألزمهم بتحويل',
        'بسعر أعلى من سعر الذهب',
        'العملة الوحيدة المسموح بها',
        'رفض قبول المدفوعات',
        'forced to exchange',
        'forced currency exchange',
        'only legal tender',
      ],
    ],
  },
  {
    id: 'extortion-taxation',
    en: 'extortion and taxation of the population',
    ar: 'الإتاوات وفرض الضرائب',
    category: 'terrorist_financing',
    allOf: [
      ['إتاوات', 'الإتاوات', 'فرض الضرائب', 'فرض ضرائب', 'الزكاة القسرية', 'extortion', 'taxing residents'],
    ],
  },
  {
    id: 'kidnapping-for-ransom',
    en: 'kidnapping for ransom',
    ar: 'الخطف مقابل فدية',
    category: 'terrorist_financing',
    allOf: [
      ['فدية', 'فديات', 'ransom', 'ransoms'],
      ['خطف', 'اختطاف', 'رهائن', 'kidnapping', 'kidnapped', 'hostages'],
    ],
  },
  {
    id: 'hawala',
    en: 'hawala and unlicensed money transfer',
    ar: 'الحوالة وشركات الصرافة غير المرخصة',
    category: 'money_laundering',
    allOf: [
      [
        'الحوالة',
        'حوالة',
        'الحوالات',
        'شركات صرافة',
        'شركات الصرافة',
        'صرافة غير مرخصة',
        'hawala',
        'money exchangers',
        'exchange houses',
      ],
    ],
  },
  {
    id: 'shell-companies',
    en: 'shell and front companies',
    ar: 'شركات وهمية وواجهة',
    category: 'money_laundering',
    allOf: [
      [
        'شركات وهمية',
        'شركة وهمية',
        'شركات واجهة',
        'شركة واجهة',
        'shell companies',
        'shell company',
        'front companies',
        'front company',
      ],
    ],
  },
  {
    id: 'charity-abuse',
    en: 'abuse of charities and donations',
    ar: 'استغلال الجمعيات الخيرية والتبرعات',
    category: 'terrorist_financing',
    allOf: [
      ['جمعيات خيرية', 'الجمعيات الخيرية', 'جمع تبرعات', 'التبرعات', 'charity', 'charities', 'donations'],
      ['تمويل', 'لصالح', 'دعم', 'funding', 'financing', 'diverted'],
    ],
  },
];
