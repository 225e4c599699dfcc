import { sql } from 'kysely';
import type { RaqibDatabase } from './database.ts';

/** The lanes asked for are held by another process (see acquireLaneLease). */
export class LanesHeldError extends Error {
  readonly held: readonly string[];
  constructor(held: readonly string[]) {
    super(`lanes ${held.join(', ')} are held by another running worker`);
    this.name = 'LanesHeldError';
    this.held = held;
  }
}

/** Exclusive ownership of some lanes by one worker process, for as long as it lives. */
export interface LaneLease {
  release(): Promise<void>;
}

/**
 * Takes PostgreSQL session advisory locks on the given lane keys, all on one dedicated connection that is held
 * until release. Two workers that both think they own a lane would split its messages between them and corrupt
 * its window state; with the lease the second one fails at start. A crashed worker's connection closes, so its
 * locks go with it and a restarted worker can take them at once. SQLite is single-host and gets no lease.
 * Throws a LanesHeldError naming the lanes another process holds.
 */
export async function acquireLaneLease(database: RaqibDatabase, keys: readonly string[]): Promise<LaneLease> {
  if (database.dialect !== 'postgres' || keys.length === 0) return { release: () => Promise.resolve() };
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let report: (held: string[] | Error) => void = () => {};
  const outcome = new Promise<string[] | Error>((resolve) => {
    report = resolve;
  });
  const session = database.db
    .connection()
    .execute(async (conn) => {
      const taken: string[] = [];
      const held: string[] = [];
      for (const key of keys) {
        const r = await sql<{
          ok: boolean;
        }>`select pg_try_advisory_lock(hashtext('raqib-lane'), hashtext(${key})) as ok`.execute(conn);
        if (r.rows[0]?.ok === true) taken.push(key);
        else held.push(key);
      }
      report(held);
      if (held.length === 0) await released;
      for (const key of taken) {
        await sql`select pg_advisory_unlock(hashtext('raqib-lane'), hashtext(${key}))`.execute(conn);
      }
    })
    .catch((error: unknown) => {
      report(error instanceof Error ? error : new Error(String(error)));
    });
  const result = await outcome;
  if (result instanceof Error) throw result;
  if (result.length > 0) {
    await session;
    throw new LanesHeldError(result);
  }
  return {
    release: async () => {
      release();
      await session;
    },
  };
}

/**
 * A standby's lease: tries acquireLaneLease every `retryMs` while another process holds any of the lanes, and
 * returns once it has them all (the holder stopped or died: its connection, and with it its locks, went away).
 * `onHeld` hears the lanes held at each try; an aborted `signal` stops the wait with its reason.
 */
export async function waitForLaneLease(
  database: RaqibDatabase,
  keys: readonly string[],
  options: { retryMs?: number; signal?: AbortSignal; onHeld?: (held: readonly string[]) => void } = {},
): Promise<LaneLease> {
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      return await acquireLaneLease(database, keys);
    } catch (error) {
      if (!(error instanceof LanesHeldError)) throw error;
      options.onHeld?.(error.held);
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, options.retryMs ?? 2000);
      function done() {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', done);
        resolve();
      }
      options.signal?.addEventListener('abort', done, { once: true });
    });
  }
}
