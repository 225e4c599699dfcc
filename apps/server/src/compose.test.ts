import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAlert } from '@raqib/testkit';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { generateApiKey } from './auth.ts';
import { approximateRatesTo, type Composition, compose } from './compose.ts';
import { ConfigError, loadServerConfig, REPO_ROOT } from './config.ts';
import { verifyAudit } from './routes/audit.ts';
import { bearer, contractTx } from './test-support.ts';

let composition: Composition | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await composition?.close();
  composition = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('loadServerConfig', () => {
  it('reports every bad setting at once', () => {
    expect(() =>
      loadServerConfig({ RAQIB_PORT: 'abc', RAQIB_GOAML_FX: '{bad', RAQIB_GOAML_CURRENCY: 'aed' }),
    ).toThrow(ConfigError);
    try {
      loadServerConfig({ RAQIB_PORT: 'abc', RAQIB_GOAML_FX: '{bad' });
    } catch (error) {
      expect((error as Error).message).toMatch(/RAQIB_PORT/);
      expect((error as Error).message).toMatch(/RAQIB_GOAML_FX/);
    }
  });
  it('has defaults that run a demo', () => {
    const c = loadServerConfig({});
    expect(c).toMatchObject({
      RAQIB_DB: './raqib.db',
      RAQIB_PORT: 8080,
      RAQIB_GOAML_CURRENCY: 'AED',
      RAQIB_GOAML_FX: { USD: 3.6725 },
    });
    expect(c.webDist).toMatch(/apps\/web\/dist$/);
  });
});

describe('approximateRatesTo', () => {
  it('derives local units per foreign unit from the monitor reference levels', () => {
    const rates = approximateRatesTo('AED');
    expect(rates.USD).toBeCloseTo(3.67, 1);
    expect(rates.EUR).toBeGreaterThan(rates.USD ?? 0);
    expect(rates.AED).toBeUndefined();
  });
});

describe('compose (SQLite)', () => {
  it('scores with the real monitor, persists, and its audit verify catches an edited row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-srv-'));
    dirs.push(dir);
    const db = join(dir, 'raqib.db');
    composition = await compose(
      loadServerConfig({ RAQIB_DB: db, RAQIB_LOG_LEVEL: 'silent', RAQIB_WEB_DIST: '/nonexistent' }),
    );
    const { deps } = composition;
    const { key, record } = generateApiKey('ana', 'admin', 'test', Date.now());
    await deps.keys.insertKey(record);
    const app = await buildApp(deps);
    try {
      const txs = Array.from({ length: 30 }, (_, i) =>
        contractTx(`m${i}`, String(9_500 + i), { ts: new Date(Date.UTC(2026, 10, 20, 10, i)).toISOString() }),
      );
      const res = await app.inject({
        method: 'POST',
        url: '/v1/transactions',
        headers: bearer(key),
        payload: { transactions: txs },
      });
      expect(res.statusCode, res.body).toBe(200);
      const results = res.json().results as { id: string; score: number }[];
      expect(results.map((r) => r.id)).toEqual(txs.map((t) => t.id));
      for (const r of results) expect(r.score).toBeGreaterThanOrEqual(0);
      expect(await deps.transactions.getTransactions(['m0', 'm29'])).toHaveLength(2);

      const created = await app.inject({
        method: 'POST',
        url: '/v1/keys',
        headers: bearer(key),
        payload: { name: 'bob', role: 'analyst' },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json().key).toMatch(/^rqb_/);
      expect(await verifyAudit(deps)).toMatchObject({ ok: true, checked: 1 });
      await sql`update audit_log set after_json = '{"role":"admin"}' where seq = 1`.execute(
        composition.database.db,
      );
      const v = await verifyAudit(deps);
      expect(v.ok).toBe(false);
      expect(v.findings[0]).toMatchObject({ seq: 1, problem: 'edited' });
    } finally {
      await app.close();
    }
    // a restart rebuilds the account windows from the stored transactions
    await composition.close();
    const fixtures = join(REPO_ROOT, 'fixtures/transactions');
    composition = await compose(
      loadServerConfig({
        RAQIB_DB: db,
        RAQIB_LOG_LEVEL: 'silent',
        RAQIB_BANKS: join(fixtures, 'banks.csv'),
        RAQIB_ACCOUNTS: join(fixtures, 'accounts.csv'),
      }),
    );
    expect(composition.summary.replayed).toBe(30);
    expect(composition.summary.accounts).toBeGreaterThan(0);
    expect(composition.summary.banks).toBeGreaterThan(0);
    expect(composition.deps.goaml.accounts?.get('001|8000F5340')).toMatchObject({
      entityName: 'Omar Haddad',
    });
    await composition.close();
    composition = await compose(
      loadServerConfig({ RAQIB_DB: db, RAQIB_LOG_LEVEL: 'silent', RAQIB_WARMUP_DAYS: '0' }),
    );
    expect(composition.summary.replayed).toBe(0);
  });
});

