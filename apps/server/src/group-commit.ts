/**
 * Coalesces writes that arrive while one is in flight into a single batch (group commit): under load, one SQLite
 * transaction carries the rows of many requests, and each request still answers only after its rows are stored.
 */
export class GroupCommit<T> {
  readonly #write: (items: readonly T[]) => Promise<void>;
  readonly #maxBatch: number;
  #pending: T[] = [];
  #waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  #running = false;

  constructor(write: (items: readonly T[]) => Promise<void>, maxBatch = 5000) {
    this.#write = write;
    this.#maxBatch = maxBatch;
  }

  add(items: readonly T[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    for (const item of items) this.#pending.push(item);
    const done = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    if (!this.#running) {
      this.#running = true;
      // let the other requests of this event-loop turn join the batch
      setImmediate(() => void this.#drain());
    }
    return done;
  }

  async #drain(): Promise<void> {
    while (this.#pending.length > 0) {
      const items = this.#pending.splice(0, this.#maxBatch);
      const waiters = this.#pending.length === 0 ? this.#waiters.splice(0) : [];
      try {
        await this.#write(items);
        for (const w of waiters) w.resolve();
      } catch (error) {
        for (const w of waiters.length > 0 ? waiters : this.#waiters.splice(0)) w.reject(error);
      }
    }
    this.#running = false;
  }
}
