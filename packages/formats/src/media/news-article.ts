/** One news article as read from a feed or a JSON Lines file, before analysis. */
export interface NewsArticle {
  /** Where it was read from: `file:line` for JSON Lines, `file:item N` for feeds. */
  readonly origin: string;
  readonly id?: string;
  readonly url?: string;
  readonly title?: string;
  /** Publication time, epoch ms UTC, when the source gives a parsable date. */
  readonly published?: number;
  /** ISO 639-1 language the source declares (ar, en), if any. */
  readonly lang?: string;
  /** Plain text: title excluded, HTML tags removed, entities decoded. */
  readonly text: string;
}

/** A record that could not be read, with where it is and why. */
export interface ArticleRejection {
  readonly origin: string;
  readonly reason: string;
}

export interface ArticleReadResult {
  readonly articles: NewsArticle[];
  readonly rejected: ArticleRejection[];
}

/** Largest feed or JSON Lines file accepted (64 MiB) and largest single article text (1 MiB). */
export const MAX_FEED_BYTES = 64 << 20;
export const MAX_ARTICLE_CHARS = 1 << 20;

/** A bad input the reader refuses outright (too large, not a feed), naming the file. */
export class ArticleReadError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ArticleReadError';
    this.file = file;
  }
}

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  laquo: '«',
  raquo: '»',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
};

/**
 * Decodes character references (&#1583; &#x62F;) and the common named entities of feed HTML. This is text
 * decoding after parsing, never DTD entity expansion: unknown names are left as they are.
 */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const cp =
        ref[1] === 'x' || ref[1] === 'X'
          ? Number.parseInt(ref.slice(2), 16)
          : Number.parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED[ref.toLowerCase()] ?? m;
  });
}

/** HTML of a feed item → plain text: block tags become line breaks, other tags go, entities are decoded. */
export function htmlToText(input: string): string {
  // Atom type="html" and many RSS descriptions carry escaped markup: unescape it first, then strip it
  const html = !/<[a-z!/]/i.test(input) && /&lt;/i.test(input) ? decodeEntities(input) : input;
  const noScript = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ');
  const blocks = noScript.replace(/<\s*(br|\/p|\/div|\/li|\/h[1-6])\s*\/?>/gi, '\n');
  const plain = decodeEntities(blocks.replace(/<[^>]*>/g, ' '));
  return plain
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Parses a date as feeds write it (RFC 822 in RSS, RFC 3339 in Atom); undefined when unparsable. */
export function parseFeedDate(s: string | undefined): number | undefined {
  if (s === undefined || s.trim() === '') return undefined;
  const t = Date.parse(s.trim());
  return Number.isFinite(t) ? t : undefined;
}
