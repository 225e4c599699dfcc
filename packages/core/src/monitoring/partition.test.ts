import { describe, expect, it } from 'vitest';
import type { Transaction } from '../model/transaction.ts';
import { parsePartitionList, partitionOf, payerPartition } from './partition.ts';

const tx = (fromAccount: string, toAccount: string): Transaction => ({
  id: `${fromAccount}>${toAccount}`,
  row: 0,
  ts: 0,
  fromBank: '001',
  fromAccount,
  toBank: '002',
  toAccount,
  amountPaid: 100,
  currencyPaid: 'USD',
  amountReceived: 100,
  currencyReceived: 'USD',
  paymentFormat: 'Wire',
});

// fmix32(FNV-1a("a")) mod 2^31-1, computed once and pinned
const PINNED_A = 444_641_715;

describe('partitionOf', () => {
  it('is pinned (changing the hash re-homes every account of a running stream)', () => {
    expect(partitionOf('a', 0x7fffffff)).toBe(PINNED_A);
    expect(partitionOf('001|A1', 1)).toBe(0);
  });

  it('spreads many accounts evenly over the partitions', () => {
    const counts = new Array<number>(8).fill(0);
    for (let i = 0; i < 80_000; i++) counts[partitionOf(`0${i % 97}|8${i.toString(16)}`, 8)]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(600);
    // keys that differ in one character land on different partitions about three times in four
    let differ = 0;
    for (let i = 0; i < 4000; i++) if (partitionOf(`001|A${i}`, 4) !== partitionOf(`002|A${i}`, 4)) differ++;
    expect(differ / 4000).toBeGreaterThan(0.7);
  });
});

describe('payerPartition', () => {
  it("is the partition of the payer's key, whatever the payee", () => {
    const owners = new Set<number>();
    for (let i = 0; i < 40; i++) {
      const p = payerPartition(tx('A1', `B${i}`), 4);
      expect(p).toBe(partitionOf('001|A1', 4));
      owners.add(partitionOf(`002|B${i}`, 4));
    }
    expect(owners.size).toBeGreaterThan(1); // the payees did land elsewhere: the payer alone decides
  });
});

describe('parsePartitionList', () => {
  it('reads numbers and ranges, sorted and without repeats', () => {
    expect(parsePartitionList('0-3', 8)).toEqual([0, 1, 2, 3]);
    expect(parsePartitionList('6, 1,2-3,2', 8)).toEqual([1, 2, 3, 6]);
  });

  it('names the bad part', () => {
    expect(() => parsePartitionList('0-9', 8)).toThrow(/9 is out of range .*0-7/);
    expect(() => parsePartitionList('3-1', 8)).toThrow(/runs backwards/);
    expect(() => parsePartitionList('a', 8)).toThrow(/"a" is not a number/);
  });
});
