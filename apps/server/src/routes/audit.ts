import { apiAuditQuery } from '@raqib/contracts';
import { type AuditEntry, verifyAuditChain } from '@raqib/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { parseWith } from '../validate.ts';

/** Reads the whole chain and checks it: edited, deleted or truncated entries are reported. */
export async function verifyAudit(deps: Pick<AppDeps, 'audit' | 'hash'>) {
  const entries: AuditEntry[] = [];
  for await (const e of deps.audit.all()) entries.push(e);
  return verifyAuditChain(entries, deps.hash, await deps.audit.head());
}

export function registerAuditRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/v1/audit',
    {
      config: { minRole: 'supervisor' },
      schema: {
        tags: ['audit'],
        summary:
          'The hash-chained audit log (who, when, what, before/after), oldest first; page with afterSeq',
        querystring: z.toJSONSchema(apiAuditQuery, { io: 'input' }),
        security: [{ bearer: [] }],
      },
    },
    async (request) => {
      const q = parseWith(apiAuditQuery, request.query, 'query');
      const items = await deps.audit.list(q);
      return { items, nextAfterSeq: items.length === q.limit ? items.at(-1)?.seq : undefined };
    },
  );

  app.get(
    '/v1/audit/verify',
    {
      config: { minRole: 'supervisor' },
      schema: { tags: ['audit'], summary: 'Verify the whole audit chain', security: [{ bearer: [] }] },
    },
    async () => verifyAudit(deps),
  );
}
