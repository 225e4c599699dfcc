import { describe, expect, it } from 'vitest';
import type { Transaction } from '../model/transaction.ts';
import { TX_COLUMNS_VERSION } from './bus-tx-columns.ts';
import { decodeTxMessage, MAX_ROUND_PART_BYTES, roundParts } from './bus-tx-round.ts';

const base: Transaction = {
  id: 'file.csv#0',
  row: 0,
  ts: Date.UTC(2022, 8, 1),
  fromBank: '070',
  fromAccount: 'A0',
  toBank: '0012',
  toAccount: 'B0',
  amountPaid: 1000,
  currencyPaid: 'USD',
  amountReceived: 1000,
  currencyReceived: 'USD',
  paymentFormat: 'Wire',
};
const bytes = (text: string) => new TextEncoder().encode(text);
/** The payments of a one-partition round, decoded from its (only) part. */
const roundTrip = (txs: readonly Transaction[], version?: 3 | 4) => {
  const [part] = roundParts(txs, 1, version === undefined ? {} : { version })[0]!;
  const m = decodeTxMessage(bytes(part!.text));
  if (m.kind !== 'part') throw new Error('not a part');
  return { text: part!.text, entries: m.part.entries };
};

describe('round parts in columns (message version 4)', () => {
  it('decode back to the payments, optional fields, labels, disorder and large values included', () => {
    const txs: Transaction[] = Array.from({ length: 30 }, (_, i) => ({
      ...base,
      id: `file.csv#${i}`,
      row: 1000 - i * 7, // rows going back
      ts: base.ts + ((i * 7919) % 13) * 60_000 - (i === 4 ? 2 ** 40 : 0), // disorder, one far back
      fromBank: `0${i % 3}`,
      fromAccount: `A${i}`,
      toBank: i % 4 === 0 ? 'Wire' : `1${i % 2}`, // a bank spelled like a format shares its code
      amountPaid: i === 5 ? Number.MAX_SAFE_INTEGER : 1000 + i,
      amountReceived: i % 3 === 0 ? 77 * i : 1000 + i,
      currencyReceived: i % 3 === 0 ? 'EUR' : 'USD',
      paymentFormat: i % 2 === 0 ? 'Wire' : 'ACH',
      ...(i % 5 === 0 ? { debtorName: 'أحمد "x" \\ y', fromCountry: 'AE' } : {}),
      ...(i % 7 === 0 ? { toCountry: 'IQ', purpose: 'rent', creditorName: 'B\u2028' } : {}),
      ...(i % 2 === 0 ? { label: i % 4 === 0 } : {}),
    }));
    const { text, entries } = roundTrip(txs);
    expect(text.startsWith(`[${TX_COLUMNS_VERSION},`)).toBe(true);
    expect(entries.map((e) => e.ordinal)).toEqual(txs.map((_, i) => i));
    expect(entries.map((e) => e.tx)).toEqual(txs);
    // same keys in the same order as a version 3 part gives (the stage's objects keep one shape)
    expect(entries.map((e) => Object.keys(e.tx))).toEqual(
      roundTrip(txs, 3).entries.map((e) => Object.keys(e.tx)),
    );
    // the optional columns no payment uses are left off
    expect(JSON.parse(roundTrip([base]).text)).toHaveLength(4 + 14);
  });

  it('code each bank, currency and format once and difference-code times: smaller than version 3', () => {
    const txs = Array.from({ length: 200 }, (_, i) => ({
      ...base,
      id: `file.csv#${i}`,
      row: i,
      ts: base.ts + i * 60_000,
    }));
    const v4 = roundTrip(txs).text;
    const a = JSON.parse(v4) as unknown[];
    expect(a[4]).toEqual(['070', '0012', 'USD', 'Wire']);
    expect((a[8] as number[]).slice(0, 3)).toEqual([base.ts, 60_000, 60_000]);
    expect(v4.length).toBeLessThan(roundTrip(txs, 3).text.length * 0.65);
  });

  it('refuse malformed columns and values, naming the column or field and the payment', () => {
    const txs = [0, 1, 2].map((i) => ({ ...base, id: `file.csv#${i}`, row: i, fromAccount: `A${i}` }));
    const a = JSON.parse(roundTrip(txs).text) as unknown[];
    const bad = (edit: (x: unknown[]) => void) => () => {
      const x = structuredClone(a);
      edit(x);
      return decodeTxMessage(bytes(JSON.stringify(x)));
    };
    const set = (column: number, i: number, v: unknown) => (x: unknown[]) => {
      (x[column] as unknown[])[i] = v;
    };
    const put = (column: number, v: unknown) => (x: unknown[]) => {
      x[column] = v;
    };
    expect(bad((x) => x.splice(17))).toThrow('round part has 13 columns, not 14 to 20');
    expect(bad((x) => x.push(null, null, null, null, null, null, null))).toThrow('has 21 columns');
    expect(bad(put(4, 'USD'))).toThrow('round part column strings is not an array');
    expect(bad(set(4, 1, ''))).toThrow('round part string 1 is not a string of 1 to 128 characters');
    expect(bad(set(4, 0, 'b'.repeat(129)))).toThrow('round part string 0 is not a string');
    expect(bad(put(5, []))).toThrow('round part carries no payment');
    expect(bad((x) => (x[6] as unknown[]).pop())).toThrow(
      'round part column ids has 2 entries, column ordinals 3',
    );
    expect(bad(put(9, 0))).toThrow('round part column fromBanks is not an array');
    expect(bad(set(5, 1, 0))).toThrow('round part entry 1 has ordinal 0 (after 0, below 3)');
    expect(bad(set(5, 2, 1.5))).toThrow('round part entry 2: field ordinal must be an integer');
    expect(bad(set(5, 2, 5))).toThrow('round part entry 2 has ordinal 6 (after 1, below 3)');
    expect(bad(set(6, 1, 7))).toThrow('round part entry 1: field id must be a non-empty string');
    expect(bad(set(6, 1, 'i'.repeat(129)))).toThrow(
      'round part entry 1: field id has 129 characters, over 128',
    );
    expect(bad(set(7, 1, '1'))).toThrow('round part entry 1: field row must be an integer');
    expect(bad(set(8, 2, Number.MAX_SAFE_INTEGER))).toThrow(
      'round part entry 2: field ts must be an integer',
    );
    expect(bad(set(9, 0, 9))).toThrow(
      "round part entry 0: field fromBank has code 9, not one of the part's 4",
    );
    expect(bad(set(11, 0, -1))).toThrow('field toBank has code -1');
    expect(bad(set(11, 0, '0'))).toThrow('field toBank has code 0,');
    expect(bad(set(12, 2, null))).toThrow('round part entry 2: field toAccount must be a non-empty string');
    expect(bad(set(13, 0, 1e300))).toThrow('round part entry 0: field amountPaid must be an integer');
    expect(bad(set(15, 0, 'x'))).toThrow('round part entry 0: field amountReceived must be an integer');
    expect(bad(set(16, 0, 0.5))).toThrow('field currencyReceived has code 0.5');
    // "070", the bank, is a string of the part but no payment format
    expect(bad(set(17, 1, 0))).toThrow('round part entry 1: field paymentFormat has unknown value 070');
    const optional = (column: number, values: unknown[]) => (x: unknown[]) => {
      while (x.length < column) x.push(null);
      x[column] = values;
    };
    expect(bad(optional(18, [null, 9, null]))).toThrow('round part entry 1: field fromCountry has code 9');
    expect(bad(optional(20, [null, 4, null]))).toThrow('round part entry 1: field purpose must be a string');
    expect(bad(optional(22, [null]))).toThrow(
      'round part column creditorNames has 1 entries, column ordinals 3',
    );
    expect(bad(optional(23, [null, null, 'yes']))).toThrow(
      'round part entry 2: field label must be a boolean',
    );
    expect(bad(optional(23, [true, null, false]))).not.toThrow();
    // a name of 22,000 three-byte characters: 66,000 bytes of fields, over 64 KiB
    expect(bad(optional(21, ['€'.repeat(22_000), null, null]))).toThrow(
      /round part entry 0 has 660\d\d bytes of fields, over 65536/,
    );
  });

  it('are refused whole above 1 MiB, and not valid UTF-8', () => {
    const big = new Uint8Array(MAX_ROUND_PART_BYTES + 1).fill(0x20);
    big.set(bytes('[4,'));
    expect(() => decodeTxMessage(big)).toThrow(`message of ${MAX_ROUND_PART_BYTES + 1} bytes exceeds`);
    const good = bytes(roundTrip([base]).text);
    const broken = new Uint8Array(good);
    broken[good.indexOf(0x41)] = 0xff; // the 'A' of the account
    expect(() => decodeTxMessage(broken)).toThrow('round part is not valid UTF-8');
  });

  it('refuse to publish a currency or country longer than a dictionary string may be', () => {
    expect(() => roundParts([{ ...base, currencyPaid: 'C'.repeat(129) }], 1)).toThrow(
      'payment file.csv#0: currencyPaid has 129 characters, over 128',
    );
    expect(() => roundParts([{ ...base, toCountry: 'C'.repeat(129) }], 1)).toThrow(
      'toCountry has 129 characters',
    );
  });
});
