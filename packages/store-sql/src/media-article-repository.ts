import type { ArticleAnalysis } from '@raqib/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

interface MediaArticlesTable {
  id: string;
  url: string | null;
  title: string | null;
  lang: string;
  published_at: number | null;
  ingested_at: number;
  origin: string;
  adverse: number;
  adverse_score: number;
  categories: string;
  body: string;
  analysis: string;
}
interface MediaMentionsTable {
  article_id: string;
  seq: number;
  entity_type: string;
  normalized: string;
  canonical: string | null;
  start_char: number;
  end_char: number;
  links: string;
}
declare module './schema.ts' {
  interface Database {
    media_articles: MediaArticlesTable;
    media_mentions: MediaMentionsTable;
  }
}

/** An analysed article as stored. */
export interface StoredMediaArticle {
  readonly id: string;
  readonly url?: string;
  readonly title?: string;
  readonly published?: number;
  readonly ingestedAt: number;
  readonly origin: string;
  readonly text: string;
  readonly analysis: ArticleAnalysis;
}

function fromRow(r: MediaArticlesTable): StoredMediaArticle {
  return {
    id: r.id,
    ...(r.url === null ? {} : { url: r.url }),
    ...(r.title === null ? {} : { title: r.title }),
    ...(r.published_at === null ? {} : { published: Number(r.published_at) }),
    ingestedAt: Number(r.ingested_at),
    origin: r.origin,
    text: r.body,
    analysis: JSON.parse(r.analysis) as ArticleAnalysis,
  };
}

/** Articles on SQLite or PostgreSQL, stored once per id; entity mentions are indexed by normalised name. */
export class SqlMediaArticleStore {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Which of these ids are stored already (for deduplication before analysis). */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.#db
        .selectFrom('media_articles')
        .select('id')
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const r of rows) out.add(r.id);
    }
    return out;
  }

  /** Stores the article and its mentions unless its id is present; returns whether it was new. */
  async insertIfNew(a: StoredMediaArticle): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      const res = await trx
        .insertInto('media_articles')
        .values({
          id: a.id,
          url: a.url ?? null,
          title: a.title ?? null,
          lang: a.analysis.language,
          published_at: a.published ?? null,
          ingested_at: a.ingestedAt,
          origin: a.origin,
          adverse: a.analysis.adverse.adverse ? 1 : 0,
          adverse_score: a.analysis.adverse.score,
          categories: `;${a.analysis.risks.map((r) => r.category).join(';')};`,
          body: a.text,
          analysis: JSON.stringify(a.analysis),
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      const mentions = a.analysis.entities.map((e, seq) => ({
        article_id: a.id,
        seq,
        entity_type: e.type,
        normalized: e.normalized,
        canonical: e.canonical ?? null,
        start_char: e.start,
        end_char: e.end,
        links: JSON.stringify(e.links ?? []),
      }));
      for (let i = 0; i < mentions.length; i += 200) {
        await trx
          .insertInto('media_mentions')
          .values(mentions.slice(i, i + 200))
          .execute();
      }
      return true;
    });
  }

  async get(id: string): Promise<StoredMediaArticle | undefined> {
    const row = await this.#db
      .selectFrom('media_articles')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  }

  /** Newest first; optionally only adverse articles or one risk category. */
  async list(
    filter: { adverse?: boolean; category?: string; limit?: number } = {},
  ): Promise<StoredMediaArticle[]> {
    let q = this.#db.selectFrom('media_articles').selectAll();
    if (filter.adverse !== undefined) q = q.where('adverse', '=', filter.adverse ? 1 : 0);
    if (filter.category !== undefined) q = q.where('categories', 'like', `%;${filter.category};%`);
    const rows = await q
      .orderBy('published_at', 'desc')
      .orderBy('id')
      .limit(filter.limit ?? 100)
      .execute();
    return rows.map(fromRow);
  }

  /** Ids of articles that mention a normalised entity name. */
  async articlesMentioning(normalized: string): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('media_mentions')
      .select('article_id')
      .distinct()
      .where('normalized', '=', normalized)
      .orderBy('article_id')
      .execute();
    return rows.map((r) => r.article_id);
  }

  async count(): Promise<number> {
    const row = await this.#db
      .selectFrom('media_articles')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
