import { canonicalJson } from './canonical-json.ts';

/** What changed, by whom, when: one link of the hash-chained audit log. */
export interface AuditDraft {
  /** Epoch ms. */
  readonly at: number;
  /** The acting key's name, or `cli:<user>` for command-line changes. */
  readonly actor: string;
  /** Verb, e.g. `case.create`, `case.status`, `key.create`. */
  readonly action: string;
  /** Kind and id of the changed thing, e.g. `case` / `case-…`. */
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditEntry extends AuditDraft {
  /** 1-based position in the chain; gaps reveal deleted entries. */
  readonly seq: number;
  /** Hash of the previous entry (the genesis value for the first). */
  readonly prevHash: string;
  readonly hash: string;
}

/** Hash function injected by the adapter (SHA-256 hex there); the core stays free of node:crypto. */
export type HashText = (text: string) => string;

/** The `prevHash` of the first entry. */
export const AUDIT_GENESIS = '0'.repeat(64);

/** The exact text an entry's hash covers: every field but the hash, canonically serialised. */
export function auditHashInput(entry: Omit<AuditEntry, 'hash'>): string {
  return canonicalJson({
    seq: entry.seq,
    prevHash: entry.prevHash,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** Links a draft after `previous` (or at the start of the chain). */
export function chainAuditEntry(
  previous: AuditEntry | undefined,
  draft: AuditDraft,
  hash: HashText,
): AuditEntry {
  const unsealed = {
    ...draft,
    seq: previous ? previous.seq + 1 : 1,
    prevHash: previous ? previous.hash : AUDIT_GENESIS,
  };
  return { ...unsealed, hash: hash(auditHashInput(unsealed)) };
}

export const AUDIT_PROBLEMS = ['edited', 'deleted', 'broken-link', 'truncated'] as const;
export type AuditProblem = (typeof AUDIT_PROBLEMS)[number];

export interface AuditFinding {
  readonly seq: number;
  readonly problem: AuditProblem;
  readonly message: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly checked: number;
  readonly findings: readonly AuditFinding[];
}

/**
 * Walks the chain in seq order and reports every entry that was edited (its hash no longer matches its content),
 * every gap (deleted entries) and every broken link. Deleting the newest entries leaves a valid shorter chain, so
 * the caller passes the head it recorded separately (`expectedHead`) to catch truncation.
 */
export function verifyAuditChain(
  entries: Iterable<AuditEntry>,
  hash: HashText,
  expectedHead?: { readonly seq: number; readonly hash: string },
): AuditVerification {
  const findings: AuditFinding[] = [];
  let previous: AuditEntry | undefined;
  let checked = 0;
  for (const entry of entries) {
    checked++;
    const expectedSeq = previous ? previous.seq + 1 : 1;
    if (entry.seq !== expectedSeq) {
      findings.push({
        seq: entry.seq,
        problem: 'deleted',
        message:
          entry.seq > expectedSeq
            ? `entries ${expectedSeq}–${entry.seq - 1} are missing before entry ${entry.seq}`
            : `entry ${entry.seq} is out of order (expected ${expectedSeq})`,
      });
    }
    if (hash(auditHashInput(entry)) !== entry.hash) {
      findings.push({
        seq: entry.seq,
        problem: 'edited',
        message: `entry ${entry.seq} does not match its hash`,
      });
    }
    const expectedPrev = previous ? previous.hash : AUDIT_GENESIS;
    if (entry.prevHash !== expectedPrev && entry.seq === expectedSeq) {
      findings.push({
        seq: entry.seq,
        problem: 'broken-link',
        message: `entry ${entry.seq} does not link to the entry before it`,
      });
    }
    previous = entry;
  }
  if (expectedHead !== undefined && expectedHead.seq > 0) {
    if (!previous || previous.seq < expectedHead.seq) {
      findings.push({
        seq: previous ? previous.seq + 1 : 1,
        problem: 'truncated',
        message: `the log ends at entry ${previous?.seq ?? 0} but its recorded head is entry ${expectedHead.seq}`,
      });
    } else if (previous.seq === expectedHead.seq && previous.hash !== expectedHead.hash) {
      findings.push({
        seq: previous.seq,
        problem: 'edited',
        message: `the last entry ${previous.seq} differs from the recorded head`,
      });
    }
  }
  return { ok: findings.length === 0, checked, findings };
}
