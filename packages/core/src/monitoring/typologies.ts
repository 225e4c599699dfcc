/** Typology names the monitor emits (issue 2): AMLworld's eight, the seed's three TF schemes, catalogue ids. */
export const MONITOR_TYPOLOGIES = [
  'FAN-OUT',
  'FAN-IN',
  'GATHER-SCATTER',
  'SCATTER-GATHER',
  'CYCLE',
  'RANDOM',
  'BIPARTITE',
  'STACK',
  'TF-EXODUS',
  'TF-CELL-FUNDING',
  'TF-FX-PREMIUM',
  'T01',
  'T02',
  'T07',
  'T18',
] as const;
export type MonitorTypology = (typeof MONITOR_TYPOLOGIES)[number];

/** Band weights of one detector inside a typology: contribution of band .01, .02, .03. */
export type BandWeights = readonly [number, number, number];

export interface TypologyDefinition {
  readonly name: MonitorTypology;
  readonly title: { readonly en: string; readonly ar: string };
  /** Catalogue id(s) of typologies.md this maps to. */
  readonly catalogue: readonly string[];
  /** Detector id → weights. A weight of 0 keeps the detector's evidence without adding to the score. */
  readonly weights: Readonly<Record<string, BandWeights>>;
  readonly alertThreshold: number;
}

const BOOST: BandWeights = [0.05, 0.1, 0.15];

/** The default typologies: weighted sums of detector bands (Tazama's model), capped at 1. */
export const DEFAULT_TYPOLOGIES: readonly TypologyDefinition[] = [
  {
    name: 'FAN-OUT',
    title: { en: 'Fan-out: one account paying many accounts', ar: 'توزيع: حساب واحد يدفع لحسابات كثيرة' },
    catalogue: ['T04'],
    weights: { 'fan-out': [0.55, 0.7, 0.85], 'amount-spike': BOOST },
    alertThreshold: 0.6,
  },
  {
    name: 'FAN-IN',
    title: { en: 'Fan-in: many accounts paying one account', ar: 'تجميع: حسابات كثيرة تدفع لحساب واحد' },
    catalogue: ['T03'],
    weights: { 'fan-in': [0.55, 0.7, 0.85], 'amount-spike': BOOST },
    alertThreshold: 0.6,
  },
  {
    name: 'GATHER-SCATTER',
    title: {
      en: 'Gather-scatter: funds collected from several accounts, then paid out to several',
      ar: 'تجميع ثم توزيع: أموال تُجمع من عدة حسابات ثم تُدفع إلى عدة حسابات',
    },
    catalogue: ['T05'],
    weights: { 'gather-scatter': [0.55, 0.75, 0.9], 'pass-through': BOOST },
    alertThreshold: 0.6,
  },
  {
    name: 'SCATTER-GATHER',
    title: {
      en: 'Scatter-gather: funds split across intermediaries and collected again',
      ar: 'توزيع ثم تجميع: أموال تُقسَّم على وسطاء ثم تُجمع من جديد',
    },
    catalogue: ['T05'],
    weights: { 'scatter-gather': [0.6, 0.8, 0.95] },
    alertThreshold: 0.6,
  },
  {
    name: 'CYCLE',
    title: { en: 'Cycle: funds returning to their origin', ar: 'دورة: أموال تعود إلى مصدرها' },
    catalogue: ['T06'],
    weights: { cycle: [0.6, 0.8, 0.95] },
    alertThreshold: 0.6,
  },
  {
    name: 'RANDOM',
    title: {
      en: 'Layering chain: funds passed on along a chain of accounts',
      ar: 'سلسلة تمويه: أموال تنتقل عبر سلسلة من الحسابات',
    },
    catalogue: ['T02'],
    weights: { 'layering-chain': [0.55, 0.7, 0.85] },
    alertThreshold: 0.6,
  },
  {
    name: 'BIPARTITE',
    title: {
      en: 'Bipartite: a group of accounts paying another group',
      ar: 'ثنائي: مجموعة حسابات تدفع لمجموعة أخرى',
    },
    catalogue: ['T05'],
    weights: { bipartite: [0.55, 0.7, 0.85] },
    alertThreshold: 0.6,
  },
  {
    name: 'STACK',
    title: {
      en: 'Stack: two layers of group-to-group payments',
      ar: 'مكدّس: طبقتان من المدفوعات بين مجموعات',
    },
    catalogue: ['T05'],
    weights: { stack: [0.6, 0.75, 0.9] },
    alertThreshold: 0.6,
  },
  {
    name: 'TF-EXODUS',
    title: {
      en: 'Funds leaving a conflict zone or high-risk jurisdiction for Europe',
      ar: 'أموال تخرج من منطقة نزاع أو ولاية قضائية عالية المخاطر إلى أوروبا',
    },
    catalogue: ['T08'],
    weights: { exodus: [0.5, 0.6, 0.7], 'pass-through': [0.1, 0.15, 0.2], 'amount-spike': BOOST },
    alertThreshold: 0.6,
  },
  {
    name: 'TF-CELL-FUNDING',
    title: {
      en: 'Many small, similar transfers to many individuals abroad (possible cell funding)',
      ar: 'تحويلات صغيرة متشابهة كثيرة إلى أفراد كثيرين في الخارج (تمويل خلايا محتمل)',
    },
    catalogue: ['T09'],
    weights: { 'cell-funding': [0.6, 0.75, 0.9], exodus: [0.1, 0.15, 0.2] },
    alertThreshold: 0.6,
  },
  {
    name: 'TF-FX-PREMIUM',
    title: { en: 'Currency exchanged at an abnormal rate', ar: 'صرف عملة بسعر غير طبيعي' },
    catalogue: ['T10'],
    weights: { 'fx-premium': [0.5, 0.7, 0.85], exodus: [0.1, 0.15, 0.2] },
    alertThreshold: 0.6,
  },
  {
    name: 'T01',
    title: { en: 'Structuring below a reporting threshold', ar: 'تجزئة المبالغ تحت حد الإبلاغ' },
    catalogue: ['T01'],
    weights: { structuring: [0.3, 0.45, 0.6] },
    alertThreshold: 0.6,
  },
  {
    name: 'T02',
    title: { en: 'Rapid pass-through of funds', ar: 'مرور سريع للأموال' },
    catalogue: ['T02'],
    weights: { 'pass-through': [0.2, 0.3, 0.4] },
    alertThreshold: 0.7,
  },
  {
    name: 'T07',
    title: { en: "Amount far above the account's own history", ar: 'مبلغ يفوق كثيراً تاريخ الحساب نفسه' },
    catalogue: ['T07'],
    weights: { 'amount-spike': [0.15, 0.25, 0.35] },
    alertThreshold: 0.9,
  },
  {
    name: 'T18',
    title: { en: 'Dormant account reactivated', ar: 'إعادة تنشيط حساب خامل' },
    catalogue: ['T18'],
    weights: { dormant: [0.4, 0.55, 0.7], 'amount-spike': [0.1, 0.15, 0.2] },
    alertThreshold: 0.6,
  },
];
