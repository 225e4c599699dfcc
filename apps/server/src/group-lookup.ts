/**
 * Batches look-ups by key that arrive in one event-loop turn into one query, the read-side twin of GroupCommit:
 * under load, one `SELECT … WHERE id IN (…)` answers many requests instead of one prepared statement each.
 */
export class GroupLookup<V> {
  readonly #fetch: (keys: readonly string[]) => Promise<ReadonlyMap<string, V>>;
  #keys = new Set<string>();
  #waiters: { resolve: (found: ReadonlyMap<string, V>) => void; reject: (e: unknown) => void }[] = [];
  #scheduled = false;

  constructor(fetch: (keys: readonly string[]) => Promise<ReadonlyMap<string, V>>) {
    this.#fetch = fetch;
  }

  /** Resolves with the found values of (at least) these keys. */
  get(keys: readonly string[]): Promise<ReadonlyMap<string, V>> {
    if (keys.length === 0) return Promise.resolve(new Map());
    for (const k of keys) this.#keys.add(k);
    const done = new Promise<ReadonlyMap<string, V>>((resolve, reject) =>
      this.#waiters.push({ resolve, reject }),
    );
    if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(() => void this.#run());
    }
    return done;
  }

  async #run(): Promise<void> {
    const keys = [...this.#keys];
    const waiters = this.#waiters;
    this.#keys = new Set();
    this.#waiters = [];
    this.#scheduled = false;
    try {
      const found = await this.#fetch(keys);
      for (const w of waiters) w.resolve(found);
    } catch (error) {
      for (const w of waiters) w.reject(error);
    }
  }
}
