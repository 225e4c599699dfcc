import { currencyExponent } from './currency.ts';

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

/**
 * Parses a plain decimal string ("1234.5", "0.00012") into integer minor units of the given exponent.
 * Returns undefined for anything that is not a finite, non-negative decimal, has more fractional digits than
 * the exponent allows, or is too large to add exactly (beyond Number.MAX_SAFE_INTEGER minor units).
 * Written by hand because it is on the hot path of every reader; no float arithmetic touches the digits.
 */
export function parseMinorUnits(text: string, exponent: number): number | undefined {
  const len = text.length;
  if (len === 0 || len > 30) return undefined;
  let intPart = 0;
  let fracPart = 0;
  let fracDigits = 0;
  let seenDot = false;
  let digits = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      if (seenDot) return undefined;
      seenDot = true;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return undefined;
    digits++;
    if (seenDot) {
      if (fracDigits >= exponent) {
        if (d !== 0) return undefined; // more precision than the currency carries
        continue;
      }
      fracPart = fracPart * 10 + d;
      fracDigits++;
    } else {
      intPart = intPart * 10 + d;
    }
  }
  if (digits === 0) return undefined;
  const minor =
    intPart * (POW10[exponent] ?? 10 ** exponent) + fracPart * (POW10[exponent - fracDigits] ?? 1);
  return Number.isSafeInteger(minor) ? minor : undefined;
}

/** Formats integer minor units back to a decimal string with exactly `exponent` fractional digits. */
export function formatMinorUnits(minor: number, exponent: number): string {
  if (exponent === 0) return String(minor);
  const negative = minor < 0;
  const abs = Math.abs(minor);
  const scale = POW10[exponent] ?? 10 ** exponent;
  const whole = Math.floor(abs / scale);
  const frac = String(abs - whole * scale).padStart(exponent, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

/** Minor units of `currency` as a floating major-unit value, for scoring only (never for sums that are stored). */
export function toMajor(minor: number, currency: string): number {
  return minor / (POW10[currencyExponent(currency)] ?? 100);
}

export function parseAmount(text: string, currency: string): number | undefined {
  return parseMinorUnits(text, currencyExponent(currency));
}

export function formatAmount(minor: number, currency: string): string {
  return formatMinorUnits(minor, currencyExponent(currency));
}
