/**
 * Field parsers shared by the hand-written readers. They run once per field on the hot path, so they work on
 * character codes and return sentinel values instead of allocating result objects or throwing.
 */

/** parseDecimalMinor failure codes (all negative, so any result ≥ 0 is an amount). */
export const AMOUNT_NOT_A_NUMBER = -1;
export const AMOUNT_NEGATIVE = -2;
export const AMOUNT_TOO_LARGE = -3;

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

/**
 * Reads a plain decimal ("3697.34", "0.000021", "12") into integer minor units of `exponent`, rounding
 * half-up digits beyond the currency's precision (AMLworld carries a few such values; rounding at ingest to
 * the currency's minor unit is what a ledger does). Exponent notation ("1.5E+4") is accepted through a slow
 * path. Returns a negative code on failure.
 */
export function parseDecimalMinor(text: string, exponent: number): number {
  return parseDecimalMinorIn(text, 0, text.length, exponent);
}

/**
 * parseDecimalMinor of `text.slice(from, to)`, read in place: a reader that has found a field's bounds in its line
 * need not cut the field out (one string fewer a field and a row).
 */
export function parseDecimalMinorIn(text: string, from: number, to: number, exponent: number): number {
  const len = to;
  if (to <= from) return AMOUNT_NOT_A_NUMBER;
  let i = from;
  let c = text.charCodeAt(from);
  if (c === 45 /* - */) {
    // "-0" and "-0.00" are zero, not negative; anything else with a minus is. A second sign ("--5", "-+5")
    // makes no number at all: read as negative (or "--0" as zero) it would pass for what it is not.
    const next = text.charCodeAt(from + 1);
    if (next === 45 || next === 43) return AMOUNT_NOT_A_NUMBER;
    const rest = parseDecimalMinorIn(text, from + 1, to, exponent);
    if (rest < 0) return rest === AMOUNT_NOT_A_NUMBER ? AMOUNT_NOT_A_NUMBER : rest;
    return rest === 0 ? 0 : AMOUNT_NEGATIVE;
  }
  if (c === 43 /* + */) i = from + 1;
  let int = 0;
  let frac = 0;
  let fracDigits = 0;
  let digits = 0;
  let roundUp = false;
  for (; i < len; i++) {
    c = text.charCodeAt(i);
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      int = int * 10 + d;
      digits++;
      continue;
    }
    if (c === 46 /* . */) break;
    if (c === 101 || c === 69) return parseExponentForm(text.slice(from, to), exponent);
    return AMOUNT_NOT_A_NUMBER;
  }
  if (i < len) {
    // after the dot
    for (i++; i < len; i++) {
      c = text.charCodeAt(i);
      const d = c - 48;
      if (d >= 0 && d <= 9) {
        digits++;
        if (fracDigits < exponent) {
          frac = frac * 10 + d;
          fracDigits++;
        } else if (fracDigits === exponent) {
          roundUp = d >= 5;
          fracDigits++;
        }
        continue;
      }
      if (c === 101 || c === 69) return parseExponentForm(text.slice(from, to), exponent);
      return AMOUNT_NOT_A_NUMBER;
    }
    if (fracDigits > exponent) fracDigits = exponent;
  }
  if (digits === 0) return AMOUNT_NOT_A_NUMBER;
  let minor = int * (POW10[exponent] ?? 10 ** exponent) + frac * (POW10[exponent - fracDigits] ?? 1);
  if (roundUp) minor += 1;
  return Number.isSafeInteger(minor) ? minor : AMOUNT_TOO_LARGE;
}

const EXPONENT_FORM = /^\+?(?=\.?\d)(\d*)(?:\.(\d*))?[eE]([+-]?\d+)$/;

/**
 * "1.5E+4", "1.005E0": the digits are moved by the exponent as text and read as a plain decimal, so the value is
 * rounded half-up like any other (through a float, 1.005E0 came out 100 cents where 1.005 is 101).
 */
