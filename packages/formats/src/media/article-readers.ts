import { z } from 'zod';
import { readFeed } from './feed-reader.ts';
import {
  ArticleReadError,
  type ArticleReadResult,
  type ArticleRejection,
  htmlToText,
  MAX_ARTICLE_CHARS,
  MAX_FEED_BYTES,
  type NewsArticle,
  parseFeedDate,
} from './news-article.ts';

/**
 * One JSON Lines record: `text` (or `article`, `content`, `body`) is required; `title`, `url`, `id`, `lang` and
 * `published` (ISO date or epoch ms) are optional. Unknown fields are ignored.
 */
const Record = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    url: z.string().optional(),
    title: z.string().optional(),
    lang: z.string().max(8).optional(),
    published: z.union([z.string(), z.number()]).optional(),
    text: z.string().optional(),
    article: z.string().optional(),
    content: z.string().optional(),
    body: z.string().optional(),
  })
  .refine((r) => [r.text, r.article, r.content, r.body].some((t) => t !== undefined && t.trim() !== ''), {
    message: 'needs a non-empty "text" (or "article", "content", "body")',
  });

/** Reads articles from JSON Lines; every bad line is rejected with its line number and the reason. */
export function readJsonlArticles(content: string, file: string): ArticleReadResult {
  if (content.length > MAX_FEED_BYTES)
    throw new ArticleReadError(file, `file exceeds the ${MAX_FEED_BYTES}-byte limit`);
  const articles: NewsArticle[] = [];
  const rejected: ArticleRejection[] = [];
  const lines = content.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const origin = `${file}:${i + 1}`;
    if (line === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      rejected.push({ origin, reason: `not JSON: ${(e as Error).message}` });
      return;
    }
    const r = Record.safeParse(json);
    if (!r.success) {
      rejected.push({
        origin,
        reason: r.error.issues.map((x) => `${x.path.join('.') || 'record'}: ${x.message}`).join('; '),
      });
      return;
    }
    const v = r.data;
    const body = v.text ?? v.article ?? v.content ?? v.body ?? '';
    const plain = /<[a-z][^>]*>/i.test(body) ? htmlToText(body) : body;
    if (plain.length > MAX_ARTICLE_CHARS) {
      rejected.push({ origin, reason: `text of ${plain.length} characters exceeds ${MAX_ARTICLE_CHARS}` });
      return;
    }
    const published = typeof v.published === 'number' ? v.published : parseFeedDate(v.published);
    if (v.published !== undefined && published === undefined) {
      rejected.push({ origin, reason: `published: cannot read date "${String(v.published)}"` });
      return;
    }
    articles.push({
      origin,
      ...(v.id === undefined ? {} : { id: String(v.id) }),
      ...(v.url === undefined ? {} : { url: v.url }),
      ...(v.title === undefined ? {} : { title: v.title }),
      ...(published === undefined ? {} : { published }),
      ...(v.lang === undefined ? {} : { lang: v.lang }),
      text: plain,
    });
  });
  return { articles, rejected };
}

/** Picks the reader by content: a leading '<' is a feed (RSS/Atom), anything else JSON Lines. */
export function readArticles(content: string, file: string): ArticleReadResult {
  const head = content.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return readFeed(content, file);
  return readJsonlArticles(content.replace(/^\uFEFF/, ''), file);
}
