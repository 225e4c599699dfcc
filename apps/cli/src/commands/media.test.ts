import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase, SqlMediaArticleStore, SqlScreeningStore } from '@raqib/store-sql';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../run-cli.test-support.ts';

const fixture = (name: string) => new URL(`../../../../fixtures/media/${name}`, import.meta.url).pathname;

describe('raqib media analyze', () => {
  it('prints amounts, entities with list links, attributions and risks; --json gives spans', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-media-'));
    const file = join(dir, 'a.txt');
    writeFileSync(
      file,
      'وكشف المسؤول الروسي أن "داعش" باع أكثر من 100 ألف دينار بسعر أعلى من 180 دولارا للدينار الداعشي الواحد.',
    );
    const text = await run(['media', 'analyze', file]);
    expect(text.code).toBe(0);
    expect(text.out).toContain('100,000 XGD ISIS gold dinar (currency assumed) · more_than («أكثر من»)');
    expect(text.out).toContain('180 USD (currency assumed) · more_than («أعلى من») · per unit');
    expect(text.out).toMatch(/organisation داعش → ISIL {2}⇒ .*UN QDe\.115/);
    expect(text.out).toContain('«كشف» المسؤول الروسي');
    const json = await run(['media', 'analyze', file, '--json']);
    const a = JSON.parse(json.out) as {
      language: string;
      money: Array<{ start: number; end: number; text: string }>;
    };
    expect(a.language).toBe('ar');
    expect(a.money[0]?.text).toBe('أكثر من 100 ألف دينار');
  });

  it('refuses a bad --lang and a missing file with a clear message', async () => {
    expect(await run(['media', 'analyze', fixture('seed-golden.json'), '--lang', 'fr'])).toMatchObject({
      code: 2,
    });
    const missing = await run(['media', 'analyze', '/nonexistent/article.txt']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read /nonexistent/article.txt: ENOENT');
  });
});

describe('raqib media ingest', () => {
  it('stores articles once, reports rejects, and turns customer mentions into media alerts', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'raqib-media-db-')), 'r.db');
    const files = [fixture('sample-feed.rss'), fixture('sample-feed.atom'), fixture('sample-articles.jsonl')];
    const first = await run([
      'media',
      'ingest',
      ...files,
      '--customers',
      fixture('sample-customers.csv'),
      '--db',
      db,
      '--json',
    ]);
    expect(first.code).toBe(0);
    const s = JSON.parse(first.out) as {
      read: number;
      stored: number;
      duplicates: number;
      customerMatches: number;
      rejected: unknown[];
      alerts: { inserted: number };
    };
    expect(s).toMatchObject({
      read: 6,
      stored: 5,
      duplicates: 1,
      customerMatches: 4,
      alerts: { inserted: 4 },
    });
    expect(s.rejected).toHaveLength(4);
    const again = await run(['media', 'ingest', fixture('sample-feed.atom'), '--db', db, '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ stored: 0, duplicates: 2, alerts: { inserted: 0 } });
    const alerts = await run(['alerts', '--source', 'media', '--db', db, '--json']);
    const rows = alerts.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { source: string; details: { customerId: string; role: string } });
    expect(rows.map((r) => [r.details.customerId, r.details.role]).sort()).toEqual([
      ['C1', 'accused'],
      ['C2', 'accused'],
      ['C3', 'victim'],
      ['C4', 'accused'],
    ]);
  });

  it('refuses a file that is not a feed, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-media-bad-'));
    const bad = join(dir, 'page.xml');
    writeFileSync(bad, '<html><body>hi</body></html>');
    const r = await run(['media', 'ingest', bad, '--db', join(dir, 'r.db')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}: not an RSS 2.0 or Atom 1.0 feed`);
  });
});

const UN_XML = new URL('../../../../../shared/data/sanctions/un/UN_consolidated.xml', import.meta.url)
  .pathname;

describe('raqib media ingest with stored lists and screening customers', () => {
  it.skipIf(!existsSync(UN_XML))(
    'links names to the stored lists and matches screening’s customers (skips without ../shared)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'raqib-media-lists-'));
      const db = join(dir, 'r.db');
      expect((await run(['lists', 'load', UN_XML, '--db', db])).code).toBe(0);
      const database = openDatabase(db);
      await migrateToLatest(database);
      await new SqlScreeningStore(database.db).upsertCustomers(
        [{ id: 'S9', name: 'Falcon Exchange LLC', type: 'organisation' }],
        1,
      );
      const file = join(dir, 'a.jsonl');
      writeFileSync(
        file,
        `${JSON.stringify({ id: 'a', text: 'وأضاف أن عبد الرحمن مصطفى القادولي ساعد داعش في تهريب الأموال.' })}\n${JSON.stringify({ id: 'b', text: 'The regulator fined Falcon Exchange LLC for laundering.' })}\n`,
      );
      const r = await run(['media', 'ingest', file, '--db', db, '--json']);
      expect(JSON.parse(r.out)).toMatchObject({ stored: 2, customerMatches: 1 });
      const articles = await new SqlMediaArticleStore(database.db).list();
      const qaduli = articles.flatMap((a) => a.analysis.entities).find((e) => e.type === 'person');
      expect(qaduli?.links?.map((l) => `${l.list}:${l.refId}`)).toEqual(['UN:QDi.339']);
      await database.close();
    },
  );
});
