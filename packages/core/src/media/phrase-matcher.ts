import { procliticVariants, stripMediaArticle } from './normalize.ts';
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

/** Phrase keys for a token: its normalised form and its forms without proclitics (and article). */
function keys(tok: MediaToken, ignoreArticle: boolean, allowProclitic: boolean): string[] {
  const base = allowProclitic ? procliticVariants(tok.norm) : [tok.norm];
  if (!ignoreArticle) return base;
  const out = [...base];
  for (const b of base) {
    const s = stripMediaArticle(b);
    if (s !== b) out.push(s);
  }
  return out;
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
    return this.#caseSensitive && /^[A-Za-z]/.test(t.text) ? t.text.replace(/\u0640/g, '') : t.norm;
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
    const cands =
      this.#caseSensitive && /^[A-Za-z]/.test(tok.text)
        ? [tok.text]
        : keys(tok, this.#ignoreArticle, allowProclitic && tok.kind === 'word');
    let best: PhraseHit<T> | undefined;
    const tried = new Set<string>();
    for (const key of cands) {
      const head = this.#ignoreArticle ? stripMediaArticle(key) : key;
      if (tried.has(head)) continue;
      tried.add(head);
      for (const e of this.#byFirst.get(head) ?? []) {
        if (best !== undefined && e.words.length <= best.last - best.first) break;
        let ok = true;
        for (let k = 1; k < e.words.length; k++) {
          const t = tokens[i + k];
          if (t === undefined || !this.#same(t, e.words[k] ?? '')) {
            ok = false;
            break;
          }
        }
        if (ok) {
          const stripped = tok.norm.endsWith(key) ? tok.norm.length - key.length : 0;
          best = { first: i, last: i + e.words.length, value: e.value, phrase: e.phrase, stripped };
          break;
        }
      }
    }
    return best;
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
