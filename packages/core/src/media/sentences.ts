/** A sentence of an article: character span into the original text. */
export interface MediaSentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

// Abbreviations after which a full stop does not end an English sentence.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'corp',
  'no',
  'vs',
]);

function isTerminator(c: string): boolean {
  return c === '.' || c === '!' || c === '?' || c === '\u061f' || c === '\u06d4' || c === '\n';
}

/**
 * Splits an article into sentences on . ! ? ؟ and line breaks. A full stop inside a number (3.5), after a
 * single capital (U.S.) or a known abbreviation (Mr.) does not split; closing quotes stay with their sentence.
 * Scraped Arabic news often joins sentences as "., " (the seed article): that splits like a full stop.
 */
export function splitMediaSentences(text: string): MediaSentence[] {
  const out: MediaSentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /[\s,،]/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    // a sentence of only punctuation (", ,") carries nothing
    if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) {
      out.push({ index: out.length, start: s, end: e, text: text.slice(s, e) });
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (!isTerminator(c)) continue;
    if (c === '.') {
      const prev = text[i - 1] ?? '';
      const next = text[i + 1] ?? '';
      if (/\d/.test(prev) && /\d/.test(next)) continue;
      const word = /([A-Za-z]+)$/.exec(text.slice(Math.max(0, i - 6), i))?.[1];
      if (word !== undefined && (word.length === 1 || ABBREVIATIONS.has(word.toLowerCase()))) {
        if (word.length === 1 && /[A-Z]/.test(word)) continue;
        if (ABBREVIATIONS.has(word.toLowerCase())) continue;
      }
      if (next !== '' && !/[\s"'»”),،]/.test(next)) continue; // "e.g.x", URLs
    }
    let end = i + 1;
    while (end < text.length && /["'»”)]/.test(text[end] ?? '')) end++;
    push(end);
    start = end;
    i = end - 1;
  }
  push(text.length);
  return out;
}
