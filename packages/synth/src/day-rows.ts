/**
 * Rows of one day, from the DayBuffer to AMLworld CSV bytes. The hot loop of `raqib generate` (see decision 0020):
 * fields are pre-encoded once and copied; amounts are written digit by digit.
 */
import { knownCurrencies } from '@raqib/core';
import { AMLWORLD_FORMATS, CURRENCY_NAMES } from './amlworld-text.ts';
import {
  type DayBuffer,
  F_CURRENCY_PAID,
  F_CURRENCY_RECEIVED,
  F_FORMAT_LABEL,
  F_FROM,
  F_MINUTE,
  F_PAID,
  F_RECEIVED,
  F_TO,
  STRIDE,
} from './day-buffer.ts';
import { bytesOf, copyBytes, type PackedFields, type RowWriter, writeAmount } from './row-writer.ts';

const EXPONENTS: readonly number[] = knownCurrencies().map((c) => c.exponent);
/** `,Currency Name,` and `Format,` as bytes: the separators around them are part of the field. */
const CURRENCY_FIELD: readonly Uint8Array[] = CURRENCY_NAMES.map((n) => bytesOf(`,${n},`));
const FORMAT_FIELD: readonly Uint8Array[] = AMLWORLD_FORMATS.map((f) => bytesOf(`${f},`));

/** An upper bound of one row's bytes: timestamp, two refs, two amounts and currency fields, format, label. */
const MAX_ROW = 256;
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
  const rec = buf.records;
  let k = start;
  for (; k < order.length && out.length <= 1 << 20; k++) {
    const o = (order[k] as number) * STRIDE;
    const cr = rec[o + F_CURRENCY_RECEIVED] as number;
    const cp = rec[o + F_CURRENCY_PAID] as number;
    const from = rec[o + F_FROM] as number;
    const to = rec[o + F_TO] as number;
    const fl = rec[o + F_FORMAT_LABEL] as number;
    const stamp = stamps[rec[o + F_MINUTE] as number] as Uint8Array;
    const dst = out.reserve(MAX_ROW);
    let p = copyBytes(dst, out.length, stamp, 0, stamp.length);
    dst[p++] = 44;
    p = copyBytes(dst, p, rb, ro[from] as number, ro[from + 1] as number);
    dst[p++] = 44;
    p = copyBytes(dst, p, rb, ro[to] as number, ro[to + 1] as number);
    dst[p++] = 44;
    p = writeAmount(dst, p, rec[o + F_RECEIVED] as number, EXPONENTS[cr] as number);
    const rcf = CURRENCY_FIELD[cr] as Uint8Array;
    p = copyBytes(dst, p, rcf, 0, rcf.length);
    p = writeAmount(dst, p, rec[o + F_PAID] as number, EXPONENTS[cp] as number);
    const pcf = CURRENCY_FIELD[cp] as Uint8Array;
    p = copyBytes(dst, p, pcf, 0, pcf.length);
    const ff = FORMAT_FIELD[fl >> 1] as Uint8Array;
    p = copyBytes(dst, p, ff, 0, ff.length);
    dst[p++] = (fl & 1) === 1 ? 49 : 48;
    dst[p++] = 10;
    out.setLength(p);
  }
  return k;
}
