import {
  AUDIT_GENESIS,
  type AuditDraft,
  type AuditEntry,
  type AuditLog,
  type HashText,
  verifyAuditChain,
} from '@raqib/core';
import { describe, expect, it } from 'vitest';

async function allOf(log: AuditLog): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for await (const e of log.all()) out.push(e);
  return out;
}

function draft(i: number): AuditDraft {
  return {
    at: 1_700_000_000_000 + i,
    actor: i % 2 === 0 ? 'k_ana' : 'k_bob',
    action: 'case.status',
    entity: 'case',
    entityId: `case-${i % 3}`,
    // keys out of order and Arabic text: the chain must verify whatever the order and script
    before: { status: 'open', note: 'ملاحظة' },
    after: { status: 'investigating', amount: 12.5, a: [1, { z: null, b: true }] },
  };
}

/**
 * The behaviour every AuditLog adapter must show, the hash chain included: `hash` is the hash function the adapter
 * under test chains with, used here to verify what it returns.
 */
export function auditLogContract(name: string, makeLog: () => Promise<AuditLog>, hash: HashText): void {
  describe(`AuditLog contract: ${name}`, () => {
    it('starts empty, with no head, and an empty log verifies', async () => {
      const log = await makeLog();
      expect(await log.head()).toBeUndefined();
      expect(await log.list({})).toEqual([]);
      expect(await allOf(log)).toEqual([]);
      expect(verifyAuditChain(await allOf(log), hash, await log.head())).toEqual({
        ok: true,
        checked: 0,
        findings: [],
      });
    });

    it('chains concurrent appends into one unforked chain that verifies against its head', async () => {
      const log = await makeLog();
      const appended = await Promise.all(Array.from({ length: 12 }, (_, i) => log.append(draft(i))));
      const entries = await allOf(log);
      expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect([...appended].sort((a, b) => a.seq - b.seq)).toEqual(entries);
      expect(entries[0]!.prevHash).toBe(AUDIT_GENESIS);
      for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
      expect(new Set(entries.map((e) => e.hash)).size).toBe(12);
      expect(await log.head()).toEqual({ seq: 12, hash: entries[11]!.hash });
      expect(verifyAuditChain(entries, hash, await log.head())).toEqual({
        ok: true,
        checked: 12,
        findings: [],
      });
      expect(await log.list({ limit: 100 })).toEqual(entries);
      // the head is kept apart from the entries: without the newest entries, the chain is found truncated
      const r = verifyAuditChain(entries.slice(0, 10), hash, await log.head());
      expect(r.ok).toBe(false);
      expect(r.findings.map((f) => f.problem)).toEqual(['truncated']);
    });

    it('continues the chain across appends made one after another', async () => {
      const log = await makeLog();
      const first = await log.append(draft(0));
      expect(first).toMatchObject({ seq: 1, prevHash: AUDIT_GENESIS, actor: 'k_ana', entityId: 'case-0' });
      expect(await log.head()).toEqual({ seq: 1, hash: first.hash });
      const second = await log.append(draft(1));
      expect(second).toMatchObject({ seq: 2, prevHash: first.hash, actor: 'k_bob' });
      expect(await log.head()).toEqual({ seq: 2, hash: second.hash });
      expect(verifyAuditChain(await allOf(log), hash, await log.head()).ok).toBe(true);
    });

    it('filters by entity, id, actor and seq, in seq order, 100 entries a page by default', async () => {
      const log = await makeLog();
      for (let i = 0; i < 104; i++) await log.append(draft(i));
      await log.append({ ...draft(104), entity: 'key', entityId: 'k_1', actor: 'cli:root' });
      const seqs = (es: readonly AuditEntry[]) => es.map((e) => e.seq);
      expect(await log.list({})).toHaveLength(100);
      expect(seqs(await log.list({}))).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      expect(seqs(await log.list({ afterSeq: 100 }))).toEqual([101, 102, 103, 104, 105]);
      expect(seqs(await log.list({ afterSeq: 100, limit: 2 }))).toEqual([101, 102]);
      expect(await log.list({ entityId: 'case-1' })).toHaveLength(35);
      expect(seqs(await log.list({ entityId: 'case-1', limit: 3 }))).toEqual([2, 5, 8]);
      expect(seqs(await log.list({ entity: 'key' }))).toEqual([105]);
      expect(seqs(await log.list({ entity: 'case', entityId: 'k_1' }))).toEqual([]);
      expect(seqs(await log.list({ actor: 'cli:root' }))).toEqual([105]);
      expect(seqs(await log.list({ actor: 'k_bob', afterSeq: 95 }))).toEqual([96, 98, 100, 102, 104]);
      expect(await log.list({ actor: 'nobody' })).toEqual([]);
      expect(await allOf(log)).toHaveLength(105);
    });

    it('keeps an entry as it was appended, whatever the caller does to its draft afterwards', async () => {
      const log = await makeLog();
      const before = { status: 'open', tags: ['x'] };
      const after = { status: 'investigating', tags: ['x', 'y'] };
      const entry = await log.append({ ...draft(0), before, after });
      before.status = 'forged';
      after.tags.push('z');
      const [stored] = await log.list({});
      expect(stored?.before).toEqual({ status: 'open', tags: ['x'] });
      expect(stored?.after).toEqual({ status: 'investigating', tags: ['x', 'y'] });
      expect(stored?.hash).toBe(entry.hash);
      expect(verifyAuditChain(await allOf(log), hash, await log.head()).ok).toBe(true);
    });
  });
}
