import { apiCreateKey } from '@raqib/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { generateApiKey, principalOf } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { keyCreatedAudit, keyRevokedAudit, publicKey } from '../key-audit.ts';
import { parseWith } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1).max(100) });

export function registerKeyRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/v1/me',
    {
      config: { minRole: 'analyst' },
      schema: { tags: ['keys'], summary: 'Who the key belongs to, and its role', security: [{ bearer: [] }] },
    },
    async (request) => {
      const p = principalOf(request);
      return { id: p.keyId, name: p.name, role: p.role };
    },
  );

  app.get(
    '/v1/keys',
    {
      config: { minRole: 'admin' },
      schema: { tags: ['keys'], summary: 'List API keys (admin)', security: [{ bearer: [] }] },
    },
    async () => ({ items: (await deps.keys.listKeys()).map(publicKey) }),
  );

  app.post(
    '/v1/keys',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['keys'],
        summary: 'Create an API key (admin); the key is in this response only',
        body: z.toJSONSchema(apiCreateKey, { io: 'input' }),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const body = parseWith(apiCreateKey, request.body, 'body');
      const actor = principalOf(request).actorId;
      const now = deps.clock.now();
      const { key, record } = generateApiKey(body.name, body.role, actor, now);
      await deps.transact(async (records) => {
        await records.keys.insertKey(record);
        await records.audit.append(keyCreatedAudit(record, actor, now));
      });
      return reply.status(201).send({ key, ...publicKey(record) });
    },
  );

  app.delete(
    '/v1/keys/:id',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['keys'],
        summary: 'Revoke an API key (admin)',
        params: z.toJSONSchema(idParam),
        security: [{ bearer: [] }],
      },
    },
    async (request) => {
      const { id } = parseWith(idParam, request.params, 'path');
      const now = deps.clock.now();
      await deps.transact(async (records) => {
        if (!(await records.keys.revokeKey(id, now))) throw new ApiError('NOT_FOUND', `no active key ${id}`);
        await records.audit.append(keyRevokedAudit(id, principalOf(request).actorId, now));
      });
      return { revoked: id };
    },
  );
}
