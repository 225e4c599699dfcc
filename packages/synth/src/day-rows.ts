/**
 * Rows of one day, from the DayBuffer to AMLworld CSV bytes. The hot loop of `raqib generate` (see decision 0020):
 * fields are pre-encoded once and copied; amounts are written digit by digit.
 */
import { knownCurrencies } from '@raqib/core';
import { AMLWORLD_FORMATS, CURRENCY_NAMES } from './amlworld-text.ts';
import type { DayBuffer } from './day-buffer.ts';
import { bytesOf, type PackedFields, type RowWriter } from './row-writer.ts';

const EXPONENTS: readonly number[] = knownCurrencies().map((c) => c.exponent);
/** `,Currency Name,` and `Format,` as bytes: the separators around them are part of the field. */
const CURRENCY_FIELD: readonly Uint8Array[] = CURRENCY_NAMES.map((n) => bytesOf(`,${n},`));
const FORMAT_FIELD: readonly Uint8Array[] = AMLWORLD_FORMATS.map((f) => bytesOf(`${f},`));

/** An upper bound of one row's bytes: timestamp, two refs, two amounts and currency fields, format, label. */
const MAX_ROW = 256;
const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];
const digits = new Uint8Array(24);

function copy(dst: Uint8Array, p: number, src: Uint8Array, start: number, end: number): number {
  for (let i = start; i < end; i++) dst[p++] = src[i] as number;
  return p;
}

/** Integer minor units as a decimal with exactly `exponent` fractional digits (as formatMinorUnits writes it). */
function amount(dst: Uint8Array, p: number, minor: number, exponent: number): number {
  const scale = POW10[exponent] ?? 10 ** exponent;
  let whole = Math.floor(minor / scale);
  let frac = minor - whole * scale;
  let n = 0;
  do {
    const q = Math.floor(whole / 10);
    digits[n++] = 48 + (whole - q * 10);
    whole = q;
  } while (whole > 0);
  while (n > 0) dst[p++] = digits[--n] as number;
  if (exponent === 0) return p;
  dst[p++] = 46;
  for (let i = exponent - 1; i >= 0; i--) {
    const q = Math.floor(frac / 10);
    dst[p + i] = 48 + (frac - q * 10);
    frac = q;
  }
  return p + exponent;
}

/**
 * Writes AMLworld rows for `order[k…]` until about 1 MB is buffered; returns where it stopped. Each row is written
 * with a local index into a buffer reserved for the longest possible row: at 5M rows, per-field method calls and
 * capacity checks cost more than the copying itself.
 */
export function writeRows(
  out: RowWriter,
  buf: DayBuffer,
  order: Uint32Array,
  start: number,
  stamps: readonly Uint8Array[],
  refs: PackedFields,
): number {
  const rb = refs.bytes;
  const ro = refs.offsets;
  let k = start;
  for (; k < order.length && out.length <= 1 << 20; k++) {
    const i = order[k] as number;
    const cr = buf.currencyReceived[i] as number;
    const cp = buf.currencyPaid[i] as number;
    const from = buf.from[i] as number;
    const to = buf.to[i] as number;
    const stamp = stamps[buf.minute[i] as number] as Uint8Array;
    const dst = out.reserve(MAX_ROW);
    let p = copy(dst, out.length, stamp, 0, stamp.length);
    dst[p++] = 44;
    p = copy(dst, p, rb, ro[from] as number, ro[from + 1] as number);
    dst[p++] = 44;
    p = copy(dst, p, rb, ro[to] as number, ro[to + 1] as number);
    dst[p++] = 44;
    p = amount(dst, p, buf.received[i] as number, EXPONENTS[cr] as number);
    const rcf = CURRENCY_FIELD[cr] as Uint8Array;
    p = copy(dst, p, rcf, 0, rcf.length);
    p = amount(dst, p, buf.paid[i] as number, EXPONENTS[cp] as number);
    const pcf = CURRENCY_FIELD[cp] as Uint8Array;
    p = copy(dst, p, pcf, 0, pcf.length);
    const ff = FORMAT_FIELD[buf.format[i] as number] as Uint8Array;
    p = copy(dst, p, ff, 0, ff.length);
    dst[p++] = buf.label[i] === 1 ? 49 : 48;
    dst[p++] = 10;
    out.setLength(p);
  }
  return k;
}
