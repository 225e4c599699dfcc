import type { HashText, RunUnitOfWork, WorkbenchRecords } from '@raqib/core';
import type { Kysely } from 'kysely';
import { SqlAlertStore } from './alert-repository.ts';
import { SqlApiKeyStore } from './api-key-repository.ts';
import { SqlAuditLog, sha256Hex } from './audit-log-repository.ts';
import { SqlCaseDocumentStore } from './case-document-repository.ts';
import { SqlCaseStore } from './case-repository.ts';
import { isLostRace, LOST_RACE_ATTEMPTS, pauseAfterLostRace } from './lost-race.ts';
import type { Database } from './schema.ts';

/**
 * Audited actions in one database transaction each: the repositories handed to the action are built on the
 * transaction, so the case, alert statuses, documents, API keys and the audit entry commit or roll back together. Actions
 * of this process are queued; when another process appended to the audit chain first (a primary-key conflict on
 * the next sequence number), the whole action is rolled back and run again on fresh reads.
 * The action must do all its reads and writes through the records it is given: on SQLite the transaction holds
 * the one connection, so a query on the outer handle would wait for it forever.
 */
export function sqlUnitOfWork(db: Kysely<Database>, hash: HashText = sha256Hex): RunUnitOfWork {
  let queue: Promise<unknown> = Promise.resolve();

  async function attempt<T>(work: (records: WorkbenchRecords) => Promise<T>): Promise<T> {
    for (let n = 1; ; n++) {
      try {
        return await db.transaction().execute((trx) =>
          work({
            cases: new SqlCaseStore(trx),
            alerts: new SqlAlertStore(trx),
            documents: new SqlCaseDocumentStore(trx),
            keys: new SqlApiKeyStore(trx),
            audit: new SqlAuditLog(trx, hash),
          }),
        );
      } catch (error) {
        if (n >= LOST_RACE_ATTEMPTS || !isLostRace(error)) throw error;
        await pauseAfterLostRace(n);
      }
    }
  }

  return <T>(work: (records: WorkbenchRecords) => Promise<T>): Promise<T> => {
    const run = queue.then(() => attempt(work));
    queue = run.catch(() => undefined);
    return run;
  };
}
