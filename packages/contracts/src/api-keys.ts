import { z } from 'zod';

export const API_ROLES = ['analyst', 'supervisor', 'admin'] as const;

export const apiCreateKey = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\p{L}\p{N} ._@-]+$/u, 'letters, digits, space, . _ @ - only'),
  role: z.enum(API_ROLES),
});

export const apiAuditQuery = z.object({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(200).optional(),
  actor: z.string().max(200).optional(),
  afterSeq: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
