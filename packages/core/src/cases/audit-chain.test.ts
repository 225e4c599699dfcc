import { describe, expect, it } from 'vitest';
import { fnv1a64 } from '../model/ids.ts';
import { type AuditEntry, chainAuditEntry, verifyAuditChain } from './audit-chain.ts';
import { canonicalJson } from './canonical-json.ts';

// the adapters use SHA-256; the chain logic is the same for any hash, and the core has no node:crypto
const hash = (text: string) => fnv1a64(text) + fnv1a64(`salt${text}`);

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      chainAuditEntry(
        out.at(-1),
        {
          at: 1000 + i,
          actor: 'ana',
          action: 'case.status',
          entity: 'case',
          entityId: `case-${i}`,
          before: { status: 'open' },
          after: { status: 'investigating', n: i },
        },
        hash,
      ),
    );
  }
  return out;
}

describe('audit chain', () => {
  it('verifies an untouched chain', () => {
    const entries = chain(5);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    const last = entries.at(-1)!;
    expect(verifyAuditChain(entries, hash, { seq: last.seq, hash: last.hash })).toEqual({
      ok: true,
      checked: 5,
      findings: [],
    });
  });

  it('detects an edited entry', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, after: { status: 'closed', n: 2 } };
    const r = verifyAuditChain(entries, hash);
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([expect.objectContaining({ seq: 3, problem: 'edited' })]);
  });

  it('detects an edited entry whose hash was recomputed (the next link breaks)', () => {
    const entries = chain(5);
    const forged = { ...entries[1]!, actor: 'mallory' };
    entries[1] = chainAuditEntry(entries[0], forged, hash);
    const r = verifyAuditChain(entries, hash);
    expect(r.findings).toEqual([expect.objectContaining({ seq: 3, problem: 'broken-link' })]);
  });

  it('detects a deleted entry in the middle', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    const r = verifyAuditChain(entries, hash);
    expect(r.ok).toBe(false);
    expect(r.findings[0]).toMatchObject({ seq: 3, problem: 'deleted' });
  });

  it('detects deleted newest entries against the recorded head', () => {
    const entries = chain(5);
    const head = { seq: 5, hash: entries[4]!.hash };
    expect(verifyAuditChain(entries.slice(0, 3), hash).ok).toBe(true);
    const r = verifyAuditChain(entries.slice(0, 3), hash, head);
    expect(r.findings).toEqual([expect.objectContaining({ problem: 'truncated' })]);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });
});
