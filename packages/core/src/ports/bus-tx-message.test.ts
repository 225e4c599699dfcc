import { describe, expect, it } from 'vitest';
import type { Transaction } from '../model/transaction.ts';
import { decodeTransactionMessage, encodeTransactionMessage } from './bus-tx-message.ts';

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
  it('round-trips a transaction exactly', () => {
    expect(decodeTransactionMessage(encodeTransactionMessage(tx))).toEqual(tx);
  });

  it('refuses other versions, broken JSON and bad fields, saying which', () => {
    expect(() => decodeTransactionMessage(bytes('{"v":2,"tx":{}}'))).toThrow(/version 2 is not 1/);
    expect(() => decodeTransactionMessage(bytes('{"v":1'))).toThrow(/not JSON/);
    const bad = (patch: Record<string, unknown>) =>
      decodeTransactionMessage(bytes(JSON.stringify({ v: 1, tx: { ...tx, ...patch } })));
    expect(() => bad({ amountPaid: 1.5 })).toThrow(/amountPaid must be an integer/);
    expect(() => bad({ fromAccount: '' })).toThrow(/fromAccount must be a non-empty string/);
    expect(() => bad({ paymentFormat: 'Pigeon' })).toThrow(/paymentFormat has unknown value Pigeon/);
    expect(() => bad({ label: 'yes' })).toThrow(/label must be a boolean/);
  });

  it('refuses oversized messages before parsing them', () => {
    expect(() => decodeTransactionMessage(new Uint8Array(70_000))).toThrow(/exceeds/);
  });
});
