import type { AlertStore } from '../ports/alert-store.ts';
import type { AuditLog } from './audit-log.ts';
import type { CaseStore } from './case-store.ts';
import type { ApiKeyStore, CaseDocumentStore } from './workbench-ports.ts';

/**
 * The records an audited action changes together: the case, its alerts, its documents, API keys, and the audit
 * entry that witnesses the change.
 */
export interface WorkbenchRecords {
  readonly cases: CaseStore;
  readonly alerts: AlertStore;
  readonly documents: CaseDocumentStore;
  readonly keys: ApiKeyStore;
  readonly audit: AuditLog;
}

/**
 * Runs one audited action as a unit (port): every change it makes through `records` is kept, or none is, so a
 * case or a key is never changed without its audit entry (nor audited without the change). Actions run one at a time per
 * process, so a read-modify-write of a case sees the previous action's result.
 */
export type RunUnitOfWork = <T>(work: (records: WorkbenchRecords) => Promise<T>) => Promise<T>;

/**
 * The in-memory unit of work, for tests and a database-less server: actions are serialised, but memory stores
 * have no rollback, so a failing action may leave part of its changes.
 */
export function serialisedUnitOfWork(records: WorkbenchRecords): RunUnitOfWork {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(work: (r: WorkbenchRecords) => Promise<T>): Promise<T> => {
    const run = queue.then(() => work(records));
    queue = run.catch(() => undefined);
    return run;
  };
}
