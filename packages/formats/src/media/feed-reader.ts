import { XMLValidator } from 'fast-xml-parser';
import { createSafeXmlParser, hasRefusedDeclaration } from '../xml/safe-xml.ts';
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

/** Character references in the text are decoded after parsing, by {@link htmlToText}. */
const parser = createSafeXmlParser({
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown>;

function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as Node)['#text']);
  return undefined;
}

function atomLink(v: unknown): string | undefined {
  const links = Array.isArray(v) ? (v as Node[]) : [];
  const alt = links.find((l) => l['@_rel'] === undefined || l['@_rel'] === 'alternate') ?? links[0];
  return alt === undefined ? text(alt) : (text(alt['@_href']) ?? text(alt));
}

function build(
  origin: string,
  fields: Omit<NewsArticle, 'origin' | 'text'> & { body: string | undefined },
): NewsArticle | ArticleRejection {
  const body = htmlToText(fields.body ?? '');
  const title = fields.title === undefined ? undefined : htmlToText(fields.title);
  if (body === '' && (title === undefined || title === ''))
    return { origin, reason: 'item has neither title nor text' };
  if (body.length > MAX_ARTICLE_CHARS)
    return { origin, reason: `text of ${body.length} characters exceeds ${MAX_ARTICLE_CHARS}` };
  return {
    origin,
    ...(fields.id === undefined ? {} : { id: fields.id }),
    ...(fields.url === undefined ? {} : { url: fields.url }),
    ...(title === undefined ? {} : { title }),
    ...(fields.published === undefined ? {} : { published: fields.published }),
    ...(fields.lang === undefined ? {} : { lang: fields.lang }),
    text: body,
  };
}

/**
 * Reads an RSS 2.0 or Atom 1.0 feed. Items without title or text, or with an oversized text, are rejected
 * with their position (`file: item N`); a file that is not a well-formed feed throws {@link ArticleReadError}.
 */
export function readFeed(xml: string, file: string): ArticleReadResult {
  if (xml.length > MAX_FEED_BYTES)
    throw new ArticleReadError(file, `feed exceeds the ${MAX_FEED_BYTES}-byte limit`);
  if (hasRefusedDeclaration(xml))
    throw new ArticleReadError(file, 'DOCTYPE or ENTITY declarations are not accepted in feeds');
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new ArticleReadError(file, `malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  const doc = parser.parse(xml) as Node;
  const articles: NewsArticle[] = [];
  const rejected: ArticleRejection[] = [];
  const push = (a: NewsArticle | ArticleRejection): void => {
    if ('text' in a) articles.push(a);
    else rejected.push(a);
  };
  const rss = doc.rss as Node | undefined;
  const feed = doc.feed as Node | undefined;
  if (rss !== undefined) {
    const channel = (rss.channel ?? {}) as Node;
    const lang = text(channel.language)?.slice(0, 2).toLowerCase();
    const items = (channel.item ?? []) as Node[];
    items.forEach((item, i) => {
      push(
        build(`${file}: item ${i + 1}`, {
          ...(text(item.guid) === undefined ? {} : { id: text(item.guid) as string }),
          ...(text(item.link) === undefined ? {} : { url: text(item.link) as string }),
          ...(text(item.title) === undefined ? {} : { title: text(item.title) as string }),
          ...(parseFeedDate(text(item.pubDate)) === undefined
            ? {}
            : { published: parseFeedDate(text(item.pubDate)) as number }),
          ...(lang === undefined ? {} : { lang }),
          body: text(item.encoded) ?? text(item.description),
        }),
      );
    });
    return { articles, rejected };
  }
  if (feed !== undefined) {
    const lang = text(feed['@_lang'])?.slice(0, 2).toLowerCase();
    const entries = (feed.entry ?? []) as Node[];
    entries.forEach((e, i) => {
      const date = parseFeedDate(text(e.published) ?? text(e.updated));
      push(
        build(`${file}: entry ${i + 1}`, {
          ...(text(e.id) === undefined ? {} : { id: text(e.id) as string }),
          ...(atomLink(e.link) === undefined ? {} : { url: atomLink(e.link) as string }),
          ...(text(e.title) === undefined ? {} : { title: text(e.title) as string }),
          ...(date === undefined ? {} : { published: date }),
          ...(lang === undefined ? {} : { lang }),
          body: text(e.content) ?? text(e.summary),
        }),
      );
    });
    return { articles, rejected };
  }
  throw new ArticleReadError(file, 'not an RSS 2.0 or Atom 1.0 feed (no <rss> or <feed> root element)');
}
