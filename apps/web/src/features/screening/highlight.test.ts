import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight.ts';

describe('highlightSegments', () => {
  it('marks matched tokens in Arabic text and keeps the rest', () => {
    expect(highlightSegments('محمد بن عبد الله', ['محمد', 'عبد الله'])).toEqual([
      { text: 'محمد', pair: 0 },
      { text: ' بن ', pair: -1 },
      { text: 'عبد الله', pair: 1 },
    ]);
  });

  it('gives a repeated token its next free occurrence and ignores tokens not present', () => {
    expect(highlightSegments('Ali Hassan Ali', ['Ali', 'Ali', 'Omar'])).toEqual([
      { text: 'Ali', pair: 0 },
      { text: ' Hassan ', pair: -1 },
      { text: 'Ali', pair: 1 },
    ]);
  });

  it('returns the whole text unmarked when nothing matched', () => {
    expect(highlightSegments('Abu Bakr', [])).toEqual([{ text: 'Abu Bakr', pair: -1 }]);
  });
});
