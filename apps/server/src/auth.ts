import { createHash, randomBytes } from 'node:crypto';
import { type ApiKeyRecord, type ApiKeyStore, type Clock, ROLES, type Role } from '@raqib/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from './errors.ts';

/** SHA-256 of a key: the only form in which a key is stored. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new key (shown once) and its stored record. 192 random bits; the prefix makes leaked keys greppable. */
export function generateApiKey(
  name: string,
  role: Role,
  createdBy: string,
  now: number,
): { key: string; record: ApiKeyRecord } {
  const key = `rqb_${randomBytes(24).toString('base64url')}`;
  const record: ApiKeyRecord = {
    id: `k_${randomBytes(6).toString('hex')}`,
    name,
    role,
    keyHash: hashApiKey(key),
    createdAt: now,
    createdBy,
    revokedAt: null,
  };
  return { key, record };
}

export const roleRank = (role: Role): number => ROLES.indexOf(role);

/** The caller of a request, once authenticated. `actorId` names the key (never the secret) in the audit log. */
export interface Principal {
  readonly keyId: string;
  readonly name: string;
  readonly role: Role;
  /** `name (keyId)`: readable and unique. */
  readonly actorId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /** Least role the route needs; routes without it are public. */
    minRole?: Role;
  }
}

/**
 * Bearer-key authentication with a short cache, so that a busy ingest connection does not hit the database per
 * request; a revoked key stops working within `cacheMs`.
 */
export function registerAuth(app: FastifyInstance, keys: ApiKeyStore, clock: Clock, cacheMs = 5000): void {
  const cache = new Map<string, { record: ApiKeyRecord | undefined; until: number }>();
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const minRole = request.routeOptions.config.minRole;
    if (minRole === undefined) return;
    const header = request.headers.authorization;
    if (header === undefined || header === '') {
      throw new ApiError('AUTH_MISSING', 'send an API key as "Authorization: Bearer KEY"');
    }
    const match = /^Bearer\s+(\S{1,200})$/i.exec(header);
    if (!match) throw new ApiError('AUTH_INVALID', 'the Authorization header must be "Bearer KEY"');
    const hash = hashApiKey(match[1] as string);
    const now = clock.now();
    let hit = cache.get(hash);
    if (hit === undefined || hit.until < now) {
      hit = { record: await keys.findByHash(hash), until: now + cacheMs };
      if (cache.size > 10_000) cache.clear();
      cache.set(hash, hit);
    }
    const record = hit.record;
    if (record === undefined || record.revokedAt !== null) {
      throw new ApiError('AUTH_INVALID', 'unknown or revoked API key');
    }
    if (roleRank(record.role) < roleRank(minRole)) {
      throw new ApiError('FORBIDDEN', `this needs the ${minRole} role; the key has ${record.role}`);
    }
    request.principal = {
      keyId: record.id,
      name: record.name,
      role: record.role,
      actorId: `${record.name} (${record.id})`,
    };
  });
}

/** The principal of an authenticated route (the hook guarantees it). */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === undefined) throw new ApiError('AUTH_MISSING', 'not authenticated');
  return request.principal;
}
