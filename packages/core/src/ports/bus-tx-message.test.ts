import { describe, expect, it } from 'vitest';
import type { Transaction } from '../model/transaction.ts';
import {
  decodeTransactionMessage,
  encodeTransactionMessage,
  transactionMessageText,
} from './bus-tx-message.ts';

const tx: Transaction = {
  id: '17',
  row: 17,
  ts: Date.UTC(2022, 8, 1, 10, 15),
  fromBank: '070',
  fromAccount: '8000F5340',
  toBank: '0012',
  toAccount: '8000F4580',
  amountPaid: 369734,
  currencyPaid: 'USD',
  amountReceived: 369734,
  currencyReceived: 'USD',
  paymentFormat: 'Wire',
  fromCountry: 'US',
  label: false,
};

const bytes = (text: string) => new TextEncoder().encode(text);

describe('transaction message', () => {
  it('round-trips a transaction exactly, as a compact array with trailing absent fields left off', () => {
    expect(decodeTransactionMessage(encodeTransactionMessage(tx))).toEqual(tx);
    expect(transactionMessageText(tx)).toBe(
      '[2,"17",17,1662027300000,"070","8000F5340","0012","8000F4580",369734,"USD",369734,"USD","Wire","US",null,null,null,null,false]',
    );
    const bare: Transaction = { ...tx, fromCountry: undefined, label: undefined };
    delete (bare as { fromCountry?: string }).fromCountry;
    delete (bare as { label?: boolean }).label;
    expect(transactionMessageText(bare)).toMatch(/"Wire"\]$/);
    expect(decodeTransactionMessage(encodeTransactionMessage(bare))).toEqual(bare);
    const full: Transaction = {
      ...tx,
      toCountry: 'DE',
      purpose: 'rent\t"May"\n',
      debtorName: 'أحمد',
      creditorName: 'Müller',
      label: true,
    };
    expect(decodeTransactionMessage(encodeTransactionMessage(full))).toEqual(full);
  });

  it('still reads version 1 messages (a JSON object) that older ingests wrote', () => {
    expect(decodeTransactionMessage(bytes(JSON.stringify({ v: 1, tx })))).toEqual(tx);
  });

  it('refuses other versions, broken JSON and bad fields, saying which', () => {
    expect(() => decodeTransactionMessage(bytes('{"v":3,"tx":{}}'))).toThrow(/version 3 is not 2 or 1/);
    expect(() => decodeTransactionMessage(bytes('[3,"17"]'))).toThrow(/version 3 is not 2/);
    expect(() => decodeTransactionMessage(bytes('[2,"17",17]'))).toThrow(/has 2 fields, not 12 to 18/);
    expect(() => decodeTransactionMessage(bytes('{"v":1'))).toThrow(/not JSON/);
    const bad = (patch: Record<string, unknown>) =>
      decodeTransactionMessage(bytes(JSON.stringify({ v: 1, tx: { ...tx, ...patch } })));
    expect(() => bad({ amountPaid: 1.5 })).toThrow(/amountPaid must be an integer/);
    expect(() => bad({ fromAccount: '' })).toThrow(/fromAccount must be a non-empty string/);
    expect(() => bad({ paymentFormat: 'Pigeon' })).toThrow(/paymentFormat has unknown value Pigeon/);
    expect(() => bad({ label: 'yes' })).toThrow(/label must be a boolean/);
    const badArray = (i: number, v: unknown) => {
      const a = JSON.parse(transactionMessageText(tx)) as unknown[];
      a[i] = v;
      return decodeTransactionMessage(bytes(JSON.stringify(a)));
    };
    expect(() => badArray(8, '369734')).toThrow(/amountPaid must be an integer/);
    expect(() => badArray(5, null)).toThrow(/fromAccount must be a non-empty string/);
    expect(() => badArray(14, 7)).toThrow(/toCountry must be a string/);
    expect(() => badArray(18, 'no')).toThrow(/label must be a boolean/);
  });

  it('refuses oversized messages before parsing them', () => {
    expect(() => decodeTransactionMessage(new Uint8Array(70_000))).toThrow(/exceeds/);
  });
});
