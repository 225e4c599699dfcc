import { type CountForms, countPhrase } from '../i18n/count-phrase.ts';
import type { DetectorFinding } from '../model/alert.ts';
import type { TypologyDefinition } from './typologies.ts';

export interface ExplainInput {
  readonly primary: TypologyDefinition;
  readonly others: readonly TypologyDefinition[];
  readonly accounts: number;
  readonly transactions: number;
  readonly totalUsd: number;
  readonly start: number;
  readonly end: number;
  readonly findings: readonly DetectorFinding[];
  readonly truncated: boolean;
}

const DETECTOR_AR: Readonly<Record<string, string>> = {
  'fan-out': 'عدد المستفيدين المختلفين',
  'fan-in': 'عدد الدافعين المختلفين',
  'gather-scatter': 'أدنى عدد من الدافعين والمستفيدين',
  'scatter-gather': 'عدد الوسطاء',
  cycle: 'طول الدورة بالقفزات',
  'layering-chain': 'طول السلسلة بالقفزات',
  bipartite: 'عدد الروابط بين المجموعتين',
  stack: 'عدد الروابط في الطبقة العليا',
  'pass-through': 'أزواج التحويل المتطابقة',
  structuring: 'مدفوعات قريبة من حد الإبلاغ',
  exodus: 'درجة خطورة بلد المصدر',
  'cell-funding': 'عدد المستفيدين الأفراد في الخارج',
  'fx-premium': 'الانحراف النسبي عن السعر المرجعي',
  dormant: 'أيام الخمول',
  'amount-spike': 'أضعاف المبلغ المعتاد',
};

const ACCOUNTS_EN: CountForms = { one: '1 account', other: '{n} accounts' };
const TRANSACTIONS_EN: CountForms = { one: '1 transaction', other: '{n} transactions' };
const ACCOUNTS_AR: CountForms = {
  zero: 'لا حسابات',
  one: 'حساب واحد',
  two: 'حسابان',
  few: '{n} حسابات',
  many: '{n} حسابًا',
  other: '{n} حساب',
};
const TRANSACTIONS_AR: CountForms = {
  zero: 'لا معاملات',
  one: 'معاملة واحدة',
  two: 'معاملتان',
  few: '{n} معاملات',
  many: '{n} معاملةً',
  other: '{n} معاملة',
};
const USD_AR: CountForms = {
  // the amount is the object of تقارب: one and two are accusative (the other forms put the number word in that case)
  one: 'دولارًا أمريكيًا واحدًا',
  two: 'دولارين أمريكيين',
  few: '{n} دولارات أمريكية',
  many: '{n} دولارًا أمريكيًا',
  other: '{n} دولار أمريكي',
};

/** What a detector measures, in Arabic (`fan-out` → عدد المستفيدين المختلفين); undefined for a detector not known here. */
export function detectorMeasureAr(detector: string): string | undefined {
  return Object.hasOwn(DETECTOR_AR, detector) ? DETECTOR_AR[detector] : undefined;
}

function day(ts: number): string {
  return Number.isFinite(ts) ? new Date(ts).toISOString().slice(0, 16).replace('T', ' ') : '?';
}

function fmt(v: number): string {
  return Math.abs(v) >= 100 ? String(Math.round(v)) : v.toFixed(2).replace(/\.?0+$/, '');
}

/**
 * The alert's explanation in English and Arabic: what the pattern is, how big, when, and what each detector
 * measured (value and band). Built from the evidence only, so the same evidence always reads the same.
 */
export function explainAlert(x: ExplainInput): { en: string; ar: string } {
  const dollars = Math.round(x.totalUsd);
  const usd = dollars.toLocaleString('en-US');
  const also = x.others.map((t) => t.name).join(', ');
  const fEn = x.findings.map((f) => `${f.detector} ${fmt(f.value)} ${f.unit} (band ${f.band})`).join('; ');
  const fAr = x.findings
    .map((f) => `${detectorMeasureAr(f.detector) ?? f.detector}: ${fmt(f.value)} (الشريحة ${f.band})`)
    .join('؛ ');
  const en =
    `${x.primary.title.en}. ${countPhrase(x.accounts, ACCOUNTS_EN, 'en')}, ` +
    `${countPhrase(x.transactions, TRANSACTIONS_EN, 'en')} worth about USD ${usd}, ` +
    `from ${day(x.start)} to ${day(x.end)} UTC.` +
    (also ? ` Also matches: ${also}.` : '') +
    (fEn ? ` Measured: ${fEn}.` : '') +
    (x.truncated ? ' Evidence truncated to the first transactions.' : '');
  const alsoAr = x.others.map((t) => t.name).join('، ');
  const ar =
    `${x.primary.title.ar}. ${countPhrase(x.accounts, ACCOUNTS_AR, 'ar')}، ` +
    `${countPhrase(x.transactions, TRANSACTIONS_AR, 'ar')} بقيمة تقارب ${countPhrase(dollars, USD_AR, 'ar', usd)}، ` +
    `من ${day(x.start)} إلى ${day(x.end)} بالتوقيت العالمي.` +
    (alsoAr ? ` يطابق أيضًا: ${alsoAr}.` : '') +
    (fAr ? ` القياسات: ${fAr}.` : '') +
    (x.truncated ? ' الأدلة مقتصرة على المعاملات الأولى.' : '');
  return { en, ar };
}
