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
