/**
 * Place cues the gazetteer lacks: oil fields and border crossings named in terrorist-financing reporting,
 * the "countryside of" (ريف) construction and compass adjectives. Hand-written for raqib.
 */
export const FACILITIES: ReadonlyArray<{
  readonly ar: readonly string[];
  readonly en: string;
  readonly cc: string;
}> = [
  { ar: ['التنك'], en: 'al-Tanak oil field', cc: 'SY' },
  { ar: ['العمر'], en: 'al-Omar oil field', cc: 'SY' },
  { ar: ['كونيكو', 'كونوكو'], en: 'Conoco gas field', cc: 'SY' },
  { ar: ['الشاعر'], en: 'Shaer gas field', cc: 'SY' },
  { ar: ['الجفرة'], en: 'al-Jafra oil field', cc: 'SY' },
  { ar: ['التيم'], en: 'al-Taim oil field', cc: 'SY' },
  { ar: ['الورد'], en: 'al-Ward oil field', cc: 'SY' },
  { ar: ['عجيل'], en: 'Ajeel oil field', cc: 'IQ' },
  { ar: ['القيارة'], en: 'Qayyarah oil field', cc: 'IQ' },
  { ar: ['علاس'], en: 'Allas oil field', cc: 'IQ' },
  { ar: ['الشرارة'], en: 'Sharara oil field', cc: 'LY' },
];

/** Head words of a facility name: حقل (field), dual حقلي / حقلا, plural حقول. */
export const FACILITY_HEADS: readonly string[] = ['حقل', 'حقلي', 'حقلا', 'حقول', 'منفذ', 'معبر'];

/** "ريف X" is the countryside around town X. */
export const COUNTRYSIDE_HEAD = 'ريف';

export const COMPASS: Readonly<Record<string, string>> = {
  الشرقي: 'eastern',
  الشرقية: 'eastern',
  الغربي: 'western',
  الغربية: 'western',
  الشمالي: 'northern',
  الشمالية: 'northern',
  الجنوبي: 'southern',
  الجنوبية: 'southern',
};
