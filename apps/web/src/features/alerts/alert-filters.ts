import type { AlertFilters } from '../../api/endpoints.ts';

export const SORT_KEYS = ['score', 'createdAt', 'start', 'transactions'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  readonly key: SortKey;
  readonly dir: 'asc' | 'desc';
}

export const PAGE_SIZE = 25;

/** The queue's state lives in the URL (`#/alerts?typology=…&sort=-score`), so a filtered queue can be shared. */
export interface QueueState {
  readonly filters: AlertFilters;
  readonly sort: Sort;
  readonly page: number;
}

export function parseSort(text: string | null): Sort {
  const desc = text?.startsWith('-') ?? true;
  const key = (text ?? '-score').replace(/^-/, '');
  return (SORT_KEYS as readonly string[]).includes(key)
    ? { key: key as SortKey, dir: desc ? 'desc' : 'asc' }
    : { key: 'score', dir: 'desc' };
}

export const formatSort = (sort: Sort): string => `${sort.dir === 'desc' ? '-' : ''}${sort.key}`;

const text = (q: URLSearchParams, name: string): string | undefined => {
  const v = q.get(name)?.trim();
  return v === undefined || v === '' ? undefined : v;
};

export function queueStateFromQuery(q: URLSearchParams): QueueState {
  const minScore = Number(q.get('minScore'));
  const page = Number(q.get('page'));
  return {
    filters: {
      typology: text(q, 'typology'),
      status: text(q, 'status'),
      minScore: q.has('minScore') && Number.isFinite(minScore) ? minScore : undefined,
      assignee: text(q, 'assignee'),
      from: text(q, 'from'),
      to: text(q, 'to'),
    },
    sort: parseSort(q.get('sort')),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function queueStateToQuery(state: QueueState): Record<string, string | undefined> {
  const f = state.filters;
  return {
    typology: f.typology,
    status: f.status,
    minScore: f.minScore === undefined ? undefined : String(f.minScore),
    assignee: f.assignee,
    from: f.from,
    to: f.to,
    sort: formatSort(state.sort) === '-score' ? undefined : formatSort(state.sort),
    page: state.page > 1 ? String(state.page) : undefined,
  };
}

/**
 * The API request for a queue state: one page, the server filters. A `to` date means "up to the end of that day"
 * (UTC, the data's time base), not its first millisecond.
 */
export function requestFor(state: QueueState): AlertFilters {
  const to = state.filters.to;
  return {
    ...state.filters,
    to: to !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : to,
    sort: formatSort(state.sort),
    limit: PAGE_SIZE,
    offset: (state.page - 1) * PAGE_SIZE,
  };
}

interface Sortable {
  readonly score: number;
  readonly createdAt: number;
  readonly start: number;
  readonly transactions: readonly unknown[];
  readonly id: string;
}

/** Orders one page the way the server was asked to, so that a server that ignores `sort` still reads right. */
export function sortAlerts<T extends Sortable>(alerts: readonly T[], sort: Sort): T[] {
  const value = (a: T): number =>
    sort.key === 'transactions' ? a.transactions.length : sort.key === 'score' ? a.score : a[sort.key];
  const sign = sort.dir === 'desc' ? -1 : 1;
  return [...alerts].sort((a, b) => sign * (value(a) - value(b)) || a.id.localeCompare(b.id));
}
