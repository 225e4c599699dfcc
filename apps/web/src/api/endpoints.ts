import type {
  Alert,
  AuditEntry,
  Case,
  CaseResolution,
  CaseStatus,
  EntityKind,
  ListName,
  MatchExplanation,
  Transaction,
} from '@raqib/core';
import type { ApiClient, Query } from './client.ts';

/** An alert as the API lists it: the core alert plus its queue assignment. */
export type AlertView = Alert & { readonly assignee?: string | null | undefined };

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface AlertFilters {
  readonly typology?: string | undefined;
  readonly status?: string | undefined;
  readonly minScore?: number | undefined;
  readonly assignee?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly sort?: string | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

export interface AlertCaseRef {
  readonly id: string;
  readonly title: string;
  readonly status: CaseStatus;
}

export interface AlertDetail {
  readonly alert: AlertView;
  readonly transactions: readonly Transaction[];
  /** Cases that already hold this alert. */
  readonly cases: readonly AlertCaseRef[];
}

/** One ranked match of `POST /v1/screen`: the listed entry, the name that matched, and why. */
export interface ScreeningHit {
  readonly list: string;
  readonly listVersion: string;
  readonly refId: string;
  readonly kind: EntityKind;
  readonly primaryName: string;
  readonly matchedName: ListName;
  readonly score: number;
  readonly programmes: readonly string[];
  readonly explanation: MatchExplanation;
}

export interface ScreeningResult {
  readonly query: string;
  readonly matches: readonly ScreeningHit[];
}

export interface StrDocument {
  readonly xml: string;
  readonly documentHash: string | undefined;
  readonly fileName: string;
  /** goAML indicator codes the report carries, and requested codes the FIU's list does not know. */
  readonly indicators: readonly string[];
  readonly unknownIndicators: readonly string[];
}

/**
 * What the analyst may set on a draft: goAML indicator codes (otherwise the server suggests them from the
 * typologies, when it has the FIU's list), the reason text and the action taken (otherwise built from the case).
 */
export interface StrRequest {
  readonly indicators?: readonly string[];
  readonly reason?: string;
  readonly action?: string;
}

interface CaseBody {
  readonly case: Case;
}

/** Accepts `{ items, total }` or a bare array, so list endpoints read the same. */
function toPage<T>(body: unknown, key = 'items'): Page<T> {
  if (Array.isArray(body)) return { items: body as T[], total: body.length };
  const record = body as Record<string, unknown>;
  const items = (record[key] ?? record.items ?? []) as T[];
  const total = typeof record.total === 'number' ? record.total : items.length;
  return { items, total };
}

const alertQuery = (f: AlertFilters): Query => ({
  typology: f.typology,
  status: f.status,
  minScore: f.minScore,
  assignee: f.assignee,
  from: f.from,
  to: f.to,
  sort: f.sort,
  limit: f.limit,
  offset: f.offset,
});

export const api = {
  listAlerts: async (client: ApiClient, filters: AlertFilters): Promise<Page<AlertView>> =>
    toPage<AlertView>(await client.get('/v1/alerts', alertQuery(filters)), 'alerts'),

  getAlert: async (client: ApiClient, id: string): Promise<AlertDetail> => {
    const body = await client.get<{
      alert: AlertView;
      evidence?: { transactions?: readonly ({ tx: Transaction } | Transaction)[] };
      cases?: readonly AlertCaseRef[];
    }>(`/v1/alerts/${encodeURIComponent(id)}`);
    // evidence received through the API is stored with its score; a file scan's evidence is known by its edges
    const transactions = (body.evidence?.transactions ?? []).map((s) => ('tx' in s ? s.tx : s));
    return { alert: body.alert, transactions, cases: body.cases ?? [] };
  },

  /** Triage one alert: status and/or assignee (audited by the server). */
  updateAlert: async (
    client: ApiClient,
    id: string,
    change: { status?: AlertView['status']; assignee?: string | null },
  ) => (await client.patch<{ alert: AlertView }>(`/v1/alerts/${encodeURIComponent(id)}`, change)).alert,

  assignAlerts: (client: ApiClient, alertIds: readonly string[], assignee: string | null) =>
    client.post<{ assigned: number }>('/v1/alerts/assign', { alertIds, assignee }),

  listCases: async (client: ApiClient, query: Query = {}): Promise<Page<Case>> =>
    toPage<Case>(await client.get('/v1/cases', query), 'cases'),

  getCase: async (client: ApiClient, id: string) =>
    (await client.get<CaseBody>(`/v1/cases/${encodeURIComponent(id)}`)).case,

  createCase: async (client: ApiClient, input: { title?: string; alertIds: readonly string[] }) =>
    (await client.post<CaseBody>('/v1/cases', input)).case,

  addNote: async (client: ApiClient, id: string, text: string) =>
    (await client.post<CaseBody>(`/v1/cases/${encodeURIComponent(id)}/notes`, { text })).case,

  assignCase: async (client: ApiClient, id: string, assignee: string | null) =>
    (await client.post<CaseBody>(`/v1/cases/${encodeURIComponent(id)}/assign`, { assignee })).case,

  changeStatus: (
    client: ApiClient,
    id: string,
    input: { status: CaseStatus; reason: string; resolution?: CaseResolution | undefined },
  ) => client.post<CaseBody>(`/v1/cases/${encodeURIComponent(id)}/status`, input).then((b) => b.case),

  approveStr: async (client: ApiClient, id: string, comment?: string) =>
    (await client.post<CaseBody>(`/v1/cases/${encodeURIComponent(id)}/approve`, comment ? { comment } : {}))
      .case,

  /** Drafts the STR: the server builds the goAML XML, stores it verbatim and records its hash on the case. */
  draftStr: async (client: ApiClient, id: string, request: StrRequest = {}): Promise<StrDocument> => {
    const body = await client.post<{
      case: Case;
      str: { hash: string; xml: string; indicators: readonly string[]; unknownIndicators: readonly string[] };
    }>(`/v1/cases/${encodeURIComponent(id)}/str`, request);
    return {
      xml: body.str.xml,
      documentHash: body.str.hash,
      fileName: `${id}-str.xml`,
      indicators: body.str.indicators,
      unknownIndicators: body.str.unknownIndicators,
    };
  },

  /** The latest stored draft, byte for byte (what a supervisor approves is what is filed). */
  latestStr: async (client: ApiClient, id: string): Promise<StrDocument> => {
    const { text, headers } = await client.getText(`/v1/cases/${encodeURIComponent(id)}/str`);
    const named = /filename="?([^";]+)"?/.exec(headers.get('content-disposition') ?? '')?.[1];
    return {
      xml: text,
      documentHash: headers.get('x-document-hash') ?? undefined,
      fileName: named ?? `${id}-str.xml`,
      indicators: [],
      unknownIndicators: [],
    };
  },

  caseAudit: async (client: ApiClient, id: string): Promise<Page<AuditEntry>> =>
    toPage<AuditEntry>(await client.get(`/v1/cases/${encodeURIComponent(id)}/audit`)),

  screen: (client: ApiClient, name: string) => client.post<ScreeningResult>('/v1/screen', { name }),
};
