import { describe, expect, it } from 'vitest';
import type { Alert, DetectorFinding } from '../model/alert.ts';
import type { Transaction } from '../model/transaction.ts';
import {
  alertLane,
  GRAPH_LANE,
  isMultiHopAlert,
  parsePartitionList,
  partitionOf,
  transactionPartitions,
} from './partition.ts';

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

const finding = (detector: string, band = '.02'): DetectorFinding => ({
  detector,
  version: '1.0.0',
  band,
  value: 3,
  unit: 'x',
});

const alert = (findings: DetectorFinding[], anchor = { bank: '001', account: 'A' }): Alert =>
  ({ findings, accounts: [anchor, { bank: '009', account: 'Z' }] }) as unknown as Alert;

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

describe('transactionPartitions', () => {
  it('sends a payment to the partitions of both accounts, payer first, once when they coincide', () => {
    let split: Transaction | undefined;
    let same: Transaction | undefined;
    for (let i = 0; i < 200 && !(split && same); i++) {
      const t = tx(`A${i}`, `B${i}`);
      const p = transactionPartitions(t, 4);
      if (p.length === 2) split ??= t;
      else same ??= t;
    }
    const ps = transactionPartitions(split!, 4);
    expect(ps).toEqual([
      partitionOf('001|' + split!.fromAccount, 4),
      partitionOf('002|' + split!.toAccount, 4),
    ]);
    expect(ps[0]).not.toBe(ps[1]);
    expect(transactionPartitions(same!, 4)).toEqual([partitionOf('001|' + same!.fromAccount, 4)]);
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

describe('alertLane', () => {
  it('gives multi-hop alerts to the graph lane and the rest to the anchor account partition', () => {
    const cycle = alert([finding('fan-out', '.00'), finding('cycle')]);
    expect(isMultiHopAlert(cycle)).toBe(true);
    expect(alertLane(cycle, 4)).toBe(GRAPH_LANE);
    const fan = alert([finding('fan-out'), finding('cycle', '.00')]);
    expect(isMultiHopAlert(fan)).toBe(false);
    expect(alertLane(fan, 4)).toBe(partitionOf('001|A', 4));
  });
});
