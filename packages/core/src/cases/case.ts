/**
 * A case groups alerts that an analyst investigates together and, when the suspicion holds, reports to the
 * financial-intelligence unit as a suspicious transaction report (STR).
 *
 * Status flow: open → investigating → escalated → reported, and from any non-final status → closed (with a
 * resolution such as false positive and a reason). An escalated case may be sent back to investigating.
 */
export const CASE_STATUSES = ['open', 'investigating', 'escalated', 'reported', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Why a case was closed without a report. */
export const CASE_RESOLUTIONS = ['false-positive', 'insufficient-evidence', 'duplicate', 'other'] as const;
export type CaseResolution = (typeof CASE_RESOLUTIONS)[number];

/** API key roles, least to most privileged. Supervisors approve filings (four-eyes); admins manage keys. */
export const ROLES = ['analyst', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who does something: a key's name (never the key itself) and its role. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
}

export const CASE_EVENT_KINDS = [
  'created',
  'alerts-added',
  'assigned',
  'note',
  'status',
  'str-drafted',
  'approved',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

/** One entry of a case's timeline. */
export interface CaseEvent {
  readonly at: number;
  readonly actor: string;
  readonly kind: CaseEventKind;
  /** Free text: the note, the reason of a status change, the approval comment. */
  readonly text?: string | undefined;
  readonly from?: CaseStatus | undefined;
  readonly to?: CaseStatus | undefined;
  readonly resolution?: CaseResolution | undefined;
  readonly assignee?: string | null | undefined;
  readonly alertIds?: readonly string[] | undefined;
  /** SHA-256 (or other adapter hash) of a drafted STR document, so that the approval names what was approved. */
  readonly documentHash?: string | undefined;
}

/** The supervisor's approval of a filing: what was approved (the draft's hash), by whom, when. */
export interface CaseApproval {
  readonly by: string;
  readonly at: number;
  readonly documentHash: string;
  readonly comment?: string | undefined;
}

export interface Case {
  readonly id: string;
  readonly title: string;
  readonly status: CaseStatus;
  readonly resolution?: CaseResolution | undefined;
  readonly alertIds: readonly string[];
  readonly assignee: string | null;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Hash and author of the latest STR draft; an approval is valid only for this exact draft. */
  readonly draft?: { readonly by: string; readonly at: number; readonly documentHash: string } | undefined;
  readonly approval?: CaseApproval | undefined;
  readonly timeline: readonly CaseEvent[];
}

/** The statuses each status may move to. `reported` and `closed` are final. */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['investigating', 'closed'],
  investigating: ['escalated', 'closed'],
  escalated: ['investigating', 'reported', 'closed'],
  reported: [],
  closed: [],
};

export function isCaseStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}
