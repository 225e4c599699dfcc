import { formatMinorUnits, seededRng } from '@raqib/core';
import { describe, expect, it } from 'vitest';
import { bytesOf, packFields, RowWriter } from './row-writer.ts';

const text = (w: RowWriter) => new TextDecoder().decode(w.take());

describe('RowWriter', () => {
  it('writes amounts exactly as formatMinorUnits does, for every exponent the currency table uses', () => {
    const rng = seededRng(3);
    const w = new RowWriter(16);
    for (const exponent of [0, 2, 3, 4, 8]) {
      const samples = [0, 1, 9, 10, 99, 100, 101, 123_456_789, 2 ** 53 - 1];
      for (let i = 0; i < 200; i++) samples.push(Math.floor(rng.next() * 10 ** (2 + (i % 12))));
      for (const minor of samples) {
        w.amount(minor, exponent);
        expect(text(w), `${minor} at exponent ${exponent}`).toBe(formatMinorUnits(minor, exponent));
      }
    }
  });

  it('grows past its initial capacity and copies packed fields', () => {
    const w = new RowWriter(4);
    const packed = packFields(['010,8000EBD30', '', 'Ü']);
    w.range(packed.bytes, packed.offsets[0] ?? 0, packed.offsets[1] ?? 0)
      .char(44)
      .bytes(bytesOf('US Dollar'))
      .char(44)
      .integer(1234567)
      .range(packed.bytes, packed.offsets[2] ?? 0, packed.offsets[3] ?? 0);
    expect(w.length).toBe(33);
    expect(text(w)).toBe('010,8000EBD30,US Dollar,1234567Ü');
    expect(w.length).toBe(0);
  });
});
