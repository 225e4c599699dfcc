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

/** Writes AMLworld rows for `order[k…]` until about 1 MB is buffered; returns where it stopped. */
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
    out
      .bytes(stamps[buf.minute[i] as number] as Uint8Array)
      .char(44)
      .range(rb, ro[from] as number, ro[from + 1] as number)
      .char(44)
      .range(rb, ro[to] as number, ro[to + 1] as number)
      .char(44)
      .amount(buf.received[i] as number, EXPONENTS[cr] as number)
      .bytes(CURRENCY_FIELD[cr] as Uint8Array)
      .amount(buf.paid[i] as number, EXPONENTS[cp] as number)
      .bytes(CURRENCY_FIELD[cp] as Uint8Array)
      .bytes(FORMAT_FIELD[buf.format[i] as number] as Uint8Array)
      .char(buf.label[i] === 1 ? 49 : 48)
      .char(10);
  }
  return k;
}
