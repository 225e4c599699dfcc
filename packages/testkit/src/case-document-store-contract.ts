import type { CaseDocument, CaseDocumentStore } from '@raqib/core';
import { describe, expect, it } from 'vitest';

/** A drafted report; override any field. */
export function buildCaseDocument(overrides: Partial<CaseDocument> = {}): CaseDocument {
  return {
    caseId: 'c1',
    hash: 'h1',
    kind: 'goaml-str',
    content: '<report>1</report>',
    createdAt: 1,
    createdBy: 'ana',
    ...overrides,
  };
}

/** The behaviour every CaseDocumentStore adapter must show. Call inside a test file with a factory for a fresh store. */
export function caseDocumentStoreContract(name: string, makeStore: () => Promise<CaseDocumentStore>): void {
  describe(`CaseDocumentStore contract: ${name}`, () => {
    it('returns the newest document of a case, or the one with a given hash', async () => {
      const docs = await makeStore();
      const first = buildCaseDocument();
      const second = buildCaseDocument({ hash: 'h2', content: '<report>2</report>', createdAt: 2 });
      await docs.saveDocument(first);
      await docs.saveDocument(second);
      await docs.saveDocument(buildCaseDocument({ caseId: 'c3', hash: 'h3', createdAt: 3 }));
      expect(await docs.getDocument('c1')).toEqual(second);
      expect((await docs.getDocument('c1'))?.content).toBe('<report>2</report>');
      expect(await docs.getDocument('c1', 'h1')).toEqual(first);
      expect(await docs.getDocument('c1', 'h3')).toBeUndefined();
      expect(await docs.getDocument('c1', 'nope')).toBeUndefined();
      expect(await docs.getDocument('c2')).toBeUndefined();
    });

    it('keeps one document when the same draft is saved again, and makes it the newest', async () => {
      const docs = await makeStore();
      await docs.saveDocument(buildCaseDocument({ hash: 'h', content: '<r/>', createdAt: 1 }));
      await docs.saveDocument(buildCaseDocument({ hash: 'g', content: '<g/>', createdAt: 2 }));
      await docs.saveDocument(buildCaseDocument({ hash: 'h', content: '<r/>', createdAt: 3 }));
      expect(await docs.getDocument('c1')).toEqual(
        buildCaseDocument({ hash: 'h', content: '<r/>', createdAt: 3 }),
      );
      expect((await docs.getDocument('c1', 'h'))?.createdAt).toBe(3);
      expect((await docs.getDocument('c1', 'g'))?.createdAt).toBe(2);
    });

    it('takes the newest by creation time, not by the order of saving', async () => {
      const docs = await makeStore();
      await docs.saveDocument(buildCaseDocument({ hash: 'late', content: '<late/>', createdAt: 20 }));
      await docs.saveDocument(buildCaseDocument({ hash: 'early', content: '<early/>', createdAt: 10 }));
      expect((await docs.getDocument('c1'))?.hash).toBe('late');
      expect((await docs.getDocument('c1', 'early'))?.content).toBe('<early/>');
    });
  });
}
