import { findCurrency, formatMinorUnits, knownCurrencies } from '@raqib/core';

/** IBM AMLworld's transaction header, byte for byte (two columns are named Account). */
export const AMLWORLD_HEADER =
  'Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment Currency,Payment Format,Is Laundering';

/** AMLworld's seven payment formats, in the order the generator indexes them. */
export const AMLWORLD_FORMATS = [
  'ACH',
  'Wire',
  'Cheque',
  'Credit Card',
  'Cash',
  'Reinvestment',
  'Bitcoin',
] as const;
export type AmlworldFormat = (typeof AMLWORLD_FORMATS)[number];
export const FMT = Object.fromEntries(AMLWORLD_FORMATS.map((f, i) => [f, i])) as {
  readonly [K in AmlworldFormat]: number;
};

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** AMLworld's timestamp text, e.g. `2022/09/01 00:20` (UTC, minute resolution). */
export function formatAmlworldTimestamp(ts: number): string {
  const d = new Date(ts);
  return `${d.getUTCFullYear()}/${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** AMLworld's currency names ("US Dollar", "Euro"…), index-aligned with knownCurrencies(). */
export const CURRENCY_NAMES: readonly string[] = knownCurrencies().map((c) => c.aliases[0] ?? c.code);
const EXPONENTS: readonly number[] = knownCurrencies().map((c) => c.exponent);

export function currencyName(index: number): string {
  return CURRENCY_NAMES[index] ?? 'US Dollar';
}

export function formatAmountAt(minor: number, currencyIndex: number): string {
  return formatMinorUnits(minor, EXPONENTS[currencyIndex] ?? 2);
}

export function minorScale(currencyIndex: number): number {
  return 10 ** (EXPONENTS[currencyIndex] ?? 2);
}

/** Sanity check used by tests: every name the generator writes maps back to its currency. */
export function currencyNameRoundTrips(index: number): boolean {
  const info = findCurrency(currencyName(index));
  return info !== undefined && info.code === knownCurrencies()[index]?.code;
}
