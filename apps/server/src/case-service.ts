import {
  type Actor,
  type Alert,
  type AlertStore,
  applyCaseAction,
  type Case,
  type CaseAction,
  type CaseResult,
  type CaseStore,
  openCase,
  type WorkbenchRecords,
} from '@raqib/core';
import type { Principal } from './auth.ts';
import type { AppDeps } from './deps.ts';
import { ApiError } from './errors.ts';

/** The audited part of a case: everything but the timeline (the audit log is the timeline's witness). */
export function caseSnapshot(c: Case): Record<string, unknown> {
  return {
    status: c.status,
    resolution: c.resolution,
    assignee: c.assignee,
    alertIds: c.alertIds,
    title: c.title,
    draft: c.draft,
    approval: c.approval,
  };
}

/** Four-eyes compares people, so the case actor is the key's name (one person may hold several keys). */
export const caseActor = (p: Principal): Actor => ({ id: p.name, role: p.role });

function unwrap(result: CaseResult): Extract<CaseResult, { ok: true }> {
  if (!result.ok) throw new ApiError(result.code, result.message);
  return result;
}

async function requireAlerts(alerts: AlertStore, ids: readonly string[]): Promise<Alert[]> {
  const found = await Promise.all(ids.map((id) => alerts.getAlert(id)));
  const missing = ids.filter((_, i) => found[i] === undefined);
  if (missing.length > 0)
    throw new ApiError('ALERT_UNKNOWN', `unknown alerts: ${missing.join(', ')}`, { missing });
  return found as Alert[];
}

/**
 * Opens, changes and audits cases: one saved case and one audit entry per action, in one unit of work (the case,
 * its alerts' statuses and the audit entry are kept together or not at all), reading the case inside it.
 */
export class CaseService {
  readonly #deps: AppDeps;
  constructor(deps: AppDeps) {
    this.#deps = deps;
  }

  async get(id: string, cases: CaseStore = this.#deps.cases): Promise<Case> {
    const c = await cases.getCase(id);
    if (!c) throw new ApiError('NOT_FOUND', `no case ${id}`);
    return c;
  }

  create(
    principal: Principal,
    input: { alertIds: string[]; title?: string | undefined; assignee?: string | null | undefined },
  ): Promise<Case> {
    return this.#deps.transact(async (records) => {
      const alerts = await requireAlerts(records.alerts, input.alertIds);
      const title =
        input.title ??
        `${[...new Set(alerts.flatMap((a) => a.typologies))].join(', ') || 'Alerts'} (${alerts.length})`;
      const now = this.#deps.clock.now();
      const { after } = unwrap(
        openCase(
          { id: `case-${this.#deps.newId()}`, title, alertIds: input.alertIds, assignee: input.assignee },
          caseActor(principal),
          now,
        ),
      );
      await records.cases.saveCase(after);
      for (const a of alerts) if (a.status !== 'closed') await records.alerts.setAlertStatus(a.id, 'in-case');
      await records.audit.append({
        at: now,
        actor: principal.actorId,
        action: 'case.create',
        entity: 'case',
        entityId: after.id,
        before: null,
        after: caseSnapshot(after),
      });
      return after;
    });
  }

  /**
   * Applies an action to the case. `prepare` runs first in the same unit of work, given the current case (the
   * STR draft stores its document there, so a refused action leaves no orphan document).
   */
  act(
    principal: Principal,
    id: string,
    action: CaseAction | ((current: Case, records: WorkbenchRecords) => Promise<CaseAction>),
  ): Promise<Case> {
    return this.#deps.transact(async (records) => {
      const current = await this.get(id, records.cases);
      const chosen = typeof action === 'function' ? await action(current, records) : action;
      return this.#apply(records, principal, current, chosen);
    });
  }

  async #apply(
    records: WorkbenchRecords,
    principal: Principal,
    current: Case,
    action: CaseAction,
  ): Promise<Case> {
    if (action.type === 'add-alerts') await requireAlerts(records.alerts, action.alertIds);
    const now = this.#deps.clock.now();
    const { before, after, event } = unwrap(applyCaseAction(current, action, caseActor(principal), now));
    await records.cases.saveCase(after);
    if (action.type === 'add-alerts') {
      for (const a of action.alertIds) await records.alerts.setAlertStatus(a, 'in-case');
    }
    if (action.type === 'status' && action.to === 'closed') {
      for (const a of after.alertIds) await records.alerts.setAlertStatus(a, 'closed');
    }
    await records.audit.append({
      at: now,
      actor: principal.actorId,
      action: `case.${action.type}`,
      entity: 'case',
      entityId: current.id,
      // a note changes no field: its text is the change
      before: action.type === 'note' ? null : caseSnapshot(before),
      after: action.type === 'note' ? { note: event.text } : caseSnapshot(after),
    });
    return after;
  }
}
