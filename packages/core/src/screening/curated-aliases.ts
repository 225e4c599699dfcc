/**
 * raqib's curated alias table: names that news and customers use for listed organisations but that no
 * list spells (e.g. «داعش» for ISIL). Seeded from shared/data/arabic/lexicons/listed_group_aliases_ar.json
 * (CC0, authored for raqib, 2026-11-29); the references were checked against UN 2026-02-27 and OFAC SDN 2024-05-03.
 */

export interface CuratedAliasGroup {
  /** Stable id of the group, shown in explanations. */
  readonly id: string;
  readonly names: readonly string[];
  /** Entries the names point to: list code and reference id. */
  readonly refs: readonly { readonly list: string; readonly refId: string }[];
}

export const CURATED_ALIASES: readonly CuratedAliasGroup[] = [
  {
    id: 'isil',
    names: [
      'داعش',
      'تنظيم داعش',
      'تنظيم الدولة',
      'تنظيم الدولة الإسلامية',
      'الدولة الإسلامية',
      'الدولة الإسلامية في العراق والشام',
      'الدولة الإسلامية في العراق وسوريا',
      'ISIL',
      'ISIS',
      'Islamic State',
      'Daesh',
      "Da'esh",
    ],
    refs: [
      { list: 'UN', refId: 'QDe.115' },
      { list: 'OFAC-SDN', refId: '8759' },
    ],
  },
  {
    id: 'al-qaida',
    names: ['القاعدة', 'تنظيم القاعدة', 'al-Qaida', 'al-Qaeda', "Al Qa'ida"],
    refs: [{ list: 'UN', refId: 'QDe.004' }],
  },
  {
    id: 'al-nusrah',
    names: [
      'جبهة النصرة',
      'جبهة النصرة لأهل الشام',
      'هيئة تحرير الشام',
      'جبهة فتح الشام',
      'al-Nusrah Front',
      'Jabhat al-Nusra',
      "Hay'at Tahrir al-Sham",
    ],
    refs: [{ list: 'UN', refId: 'QDe.137' }],
  },
  {
    id: 'isil-libya',
    names: ['الدولة الإسلامية في العراق والشام - ليبيا', 'ISIL Libya'],
    refs: [{ list: 'UN', refId: 'QDe.165' }],
  },
  {
    id: 'isil-yemen',
    names: ['الدولة الإسلامية في العراق والشام - اليمن', 'ISIL Yemen'],
    refs: [{ list: 'UN', refId: 'QDe.166' }],
  },
  {
    id: 'boko-haram',
    names: ['بوكو حرام', 'جماعة أهل السنة للدعوة والجهاد', 'Boko Haram'],
    refs: [{ list: 'UN', refId: 'QDe.138' }],
  },
  {
    id: 'al-shabaab',
    names: ['حركة الشباب', 'الشباب المجاهدين', 'حركة الشباب المجاهدين', 'al-Shabaab'],
    refs: [
      { list: 'UN', refId: 'SOe.001' },
      { list: 'OFAC-SDN', refId: '10761' },
    ],
  },
  {
    id: 'hizballah',
    names: ['حزب الله', 'Hizballah', 'Hezbollah'],
    refs: [{ list: 'OFAC-SDN', refId: '4697' }],
  },
  {
    id: 'ansar-al-islam',
    names: ['أنصار الإسلام', 'Ansar al-Islam'],
    refs: [{ list: 'UN', refId: 'QDe.098' }],
  },
];
