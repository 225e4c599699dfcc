/**
 * Serial numbers after an organisation's name: the members of a fund, trust or vessel series share the name
 * and differ by a number (Blackstone Real Estate Partners IV / V, Snow Storm 1 / 2). Written in digits or as
 * a Roman numeral.
 */

/** Roman numerals from I to XXXIX: the range series numbers are written in (Fund XI, Trust XXV). */
const ROMAN = /^x{0,3}(?:ix|iv|v?i{0,3})$/;

/**
 * True when a Latin token writes a serial number: digits, or a Roman numeral of two letters or more; a lone
 * I, V or X only when the name is known to be an organisation's (elsewhere it is as likely an initial).
 */
export function isSerialNumber(latin: string, organisation: boolean): boolean {
  // most words start with another letter: no regular expression for them (this runs for every query word);
  // an Arabic-script word has no Latin form, and reading the first letter of '' throws the optimised parser
  // back to the interpreter (a deoptimisation on every such query)
  if (latin.length === 0) return false;
  const first = latin.charAt(0);
  if (first !== 'i' && first !== 'v' && first !== 'x' && (first < '0' || first > '9')) return false;
  if (/^\d+$/.test(latin)) return true;
  if (!ROMAN.test(latin)) return false;
  return latin.length >= 2 || organisation;
}

/**
 * How two serial marks relate: the same member of a series (the same value in digits or Roman numerals, 4 = IV,
 * or the same series letter, MARIA E), two members of one numbered series (Fund IV, Fund V), or nothing shown
 * (two letters, MARIA E and MARIA F, or a letter and a number, name different vessels).
 */
export function serialRelation(a: string, b: string): 'same' | 'series' | 'other' {
  if (isNumeral(a) && isNumeral(b)) return serialValue(a) === serialValue(b) ? 'same' : 'series';
  return a === b ? 'same' : 'other';
}

/** Digits or a Roman numeral. */
function isNumeral(s: string): boolean {
  return /^\d+$/.test(s) || ROMAN.test(s);
}

/** The value of a serial number (digits or Roman numeral), for comparing two of them. */
export function serialValue(latin: string): number {
  if (/^\d+$/.test(latin)) return Number(latin);
  const values: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10 };
  let total = 0;
  for (let i = 0; i < latin.length; i++) {
    const v = values[latin[i] as string] ?? 0;
    const next = values[latin[i + 1] as string] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}
