import { apiCreateKey } from '@raqib/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { generateApiKey, principalOf } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { parseWith } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1).max(100) });
/** What lists show of a key: never the hash. */
const publicKey = (k: {
  id: string;
  name: string;
  role: string;
  createdAt: number;
  createdBy: string;
  revokedAt: number | null;
}) => ({
  id: k.id,
  name: k.name,
  role: k.role,
  createdAt: k.createdAt,
  createdBy: k.createdBy,
  revokedAt: k.revokedAt,
});

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
        await records.audit.append({
          at: now,
          actor,
          action: 'key.create',
          entity: 'api-key',
          entityId: record.id,
          before: null,
          after: publicKey(record),
        });
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
        await records.audit.append({
          at: now,
          actor: principalOf(request).actorId,
          action: 'key.revoke',
          entity: 'api-key',
          entityId: id,
          before: { revokedAt: null },
          after: { revokedAt: now },
        });
      });
      return { revoked: id };
    },
  );
}