/** A server composition on a new SQLite file, without lists: what the audited-action tests start from. */
async function composeFresh(): Promise<Composition> {
  const dir = mkdtempSync(join(tmpdir(), 'raqib-uow-'));
  dirs.push(dir);
  composition = await compose(
    loadServerConfig({
      RAQIB_DB: join(dir, 'raqib.db'),
      RAQIB_LOG_LEVEL: 'silent',
      RAQIB_WEB_DIST: '/nonexistent',
      RAQIB_LISTS: 'none',
    }),
  );
  return composition;
}

describe('audited actions on SQLite (one unit of work each)', () => {
  it('keeps a case unchanged when its audit entry cannot be written', async () => {
    const { deps, database } = await composeFresh();
    const { key, record } = generateApiKey('ana', 'admin', 'test', Date.now());
    await deps.keys.insertKey(record);
    await deps.alerts.upsertAlerts([buildAlert({ id: 'al-1', status: 'new' })]);
    const app = await buildApp(deps);
    try {
      const post = (url: string, payload: object) =>
        app.inject({ method: 'POST', url, headers: bearer(key), payload });
      const created = await post('/v1/cases', { alertIds: ['al-1'] });
      expect(created.statusCode, created.body).toBe(201);
      const id = (created.json() as { case: { id: string } }).case.id;
      expect((await deps.alerts.getAlert('al-1'))?.status).toBe('in-case');

      // the audit log refuses this one action: the case and its alert must stay as they were
      await sql
        .raw(
          `create trigger refuse_close before insert on audit_log when new.action = 'case.status'
           begin select raise(abort, 'audit log unavailable'); end`,
        )
        .execute(database.db);
      const closed = await post(`/v1/cases/${id}/status`, {
        status: 'closed',
        reason: 'nothing suspicious',
        resolution: 'false-positive',
      });
      expect(closed.statusCode).toBe(500);
      const stored = await deps.cases.getCase(id);
      expect(stored?.status).toBe('open');
      expect(stored?.timeline).toHaveLength(1);
      expect((await deps.alerts.getAlert('al-1'))?.status).toBe('in-case');
      expect((await deps.audit.list({ entity: 'case', entityId: id })).map((e) => e.action)).toEqual([
        'case.create',
      ]);

      // once the audit log accepts entries again, the same action goes through, audited
      await sql.raw('drop trigger refuse_close').execute(database.db);
      const retried = await post(`/v1/cases/${id}/status`, {
        status: 'closed',
        reason: 'nothing suspicious',
        resolution: 'false-positive',
      });
      expect(retried.statusCode, retried.body).toBe(200);
      expect((await deps.cases.getCase(id))?.status).toBe('closed');
      expect((await deps.alerts.getAlert('al-1'))?.status).toBe('closed');
      expect(await verifyAudit(deps)).toMatchObject({ ok: true, checked: 2 });
    } finally {
      await app.close();
    }
  });

  it('stores no API key whose creation cannot be audited', async () => {
    const { deps, database } = await composeFresh();
    const { key, record } = generateApiKey('root', 'admin', 'test', Date.now());
    await deps.keys.insertKey(record);
    const app = await buildApp(deps);
    try {
      await sql
        .raw(
          `create trigger refuse_key before insert on audit_log when new.action = 'key.create'
           begin select raise(abort, 'audit log unavailable'); end`,
        )
        .execute(database.db);
      const refused = await app.inject({
        method: 'POST',
        url: '/v1/keys',
        headers: bearer(key),
        payload: { name: 'mallory', role: 'admin' },
      });
      expect(refused.statusCode).toBe(500);
      expect((await deps.keys.listKeys()).map((k) => k.name)).toEqual(['root']);
      await sql.raw('drop trigger refuse_key').execute(database.db);
      const created = await app.inject({
        method: 'POST',
        url: '/v1/keys',
        headers: bearer(key),
        payload: { name: 'bob', role: 'analyst' },
      });
      expect(created.statusCode, created.body).toBe(201);
      expect((await deps.keys.listKeys()).map((k) => k.name).sort()).toEqual(['bob', 'root']);
      expect(await verifyAudit(deps)).toMatchObject({ ok: true, checked: 1 });
    } finally {
      await app.close();
    }
  });
});
