/**
 * A memo of values read from words, bounded because a service screening for months meets new words without end:
 * when full it is emptied and fills again with the words in use. The lists' own vocabulary (30,000–49,000 words
 * after the UN + OFAC build and the bench's queries) fits well inside the default bound.
 */
export class BoundedMemo<V> {
  readonly #values = new Map<string, V>();
  readonly #limit: number;

  constructor(limit = 100_000) {
    this.#limit = limit;
  }

  get(key: string): V | undefined {
    return this.#values.get(key);
  }

  set(key: string, value: V): void {
    if (this.#values.size >= this.#limit) this.#values.clear();
    this.#values.set(key, value);
  }

  get size(): number {
    return this.#values.size;
  }
}
