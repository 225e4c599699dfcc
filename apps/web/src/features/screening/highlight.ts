export interface Segment {
  readonly text: string;
  /** Index of the matched token pair this segment belongs to, or -1 for unmatched text. */
  readonly pair: number;
}

/**
 * Splits `text` into segments, marking the first unclaimed occurrence of each matched token. Tokens are the
 * exact substrings the explanation reports, so no normalisation happens here; overlapping claims are skipped
 * (a token listed twice highlights two occurrences, not one twice).
 */
export function highlightSegments(text: string, tokens: readonly string[]): Segment[] {
  const claims: { start: number; end: number; pair: number }[] = [];
  tokens.forEach((token, pair) => {
    if (token === '') return;
    let from = 0;
    while (from <= text.length) {
      const start = text.indexOf(token, from);
      if (start < 0) return;
      const end = start + token.length;
      if (!claims.some((c) => start < c.end && end > c.start)) {
        claims.push({ start, end, pair });
        return;
      }
      from = start + 1;
    }
  });
  claims.sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const c of claims) {
    if (c.start > at) out.push({ text: text.slice(at, c.start), pair: -1 });
    out.push({ text: text.slice(c.start, c.end), pair: c.pair });
    at = c.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), pair: -1 });
  return out;
}
