import type {
  Alert,
  AuditEntry,
  Case,
  CaseResolution,
  CaseStatus,
  ScreeningMatch,
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

/** `/v1/screen` answers with the core's ranked matches, each explaining itself token by token. */
export interface ScreeningResult {
  readonly matches: readonly ScreeningMatch[];
}

export interface StrDocument {
  readonly xml: string;
  readonly documentHash: string | undefined;
  readonly fileName: string;
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

  assignAlerts: (client: ApiClient, alertIds: readonly string[], assignee: string | null) =>
    client.post<{ assigned: number }>('/v1/alerts/assign', { alertIds, assignee }),

  listCases: async (client: ApiClient, query: Query = {}): Promise<Page<Case>> =>
    toPage<Case>(await client.get('/v1/cases', query), 'cases'),

  getCase: (client: ApiClient, id: string) => client.get<Case>(`/v1/cases/${encodeURIComponent(id)}`),

  createCase: (client: ApiClient, input: { title?: string; alertIds: readonly string[] }) =>
    client.post<Case>('/v1/cases', input),

  addNote: (client: ApiClient, id: string, text: string) =>
    client.post<Case>(`/v1/cases/${encodeURIComponent(id)}/notes`, { text }),

  assignCase: (client: ApiClient, id: string, assignee: string | null) =>
    client.post<Case>(`/v1/cases/${encodeURIComponent(id)}/assign`, { assignee }),

  changeStatus: (
    client: ApiClient,
    id: string,
    input: { status: CaseStatus; reason: string; resolution?: CaseResolution | undefined },
  ) => client.post<Case>(`/v1/cases/${encodeURIComponent(id)}/status`, input),

  approveStr: (client: ApiClient, id: string, comment?: string) =>
    client.post<Case>(`/v1/cases/${encodeURIComponent(id)}/approve`, comment ? { comment } : {}),

  draftStr: async (client: ApiClient, id: string): Promise<StrDocument> => {
    const { text, headers } = await client.postText(`/v1/cases/${encodeURIComponent(id)}/str`);
    const disposition = headers.get('content-disposition') ?? '';
    const named = /filename="?([^";]+)"?/.exec(disposition)?.[1];
    return {
      xml: text,
      documentHash: headers.get('x-document-hash') ?? undefined,
      fileName: named ?? `str-${id}.xml`,
    };
  },

  audit: async (client: ApiClient, query: Query): Promise<Page<AuditEntry>> =>
    toPage<AuditEntry>(await client.get('/v1/audit', query), 'entries'),

  screen: async (client: ApiClient, name: string): Promise<ScreeningResult> => {
    const body = await client.post<unknown>('/v1/screen', { name });
    return { matches: toPage<ScreeningMatch>(body, 'matches').items };
  },
};
