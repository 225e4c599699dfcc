import { describe, expect, it } from 'vitest';
import {
  parseSort,
  queueStateFromQuery,
  queueStateToQuery,
  requestFor,
  sortAlerts,
} from './alert-filters.ts';

describe('alert queue state', () => {
  it('round-trips filters, sort and page through the URL query', () => {
    const q = new URLSearchParams(
      'typology=FAN-OUT&minScore=0.7&status=new&sort=createdAt&page=3&assignee=lina',
    );
    const state = queueStateFromQuery(q);
    expect(state).toEqual({
      filters: {
        typology: 'FAN-OUT',
        status: 'new',
        minScore: 0.7,
        assignee: 'lina',
        from: undefined,
        to: undefined,
      },
      sort: { key: 'createdAt', dir: 'asc' },
      page: 3,
    });
    expect(new URLSearchParams(queueStateToQuery(state) as Record<string, string>).get('sort')).toBe(
      'createdAt',
    );
    expect(requestFor(state)).toMatchObject({ offset: 50, limit: 25, sort: 'createdAt', minScore: 0.7 });
    const dated = queueStateFromQuery(new URLSearchParams('from=2022-09-01&to=2022-09-03'));
    expect(requestFor(dated)).toMatchObject({ from: '2022-09-01', to: '2022-09-03T23:59:59.999Z' });
  });

  it('falls back to highest score first for an unknown sort key, and ignores a bad page', () => {
    expect(parseSort('-amount')).toEqual({ key: 'score', dir: 'desc' });
    expect(queueStateFromQuery(new URLSearchParams('page=-2&minScore=abc'))).toMatchObject({
      page: 1,
      filters: { minScore: undefined },
    });
  });

  it('sorts a page by the chosen column with the id as tie-breaker', () => {
    const a = { id: 'a', score: 0.5, createdAt: 3, start: 1, transactions: [1, 2, 3] };
    const b = { id: 'b', score: 0.9, createdAt: 1, start: 2, transactions: [1] };
    const c = { id: 'c', score: 0.5, createdAt: 2, start: 3, transactions: [1, 2] };
    expect(sortAlerts([a, b, c], { key: 'score', dir: 'desc' }).map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect(sortAlerts([a, b, c], { key: 'createdAt', dir: 'asc' }).map((x) => x.id)).toEqual(['b', 'c', 'a']);
    expect(sortAlerts([a, b, c], { key: 'transactions', dir: 'desc' }).map((x) => x.id)).toEqual([
      'a',
      'c',
      'b',
    ]);
  });
});
