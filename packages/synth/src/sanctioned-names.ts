/**
 * A handful of real names from the UN Security Council Consolidated List (ISIL/Al-Qaida regime, QDi references),
 * copied from ../shared/data/sanctions/un/UN_consolidated.xml (dateGenerated 2026-02-27; UN lists are public
 * domain). A few generated accounts are held under these names so that party screening in the demo has true hits.
 */
export const UN_LISTED_NAMES: readonly {
  readonly ref: string;
  readonly latin: string;
  readonly arabic: string;
}[] = [
  { ref: 'QDi.003', latin: 'SALIM AHMAD SALIM HAMDAN', arabic: 'سالم أحمد سالم حمدان' },
  { ref: 'QDi.009', latin: 'BILAL BIN MARWAN', arabic: 'بلال بن مروان' },
  { ref: 'QDi.012', latin: 'NASHWAN ABD AL-RAZZAQ ABD AL-BAQI', arabic: 'نشوان عبد الرزاق عبد الباقي' },
  { ref: 'QDi.015', latin: 'MAHFOUZ OULD AL-WALID', arabic: 'محفوظ ولد الوليد' },
  { ref: 'QDi.017', latin: 'THARWAT SALAH SHIHATA', arabic: 'ثروت صالح شحاته' },
  { ref: 'QDi.029', latin: 'RAED MUHAMMAD HASAN MUHAMMAD HIJAZI', arabic: 'رائد محمد حسن محمد حجازي' },
  { ref: 'QDi.031', latin: 'OMAR MAHMOUD UTHMAN', arabic: 'عمر محمود عثمان' },
  { ref: 'QDi.037', latin: 'ABDUL RAHMAN YASIN', arabic: 'عبد الرحمن ياسين' },
];
