import type { ApiKeyRecord, AuditDraft } from '@raqib/core';

/** What lists and the audit log show of a key: never the hash. */
export const publicKey = (k: ApiKeyRecord) => ({
  id: k.id,
  name: k.name,
  role: k.role,
  createdAt: k.createdAt,
  createdBy: k.createdBy,
  revokedAt: k.revokedAt,
});

/** The audit entries of a key's life, written alike by the API and the CLI. */
export const keyCreatedAudit = (record: ApiKeyRecord, actor: string, at: number): AuditDraft => ({
  at,
  actor,
  action: 'key.create',
  entity: 'api-key',
  entityId: record.id,
  before: null,
  after: publicKey(record),
});

export const keyRevokedAudit = (id: string, actor: string, at: number): AuditDraft => ({
  at,
  actor,
  action: 'key.revoke',
  entity: 'api-key',
  entityId: id,
  before: { revokedAt: null },
  after: { revokedAt: at },
});
