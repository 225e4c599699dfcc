import { analyzeArticle } from '@raqib/core';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type RaqibDatabase } from './database.ts';
import { SqlMediaArticleStore } from './media-article-repository.ts';
import { SqlMediaCustomerStore } from './media-customer-repository.ts';
import { migrateToLatest } from './migrate.ts';

const opened: RaqibDatabase[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
});

async function fresh(): Promise<RaqibDatabase> {
  const d = openDatabase(':memory:');
  opened.push(d);
  await migrateToLatest(d);
  return d;
}

describe('SqlMediaArticleStore (sqlite)', () => {
  it('stores an article once, with its mentions, and reads it back', async () => {
    const d = await fresh();
    const store = new SqlMediaArticleStore(d.db);
    const text = 'كشفت الخارجية الروسية أن داعش بدأ بتهريب أمواله إلى أوروبا.';
    const article = {
      id: 'art-1',
      title: 't',
      published: 1000,
      ingestedAt: 2000,
      origin: 'f:1',
      text,
      analysis: analyzeArticle(text),
    };
    expect(await store.insertIfNew(article)).toBe(true);
    expect(await store.insertIfNew({ ...article, title: 'other' })).toBe(false);
    expect(await store.count()).toBe(1);
    const back = await store.get('art-1');
    expect(back?.title).toBe('t');
    expect(back?.analysis.entities.map((e) => e.canonical)).toEqual(
      article.analysis.entities.map((e) => e.canonical),
    );
    expect(await store.articlesMentioning('داعش')).toEqual(['art-1']);
    expect(await store.existing(['art-1', 'art-2'])).toEqual(new Set(['art-1']));
    expect((await store.list({ category: 'terrorist_financing' })).map((a) => a.id)).toEqual(['art-1']);
    expect(await store.list({ category: 'fraud' })).toEqual([]);
  });
});

describe('SqlMediaCustomerStore (sqlite)', () => {
  it('upserts customers by id', async () => {
    const d = await fresh();
    const store = new SqlMediaCustomerStore(d.db);
    await store.upsert(
      [{ id: 'C1', name: 'Omar Haddad', type: 'person', account: { bank: 'B', account: '1' } }],
      1,
    );
    await store.upsert(
      [
        { id: 'C1', name: 'Omar Al-Haddad', type: 'person' },
        { id: 'C2', name: 'Acme Ltd', type: 'organisation' },
      ],
      2,
    );
    expect(await store.list()).toEqual([
      { id: 'C1', name: 'Omar Al-Haddad', type: 'person' },
      { id: 'C2', name: 'Acme Ltd', type: 'organisation' },
    ]);
  });
});
