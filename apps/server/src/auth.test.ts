import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, contractTx, type TestServer, testServer } from './test-support.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
interface RouteCase {
  readonly method: Method;
  readonly url: string;
  readonly path: string;
  readonly minRole: 'analyst' | 'supervisor' | 'admin';
  readonly body?: unknown;
}

/** Every /v1 route, with the least role it needs. The last test checks that this table covers the OpenAPI paths. */
const ROUTES: RouteCase[] = [
  {
    method: 'POST',
    url: '/v1/transactions',
    path: '/v1/transactions',
    minRole: 'analyst',
    body: contractTx('t', '1'),
  },
  {
    method: 'POST',
    url: '/v1/stream/transactions',
    path: '/v1/stream/transactions',
    minRole: 'analyst',
    body: contractTx('t', '1'),
  },
  { method: 'GET', url: '/v1/alerts', path: '/v1/alerts', minRole: 'analyst' },
  { method: 'GET', url: '/v1/alerts/x', path: '/v1/alerts/{id}', minRole: 'analyst' },
  { method: 'PATCH', url: '/v1/alerts/x', path: '/v1/alerts/{id}', minRole: 'analyst', body: {} },
  { method: 'POST', url: '/v1/alerts/assign', path: '/v1/alerts/assign', minRole: 'analyst', body: {} },
  { method: 'POST', url: '/v1/cases', path: '/v1/cases', minRole: 'analyst', body: {} },
  { method: 'GET', url: '/v1/cases', path: '/v1/cases', minRole: 'analyst' },
  { method: 'GET', url: '/v1/cases/x', path: '/v1/cases/{id}', minRole: 'analyst' },
  { method: 'POST', url: '/v1/cases/x/assign', path: '/v1/cases/{id}/assign', minRole: 'analyst', body: {} },
  { method: 'POST', url: '/v1/cases/x/notes', path: '/v1/cases/{id}/notes', minRole: 'analyst', body: {} },
  { method: 'POST', url: '/v1/cases/x/alerts', path: '/v1/cases/{id}/alerts', minRole: 'analyst', body: {} },
  { method: 'POST', url: '/v1/cases/x/status', path: '/v1/cases/{id}/status', minRole: 'analyst', body: {} },
  { method: 'POST', url: '/v1/cases/x/str', path: '/v1/cases/{id}/str', minRole: 'analyst', body: {} },
  { method: 'GET', url: '/v1/cases/x/str', path: '/v1/cases/{id}/str', minRole: 'analyst' },
  {
    method: 'POST',
    url: '/v1/cases/x/approve',
    path: '/v1/cases/{id}/approve',
    minRole: 'supervisor',
    body: {},
  },
  { method: 'GET', url: '/v1/cases/x/audit', path: '/v1/cases/{id}/audit', minRole: 'analyst' },
  { method: 'GET', url: '/v1/audit', path: '/v1/audit', minRole: 'supervisor' },
  { method: 'GET', url: '/v1/audit/verify', path: '/v1/audit/verify', minRole: 'supervisor' },
  { method: 'GET', url: '/v1/me', path: '/v1/me', minRole: 'analyst' },
  { method: 'GET', url: '/v1/keys', path: '/v1/keys', minRole: 'admin' },
  { method: 'POST', url: '/v1/keys', path: '/v1/keys', minRole: 'admin', body: {} },
  { method: 'DELETE', url: '/v1/keys/x', path: '/v1/keys/{id}', minRole: 'admin' },
  { method: 'POST', url: '/v1/screen', path: '/v1/screen', minRole: 'analyst', body: {} },
  { method: 'POST', url: '/v1/screen/batch', path: '/v1/screen/batch', minRole: 'analyst', body: {} },
];

const RANK = { analyst: 0, supervisor: 1, admin: 2 } as const;

let s: TestServer;
beforeAll(async () => {
  s = await testServer();
});
afterAll(async () => {
  await s.app.close();
});

const call = (r: RouteCase, headers: Record<string, string>) =>
  s.app.inject({
    method: r.method,
    url: r.url,
    headers,
    ...(r.body === undefined ? {} : { payload: r.body as object }),
  });

describe.each(ROUTES)('$method $url', (r) => {
  it('answers 401 AUTH_MISSING without a key', async () => {
    const res = await call(r, {});
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_MISSING');
  });
  it('answers 401 AUTH_INVALID for an unknown, a revoked or a malformed key', async () => {
    for (const headers of [bearer('rqb_not-a-key'), bearer(s.keys.revoked), { authorization: 'Basic abc' }]) {
      const res = await call(r, headers);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('AUTH_INVALID');
    }
  });
  it(`answers 403 FORBIDDEN below ${r.minRole} and lets ${r.minRole} through`, async () => {
    for (const role of ['analyst', 'supervisor', 'admin'] as const) {
      const res = await call(r, bearer(s.keys[role]));
      if (RANK[role] < RANK[r.minRole]) {
        expect(res.statusCode, role).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      } else {
        expect([401, 403], `${role}: ${res.body}`).not.toContain(res.statusCode);
      }
    }
  });
});

describe('route table', () => {
  it('covers every /v1 route of the OpenAPI document', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, unknown>>;
    const documented = Object.entries(paths)
      .filter(([p]) => p.startsWith('/v1/'))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(documented).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    expect(paths['/v1/transactions']?.post).toMatchObject({ security: [{ bearer: [] }] });
  });

  it('marks API answers as not cacheable', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { authorization: `Bearer ${s.keys.analyst}` },
    });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the docs page and a health check without a key', async () => {
    const docs = await s.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
    expect((await s.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ ok: true });
  });
});
