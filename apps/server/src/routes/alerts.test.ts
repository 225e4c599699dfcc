import { buildAlert } from '@raqib/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type TestServer, testServer } from '../test-support.ts';

let s: TestServer;
beforeAll(async () => {
  s = await testServer();
  await s.deps.alerts.upsertAlerts([
    buildAlert({
      id: 'al-a',
      typologies: ['FAN-OUT'],
      score: 0.95,
      start: Date.UTC(2026, 0, 1),
      end: Date.UTC(2026, 0, 2),
    }),
    buildAlert({
      id: 'al-b',
      typologies: ['CYCLE'],
      score: 0.7,
      start: Date.UTC(2026, 1, 1),
      end: Date.UTC(2026, 1, 3),
    }),
    buildAlert({
      id: 'al-c',
      typologies: ['FAN-OUT', 'TF-EXODUS'],
      score: 0.6,
      start: Date.UTC(2026, 2, 1),
      end: Date.UTC(2026, 2, 1),
    }),
  ]);
});
afterAll(async () => {
  await s.app.close();
});

const get = (url: string) => s.app.inject({ method: 'GET', url, headers: bearer(s.keys.analyst) });
const ids = (body: { items: { id: string }[] }) => body.items.map((a) => a.id);

describe('GET /v1/alerts', () => {
  it('filters by typology, score and date, highest score first, with totals for paging', async () => {
    expect(ids((await get('/v1/alerts')).json())).toEqual(['al-a', 'al-b', 'al-c']);
    expect(ids((await get('/v1/alerts?typology=FAN-OUT')).json())).toEqual(['al-a', 'al-c']);
    expect(ids((await get('/v1/alerts?minScore=0.65')).json())).toEqual(['al-a', 'al-b']);
    expect(ids((await get('/v1/alerts?from=2026-01-15&to=2026-02-15')).json())).toEqual(['al-b']);
    const page = (await get('/v1/alerts?limit=1&offset=1')).json();
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(ids(page)).toEqual(['al-b']);
  });

  it('orders by the sort parameter across pages (start, oldest first; score, lowest first)', async () => {
    expect(ids((await get('/v1/alerts?sort=start')).json())).toEqual(['al-a', 'al-b', 'al-c']);
    expect(ids((await get('/v1/alerts?sort=-start')).json())).toEqual(['al-c', 'al-b', 'al-a']);
    expect(ids((await get('/v1/alerts?sort=score&limit=1')).json())).toEqual(['al-c']);
    expect((await get('/v1/alerts?sort=colour')).statusCode).toBe(400);
  });

  it('refuses bad filters with the field named', async () => {
    const res = await get('/v1/alerts?minScore=2&from=yesterday');
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['from', 'minScore']);
  });
});

describe('alert triage', () => {
  it('returns one alert with subgraph and explanation, 404 for an unknown id', async () => {
    const res = await get('/v1/alerts/al-a');
    expect(res.json()).toMatchObject({ alert: { id: 'al-a' }, cases: [] });
    expect(res.json().subgraph).toBeDefined();
    expect((await get('/v1/alerts/nope')).json().error.code).toBe('NOT_FOUND');
    // a long id reaches the route (and its own 404), not the router's
    const long = await get(`/v1/alerts/${'x'.repeat(150)}`);
    expect(long.json().error).toMatchObject({ code: 'NOT_FOUND', message: `no alert ${'x'.repeat(150)}` });
  });

  it('updates status and assignee, and bulk-assigns, each audited', async () => {
    const patch = await s.app.inject({
      method: 'PATCH',
      url: '/v1/alerts/al-b',
      headers: bearer(s.keys.analyst),
      payload: { status: 'triaged', assignee: 'ana' },
    });
    expect(patch.json().alert.status).toBe('triaged');
    expect(ids((await get('/v1/alerts?assignee=ana')).json())).toEqual(['al-b']);
    const bulk = await s.app.inject({
      method: 'POST',
      url: '/v1/alerts/assign',
      headers: bearer(s.keys.analyst),
      payload: { alertIds: ['al-a', 'al-c'], assignee: 'bob' },
    });
    expect(bulk.json()).toEqual({ assigned: 2 });
    expect(ids((await get('/v1/alerts?assignee=bob')).json())).toEqual(['al-a', 'al-c']);
    const unknown = await s.app.inject({
      method: 'POST',
      url: '/v1/alerts/assign',
      headers: bearer(s.keys.analyst),
      payload: { alertIds: ['al-a', 'ghost'], assignee: 'bob' },
    });
    expect(unknown.json().error).toMatchObject({ code: 'ALERT_UNKNOWN', details: { missing: ['ghost'] } });
    const audit = await s.app.inject({
      method: 'GET',
      url: '/v1/audit?entity=alert',
      headers: bearer(s.keys.supervisor),
    });
    expect(
      audit.json().items.map((e: { entityId: string; after: unknown }) => [e.entityId, e.after]),
    ).toEqual([
      ['al-b', { status: 'triaged', assignee: 'ana' }],
      ['al-a', { status: 'triaged', assignee: 'bob' }],
      ['al-c', { status: 'triaged', assignee: 'bob' }],
    ]);
  });
});
