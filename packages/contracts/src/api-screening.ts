import { z } from 'zod';

export const apiScreenQuery = z.object({
  name: z.string().trim().min(1, 'empty name').max(300),
  type: z.enum(['person', 'organisation']).optional(),
  dob: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
    .optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'expected ISO 3166-1 alpha-2')
    .optional(),
  identifiers: z.array(z.string().min(1).max(100)).max(20).optional(),
  threshold: z.number().min(0).max(1).optional(),
  limit: z.number().int().min(1).max(100).optional(),
  lists: z.array(z.string().min(1).max(50)).max(20).optional(),
});

export const API_MAX_SCREEN_BATCH = 1000;
export const apiScreenBatch = z.object({
  queries: z.array(apiScreenQuery).min(1).max(API_MAX_SCREEN_BATCH),
});
