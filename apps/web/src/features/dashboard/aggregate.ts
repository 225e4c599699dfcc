import type { Alert, SubgraphEdge, Transaction } from '@raqib/core';
import { currencyExponent } from '@raqib/core';

const DAY = 86_400_000;

export interface TypologySeries {
  /** Bucket start times (UTC midnight), ascending and contiguous. */
  readonly buckets: readonly number[];
  /** One count per bucket for each typology, most frequent typology first. */
  readonly series: readonly { readonly typology: string; readonly counts: readonly number[] }[];
}

/**
 * Alerts per typology per day of activity (the alert's first evidence transaction), so that a replayed data
 * set shows when the laundering happened rather than when the replay ran. An alert with several typologies
 * counts once for each. More than `maxBuckets` days are merged into wider buckets.
 */
export function alertsPerTypology(
  alerts: readonly Pick<Alert, 'typologies' | 'start'>[],
  maxBuckets = 30,
): TypologySeries {
  if (alerts.length === 0) return { buckets: [], series: [] };
  const first = Math.floor(Math.min(...alerts.map((a) => a.start)) / DAY) * DAY;
  const last = Math.floor(Math.max(...alerts.map((a) => a.start)) / DAY) * DAY;
  const days = Math.round((last - first) / DAY) + 1;
  const width = Math.ceil(days / maxBuckets) * DAY;
  const count = Math.ceil((last - first + DAY) / width);
  const buckets = Array.from({ length: count }, (_, i) => first + i * width);
  const byTypology = new Map<string, number[]>();
  for (const a of alerts) {
    const i = Math.min(count - 1, Math.floor((a.start - first) / width));
    for (const typology of a.typologies) {
      let counts = byTypology.get(typology);
      if (counts === undefined) {
        counts = new Array<number>(count).fill(0);
        byTypology.set(typology, counts);
      }
      counts[i] = (counts[i] ?? 0) + 1;
    }
  }
  const total = (c: readonly number[]) => c.reduce((s, v) => s + v, 0);
  const series = [...byTypology]
    .map(([typology, counts]) => ({ typology, counts }))
    .sort((a, b) => total(b.counts) - total(a.counts) || a.typology.localeCompare(b.typology));
  return { buckets, series };
}

/** Upper bounds (exclusive) of the ageing buckets, in days; the last bucket is open-ended. */
export const AGE_LIMITS_DAYS = [1, 3, 7, 30] as const;

/** Counts of alerts not yet closed by how long they have waited since they were raised. */
export function queueAgeing(alerts: readonly Pick<Alert, 'status' | 'createdAt'>[], now: number): number[] {
  const counts = new Array<number>(AGE_LIMITS_DAYS.length + 1).fill(0);
  for (const a of alerts) {
    if (a.status === 'closed') continue;
    const days = (now - a.createdAt) / DAY;
    let i = AGE_LIMITS_DAYS.findIndex((limit) => days < limit);
    if (i < 0) i = AGE_LIMITS_DAYS.length;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

export interface Corridor {
  /** `AE → SY`, or paying → receiving bank where the country is unknown. */
  readonly label: string;
  readonly currency: string;
  /** Major units. */
  readonly amount: number;
  readonly count: number;
}

/** One payment reduced to what the corridor chart needs. */
export interface CorridorFlow {
  readonly id: string;
  readonly label: string;
  readonly currency: string;
  /** Integer minor units. */
  readonly amount: number;
}

/** Payments with their full record: the corridor is the country pair, or the bank pair when a country is missing. */
export function flowsFromTransactions(transactions: readonly Transaction[]): CorridorFlow[] {
  return transactions.map((tx) => ({
    id: tx.id,
    label:
      tx.fromCountry && tx.toCountry
        ? `${tx.fromCountry} → ${tx.toCountry}`
        : `${tx.fromBank} → ${tx.toBank}`,
    currency: tx.currencyPaid,
    amount: tx.amountPaid,
  }));
}

/** Evidence known only by its subgraph edges (a file scan stores no records): the corridor is the bank pair. */
export function flowsFromEdges(edges: readonly SubgraphEdge[]): CorridorFlow[] {
  const bank = (key: string) => key.slice(0, Math.max(0, key.indexOf('|')));
  return edges.map((e) => ({
    id: e.txId,
    label: `${bank(e.from)} → ${bank(e.to)}`,
    currency: e.currency,
    amount: e.amount,
  }));
}

/**
 * Sums payments by corridor and currency. Currencies are never added together: the UI has no exchange rates,
 * and a converted figure would hide the corridor's real currency. Each payment counts once even if it is evidence
 * in several alerts.
 */
export function amountsByCorridor(flows: readonly CorridorFlow[]): Corridor[] {
  const seen = new Set<string>();
  const acc = new Map<string, { label: string; currency: string; amount: number; count: number }>();
  for (const f of flows) {
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    const key = `${f.label}\u0000${f.currency}`;
    const entry = acc.get(key) ?? { label: f.label, currency: f.currency, amount: 0, count: 0 };
    entry.amount += f.amount / 10 ** currencyExponent(f.currency);
    entry.count += 1;
    acc.set(key, entry);
  }
  return [...acc.values()].sort((a, b) => b.amount - a.amount || a.label.localeCompare(b.label));
}

/** The currency with the most corridor transactions: the chart's default view. */
export function mainCurrency(corridors: readonly Corridor[]): string | undefined {
  const counts = new Map<string, number>();
  for (const c of corridors) counts.set(c.currency, (counts.get(c.currency) ?? 0) + c.count);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}
