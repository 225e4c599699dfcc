import type { Actor, Case, CaseEvent, CaseResolution, CaseStatus } from './case.ts';
import { CASE_TRANSITIONS } from './case.ts';

/** Stable codes for refused case actions; the server maps them to HTTP statuses in one place. */
export const CASE_ERROR_CODES = [
  'CASE_INVALID_TRANSITION',
  'CASE_REASON_REQUIRED',
  'CASE_RESOLUTION_REQUIRED',
  'CASE_FINAL',
  'CASE_FOUR_EYES',
  'CASE_NOT_APPROVED',
  'CASE_NO_DRAFT',
  'CASE_FORBIDDEN_ROLE',
  'CASE_EMPTY',
] as const;
export type CaseErrorCode = (typeof CASE_ERROR_CODES)[number];

/** An expected refusal (house rule 5: outcomes are values, not exceptions). */
export interface CaseRefusal {
  readonly ok: false;
  readonly code: CaseErrorCode;
  readonly message: string;
}
export interface CaseChange {
  readonly ok: true;
  readonly before: Case;
  readonly after: Case;
  readonly event: CaseEvent;
}
export type CaseResult = CaseChange | CaseRefusal;

export type CaseAction =
  | { readonly type: 'assign'; readonly assignee: string | null }
  | { readonly type: 'note'; readonly text: string }
  | { readonly type: 'add-alerts'; readonly alertIds: readonly string[] }
  | {
      readonly type: 'status';
      readonly to: CaseStatus;
      readonly reason: string;
      readonly resolution?: CaseResolution | undefined;
    }
  | { readonly type: 'str-drafted'; readonly documentHash: string }
  | { readonly type: 'approve'; readonly comment?: string | undefined };

export interface NewCase {
  readonly id: string;
  readonly title: string;
  readonly alertIds: readonly string[];
  readonly assignee?: string | null | undefined;
}

const refuse = (code: CaseErrorCode, message: string): CaseRefusal => ({ ok: false, code, message });

/** Opens a case from one or more alerts. The id is chosen by the caller (the core has no randomness). */
export function openCase(input: NewCase, actor: Actor, now: number): CaseResult {
  const alertIds = [...new Set(input.alertIds)];
  if (alertIds.length === 0) return refuse('CASE_EMPTY', 'a case needs at least one alert');
  const event: CaseEvent = { at: now, actor: actor.id, kind: 'created', alertIds };
  const after: Case = {
    id: input.id,
    title: input.title,
    status: 'open',
    alertIds,
    assignee: input.assignee ?? null,
    createdBy: actor.id,
    createdAt: now,
    updatedAt: now,
    timeline: [event],
  };
  return { ok: true, before: after, after, event };
}

const isFinal = (status: CaseStatus) => CASE_TRANSITIONS[status].length === 0;

/**
 * Applies one action to a case and returns the new case with the timeline event, or a refusal. Rules:
 * - final cases (reported, closed) take notes only;
 * - a status change needs a reason; closing needs a resolution (e.g. false-positive);
 * - four-eyes: a filing is approved by a supervisor or admin who did not draft the STR, and `reported`
 *   is reachable only once the current draft is approved.
 */
export function applyCaseAction(current: Case, action: CaseAction, actor: Actor, now: number): CaseResult {
  if (isFinal(current.status) && action.type !== 'note') {
    return refuse('CASE_FINAL', `case ${current.id} is ${current.status}; only notes can be added`);
  }
  const base = { at: now, actor: actor.id };
  let event: CaseEvent;
  let after: Case;
  switch (action.type) {
    case 'assign':
      event = { ...base, kind: 'assigned', assignee: action.assignee };
      after = { ...current, assignee: action.assignee };
      break;
    case 'note':
      if (action.text.trim() === '') return refuse('CASE_REASON_REQUIRED', 'a note needs text');
      event = { ...base, kind: 'note', text: action.text };
      after = current;
      break;
    case 'add-alerts': {
      const added = action.alertIds.filter((id) => !current.alertIds.includes(id));
      event = { ...base, kind: 'alerts-added', alertIds: added };
      after = { ...current, alertIds: [...current.alertIds, ...added] };
      break;
    }
    case 'status': {
      const allowed = CASE_TRANSITIONS[current.status];
      if (!allowed.includes(action.to)) {
        return refuse(
          'CASE_INVALID_TRANSITION',
          `a ${current.status} case cannot move to ${action.to} (allowed: ${allowed.join(', ') || 'none'})`,
        );
      }
      if (action.reason.trim() === '')
        return refuse('CASE_REASON_REQUIRED', 'a status change needs a reason');
      if (action.to === 'closed' && action.resolution === undefined) {
        return refuse('CASE_RESOLUTION_REQUIRED', 'closing a case needs a resolution, e.g. false-positive');
      }
      if (action.to === 'reported') {
        if (current.draft === undefined) return refuse('CASE_NO_DRAFT', 'draft the STR before filing it');
        if (current.approval?.documentHash !== current.draft.documentHash) {
          return refuse('CASE_NOT_APPROVED', 'filing needs a supervisor approval of the current STR draft');
        }
      }
      event = {
        ...base,
        kind: 'status',
        from: current.status,
        to: action.to,
        text: action.reason,
        resolution: action.to === 'closed' ? action.resolution : undefined,
      };
      after = {
        ...current,
        status: action.to,
        resolution: action.to === 'closed' ? action.resolution : undefined,
      };
      break;
    }
    case 'str-drafted':
      event = { ...base, kind: 'str-drafted', documentHash: action.documentHash };
      // a new draft voids an approval given to an earlier one
      after = {
        ...current,
        draft: { by: actor.id, at: now, documentHash: action.documentHash },
        approval: current.approval?.documentHash === action.documentHash ? current.approval : undefined,
      };
      break;
    case 'approve': {
      if (actor.role === 'analyst') {
        return refuse('CASE_FORBIDDEN_ROLE', 'only a supervisor or admin approves a filing');
      }
      if (current.status !== 'escalated') {
        return refuse(
          'CASE_INVALID_TRANSITION',
          `only an escalated case is approved for filing (is ${current.status})`,
        );
      }
      const draft = current.draft;
      if (draft === undefined) return refuse('CASE_NO_DRAFT', 'there is no STR draft to approve');
      if (draft.by === actor.id) {
        return refuse(
          'CASE_FOUR_EYES',
          'four-eyes rule: the approver must not be the one who drafted the STR',
        );
      }
      event = { ...base, kind: 'approved', documentHash: draft.documentHash, text: action.comment };
      after = {
        ...current,
        approval: { by: actor.id, at: now, documentHash: draft.documentHash, comment: action.comment },
      };
      break;
    }
  }
  after = { ...after, updatedAt: now, timeline: [...current.timeline, event] };
  return { ok: true, before: current, after, event };
}
