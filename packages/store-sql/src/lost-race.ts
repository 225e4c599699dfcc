/**
 * A lost race on the audit chain, as the databases report it: PostgreSQL and SQLite name a primary-key conflict on
 * the next sequence number; SQLite in WAL mode refuses instead to upgrade a read transaction whose snapshot another
 * connection has since written past (SQLITE_BUSY_SNAPSHOT). Either way, running the action again on fresh reads
 * is the cure.
 */
export const isLostRace = (error: unknown): boolean =>
  error instanceof Error &&
  (/UNIQUE|unique|duplicate key/.test(error.message) ||
    (error as { code?: unknown }).code === 'SQLITE_BUSY_SNAPSHOT');

/** Attempts before a lost race is given up: with the pause below, losing them all means something else is wrong. */
export const LOST_RACE_ATTEMPTS = 10;

/**
 * A random pause before attempt `n` + 1 (up to 5 · 2^n ms, at most 320 ms): two processes that retry at once would
 * otherwise meet again at once, and the one that keeps acting first can make the other lose every time.
 */
export function pauseAfterLostRace(n: number): Promise<void> {
  const ms = Math.random() * 5 * 2 ** Math.min(n, 6);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
