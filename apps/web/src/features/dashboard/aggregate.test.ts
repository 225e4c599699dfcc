import type { Transaction } from '@raqib/core';
import { describe, expect, it } from 'vitest';
import {
  alertsPerTypology,
  amountsByCorridor,
  flowsFromEdges,
  flowsFromTransactions,
  mainCurrency,
  queueAgeing,
} from './aggregate.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2022, 8, 1);

describe('alertsPerTypology', () => {
  it('counts alerts per typology per activity day, most frequent typology first', () => {
    const result = alertsPerTypology([
      { typologies: ['FAN-OUT'], start: T0 + 5 },
      { typologies: ['FAN-OUT', 'CYCLE'], start: T0 + DAY + 10 },
      { typologies: ['FAN-OUT'], start: T0 + 2 * DAY + 10 },
    ]);
    expect(result.buckets).toEqual([T0, T0 + DAY, T0 + 2 * DAY]);
    expect(result.series).toEqual([
      { typology: 'FAN-OUT', counts: [1, 1, 1] },
      { typology: 'CYCLE', counts: [0, 1, 0] },
    ]);
  });

  it('merges days into wider buckets beyond the bucket limit and loses no alert', () => {
    const alerts = Array.from({ length: 90 }, (_, i) => ({ typologies: ['T'], start: T0 + i * DAY }));
    const result = alertsPerTypology(alerts, 30);
    expect(result.buckets).toHaveLength(30);
    expect(result.buckets[1]! - result.buckets[0]!).toBe(3 * DAY);
    expect(result.series[0]!.counts.reduce((s, v) => s + v, 0)).toBe(90);
  });
});

describe('queueAgeing', () => {
  it('buckets open alerts by days waited and skips closed ones', () => {
    const now = T0 + 100 * DAY;
    const at = (days: number) => now - days * DAY;
    expect(
      queueAgeing(
        [
          { status: 'new', createdAt: at(0.5) },
          { status: 'triaged', createdAt: at(2) },
          { status: 'new', createdAt: at(3) },
          { status: 'in-case', createdAt: at(10) },
          { status: 'new', createdAt: at(45) },
          { status: 'closed', createdAt: at(45) },
        ],
        now,
      ),
    ).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('amountsByCorridor', () => {
  const tx = (id: string, over: Partial<Transaction>): Transaction => ({
    id,
    row: -1,
    ts: T0,
    fromBank: '010',
    fromAccount: 'A',
    toBank: '020',
    toAccount: 'B',
    amountPaid: 100_00,
    currencyPaid: 'USD',
    amountReceived: 100_00,
    currencyReceived: 'USD',
    paymentFormat: 'Wire',
    ...over,
  });

  it('sums per corridor and currency in major units, once per transaction', () => {
    const rows = [
      tx('1', { fromCountry: 'AE', toCountry: 'SY', amountPaid: 950_000 }),
      tx('1', { fromCountry: 'AE', toCountry: 'SY', amountPaid: 950_000 }),
      tx('2', { fromCountry: 'AE', toCountry: 'SY', amountPaid: 50_000 }),
      tx('3', { fromCountry: 'AE', toCountry: 'SY', amountPaid: 1_000, currencyPaid: 'KWD' }),
      tx('4', {}),
    ];
    expect(amountsByCorridor(flowsFromTransactions(rows))).toEqual([
      { label: 'AE → SY', currency: 'USD', amount: 10_000, count: 2 },
      { label: '010 → 020', currency: 'USD', amount: 100, count: 1 },
      { label: 'AE → SY', currency: 'KWD', amount: 1, count: 1 },
    ]);
    expect(mainCurrency(amountsByCorridor(flowsFromTransactions(rows)))).toBe('USD');
  });

  it('falls back to the bank pair for evidence known only by its subgraph edges', () => {
    const edges = [
      { txId: 'a', from: '045|X1', to: '0213|Y1', amount: 12_345, currency: 'EUR', ts: T0 },
      { txId: 'b', from: '045|X2', to: '0213|Y9', amount: 55, currency: 'EUR', ts: T0 },
    ];
    expect(amountsByCorridor(flowsFromEdges(edges))).toEqual([
      { label: '045 → 0213', currency: 'EUR', amount: 124, count: 2 },
    ]);
  });
});