function parseExponentForm(text: string, exponent: number): number {
  const m = EXPONENT_FORM.exec(text);
  if (m === null) return AMOUNT_NOT_A_NUMBER;
  const whole = m[1] ?? '';
  const all = whole + (m[2] ?? '');
  const first = all.search(/[1-9]/);
  if (first < 0) return 0;
  const digits = all.slice(first);
  // where the decimal point falls in `digits` once the exponent is applied
  const point = whole.length - first + Number(m[3]);
  if (point > 20) return AMOUNT_TOO_LARGE; // at least 10^20: no safe integer of minor units
  if (point < -20) return 0; // below 10^-20: rounds to zero at any currency's precision
  const plain =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return parseDecimalMinorIn(plain, 0, plain.length, exponent);
}

/** The reason text for a parseDecimalMinor failure code. */
export function amountProblem(code: number): string {
  if (code === AMOUNT_NEGATIVE) return 'negative amount';
  if (code === AMOUNT_TOO_LARGE) return 'amount too large to hold exactly';
  return 'amount is not a number';
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digit2(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9) return -1;
  return a * 10 + b;
}

let lastDateKey = -1;
let lastDateMs = 0;

/**
 * Parses AMLworld's `YYYY/MM/DD HH:MM` (also `-` as date separator and optional `:SS`) as UTC epoch ms.
 * AMLworld states no time zone; UTC keeps the result independent of the machine. Returns NaN when invalid.
 * The date part is cached: the files are in time order, so consecutive rows almost always share a day.
 */
export function parseAmlworldTime(text: string): number {
  return parseAmlworldTimeIn(text, 0, text.length);
}

/** parseAmlworldTime of `text.slice(from, to)`, read in place (see parseDecimalMinorIn). */
export function parseAmlworldTimeIn(text: string, from: number, to: number): number {
  const len = to - from;
  if (len !== 16 && len !== 19) return Number.NaN;
  const sep = text.charCodeAt(from + 4);
  if ((sep !== 47 && sep !== 45) || text.charCodeAt(from + 7) !== sep || text.charCodeAt(from + 10) !== 32)
    return Number.NaN;
  if (text.charCodeAt(from + 13) !== 58) return Number.NaN;
  const yHi = digit2(text, from);
  const yLo = digit2(text, from + 2);
  const mo = digit2(text, from + 5);
  const d = digit2(text, from + 8);
  const h = digit2(text, from + 11);
  const mi = digit2(text, from + 14);
  if (yHi < 0 || yLo < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59) {
    return Number.NaN;
  }
  let s = 0;
  if (len === 19) {
    if (text.charCodeAt(from + 16) !== 58) return Number.NaN;
    s = digit2(text, from + 17);
    if (s < 0 || s > 59) return Number.NaN;
  }
  const y = yHi * 100 + yLo;
  const key = y * 10000 + mo * 100 + d;
  if (key !== lastDateKey) {
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const dim = mo === 2 && leap ? 29 : (DAYS_IN_MONTH[mo] ?? 0);
    if (d > dim) return Number.NaN;
    // Date.UTC reads years 0–99 as 1900–1999: "0022/09/01" (a typo, or year 22) would become 1922
    lastDateMs = y < 100 ? new Date(0).setUTCFullYear(y, mo - 1, d) : Date.UTC(y, mo - 1, d);
    lastDateKey = key;
  }
  return lastDateMs + h * 3_600_000 + mi * 60_000 + s * 1000;
}

/**
 * Longest bank or account id a transaction may carry, in characters: the transaction contract's limit (JSON Lines,
 * the API, the stream), which every reader applies alike, so a file is judged the same whatever its format.
 */
export const MAX_ACCOUNT_PART = 128;

/** The quarantine reason for a bank or account id longer than MAX_ACCOUNT_PART, or undefined when it fits. */
export function accountPartProblem(what: string, length: number): string | undefined {
  return length > MAX_ACCOUNT_PART
    ? `account too long: ${what} has ${length} characters (at most ${MAX_ACCOUNT_PART})`
    : undefined;
}

/** The quarantine reason for a transaction id longer than the contract allows (MAX_ACCOUNT_PART), or undefined. */
export function idProblem(what: string, length: number): string | undefined {
  return length > MAX_ACCOUNT_PART
    ? `id too long: ${what} has ${length} characters (at most ${MAX_ACCOUNT_PART})`
    : undefined;
}
