/**
 * A load note on texts a parser kept out of its entries or could not read, counted by entry: most frequent first,
 * the first ten shown (each cut to SHOWN_NAME characters), e.g. "2 country name(s) not recognised, kept as text
 * (not used in scoring): 'Afghan' ×2". None when nothing was counted.
 */

/** Longest text the note shows whole (characters); a longer one is cut with an ellipsis. */
const SHOWN_NAME = 60;

function shorten(text: string): string {
  const chars = [...text];
  return chars.length > SHOWN_NAME ? `${chars.slice(0, SHOWN_NAME - 1).join('')}…` : text;
}

/** `counts` (text → number of entries) as a note headed by `what` ("country name(s) not recognised"). */
export function countedNote(counts: ReadonlyMap<string, number>, what: string): string[] {
  if (counts.size === 0) return [];
  const all = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = all.reduce((n, [, k]) => n + k, 0);
  const shown = all
    .slice(0, 10)
    .map(([t, k]) => `'${shorten(t)}' ×${k}`)
    .join(', ');
  return [`${total} ${what}: ${shown}${all.length > 10 ? `, … (${all.length} distinct)` : ''}`];
}
