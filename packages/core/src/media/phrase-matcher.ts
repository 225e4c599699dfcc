import { stripMediaArticle } from './normalize.ts';
import { type MediaToken, tokenizeMedia } from './tokenize.ts';

/** A lexicon phrase found in the token stream: tokens [first, last) and the phrase's payload. */
export interface PhraseHit<T> {
  readonly first: number;
  readonly last: number;
  readonly value: T;
  /** The lexicon phrase as written in the lexicon. */
  readonly phrase: string;
  /** Letters of proclitics on the first token that are not part of the phrase (و in "والعراق"). */
  readonly stripped: number;
}

interface Entry<T> {
  readonly words: readonly string[];
  readonly value: T;
  readonly phrase: string;
}

export interface PhraseMatcherOptions {
  /** Also match the first word with its definite article removed on both sides (الدولارات ~ دولارات). */
  readonly ignoreArticle?: boolean;
  /** Latin phrases match case-sensitively (codes such as "IS", "SAR" must not match "is", "sar"). */
  readonly caseSensitiveLatin?: boolean;
}

function isLatin(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Multi-word lexicon lookup over tokens, longest match first. Phrases are tokenised and normalised with the
 * same functions as the text; the first word may carry a proclitic (و، ف، ب، ل، ك) that the phrase lacks.
 */
export class PhraseMatcher<T> {
  readonly #byFirst = new Map<string, Entry<T>[]>();
  readonly #ignoreArticle: boolean;
  readonly #caseSensitive: boolean;

  constructor(phrases: Iterable<readonly [string, T]>, options: PhraseMatcherOptions = {}) {
    this.#ignoreArticle = options.ignoreArticle ?? false;
    this.#caseSensitive = options.caseSensitiveLatin ?? false;
    for (const [phrase, value] of phrases) {
      const toks = tokenizeMedia(phrase).filter((t) => t.norm !== '\u0640');
      if (toks.length === 0) continue;
      const words = toks.map((t) => this.#key(t));
      // "وفقاً لـ": a trailing lone proclitic means "glued to the next word"; it is matched by the caller
      if (words.length > 1 && /^[\u0628\u0644\u0643]$/.test(words[words.length - 1] ?? '')) words.pop();
      const head = this.#ignoreArticle ? stripMediaArticle(words[0] ?? '') : (words[0] ?? '');
      const list = this.#byFirst.get(head) ?? [];
      list.push({ words, value, phrase });
      this.#byFirst.set(head, list);
    }
    for (const list of this.#byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  #key(t: MediaToken): string {
    return this.#caseSensitive && isLatin(t.text) ? t.text : t.norm;
  }

  #same(tok: MediaToken, word: string): boolean {
    const k = this.#key(tok);
    if (k === word) return true;
    return this.#ignoreArticle && stripMediaArticle(k) === stripMediaArticle(word);
  }

  /** Longest phrase starting at token i, or undefined. */
  matchAt(tokens: readonly MediaToken[], i: number, allowProclitic = true): PhraseHit<T> | undefined {
    const tok = tokens[i];
    if (tok === undefined) return undefined;
    if (this.#caseSensitive && tok.kind === 'word' && isLatin(tok.text))
      return this.#matchKey(tokens, i, tok.text, 0);
    const forms = allowProclitic && tok.kind === 'word' ? tok.forms : [tok.norm];
    let best: PhraseHit<T> | undefined;
    for (const key of forms) {
      const hit = this.#matchKey(
        tokens,
        i,
        this.#ignoreArticle ? stripMediaArticle(key) : key,
        tok.norm.endsWith(key) ? tok.norm.length - key.length : 0,
      );
      if (hit !== undefined && (best === undefined || hit.last > best.last)) best = hit;
    }
    return best;
  }

  #matchKey(
    tokens: readonly MediaToken[],
    i: number,
    head: string,
    stripped: number,
  ): PhraseHit<T> | undefined {
    const list = this.#byFirst.get(head);
    if (list === undefined) return undefined;
    for (const e of list) {
      let ok = true;
      for (let k = 1; k < e.words.length; k++) {
        const t = tokens[i + k];
        if (t === undefined || !this.#same(t, e.words[k] ?? '')) {
          ok = false;
          break;
        }
      }
      if (ok) return { first: i, last: i + e.words.length, value: e.value, phrase: e.phrase, stripped };
    }
    return undefined;
  }

  /** Longest phrase that ends just before token `end` (exclusive), looking back at most `maxWords`. */
  matchEndingAt(tokens: readonly MediaToken[], end: number, maxWords = 5): PhraseHit<T> | undefined {
    for (let start = Math.max(0, end - maxWords); start < end; start++) {
      const hit = this.matchAt(tokens, start);
      if (hit !== undefined && hit.last === end) return hit;
    }
    return undefined;
  }

  /** Every non-overlapping match, scanning left to right. */
  findAll(tokens: readonly MediaToken[], from = 0, to = tokens.length): PhraseHit<T>[] {
    const out: PhraseHit<T>[] = [];
    for (let i = from; i < to; i++) {
      const hit = this.matchAt(tokens, i);
      if (hit !== undefined && hit.last <= to) {
        out.push(hit);
        i = hit.last - 1;
      }
    }
    return out;
  }
}
