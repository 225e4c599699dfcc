import { describe, expect, it } from 'vitest';
import type { Alert, DetectorFinding } from '../model/alert.ts';
import type { Transaction } from '../model/transaction.ts';
import { defaultMonitoringConfig } from './config.ts';
import {
  alertHub,
  alertLane,
  GRAPH_LANE,
  GRAPH_LANE_DETECTORS,
  isGraphAlert,
  laneConfig,
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
  const edge = (from: string, to: string, i: number) => ({
    txId: `t${i}`,
    from,
    to,
    amount: 1,
    currency: 'USD',
    ts: i,
  });
  const alert = (findings: DetectorFinding[], edges: ReturnType<typeof edge>[]): Alert =>
    ({ findings, subgraph: { nodes: [], edges } }) as unknown as Alert;
  const fanIn = [edge('001|X', '009|HUB', 1), edge('001|Y', '009|HUB', 2), edge('001|Z', '009|HUB', 3)];

  it('gives graph-lane alerts to the graph lane and the rest to the partition of their hub', () => {
    const cycle = alert([finding('fan-out', '.00'), finding('cycle')], fanIn);
    expect(isGraphAlert(cycle)).toBe(true);
    expect(alertLane(cycle, 4)).toBe(GRAPH_LANE);
    const fan = alert([finding('fan-in'), finding('cycle', '.00')], fanIn);
    expect(isGraphAlert(fan)).toBe(false);
    expect(alertHub(fan)).toBe('009|HUB');
    expect(alertLane(fan, 4)).toBe(partitionOf('009|HUB', 4));
  });

  it('takes the payer of the earliest edge when no account dominates, and owns everything with one partition', () => {
    const single = alert([finding('amount-spike')], [edge('001|P', '002|Q', 1)]);
    expect(alertHub(single)).toBe('001|P');
    expect(alertLane(single, 1)).toBe(0);
    expect(alertLane(alert([finding('cycle')], fanIn), 1)).toBe(0);
  });
});

describe('laneConfig', () => {
  const config = defaultMonitoringConfig();
  const enabled = (c: typeof config) =>
    Object.entries(c.detectors)
      .filter(([, d]) => d.enabled)
      .map(([id]) => id)
      .sort();

  it('leaves the configuration alone with one partition', () => {
    expect(laneConfig(config, 0, 1)).toBe(config);
  });

  it('splits the detectors between account lanes and the graph lane, sharing only typology partners', () => {
    const account = enabled(laneConfig(config, 2, 4));
    const graph = enabled(laneConfig(config, GRAPH_LANE, 4));
    for (const id of GRAPH_LANE_DETECTORS) {
      expect(account).not.toContain(id);
      expect(graph).toContain(id);
    }
    expect(account).toContain('fan-out');
    expect(graph).not.toContain('fan-out');
    // exodus scores TF-FX-PREMIUM together with fx-premium, so the graph lane runs it too
    expect(graph).toContain('exodus');
    expect(new Set([...account, ...graph])).toEqual(new Set(enabled(config)));
  });
});
