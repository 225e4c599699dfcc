import type { z } from 'zod';
import { ApiError, zodDetails } from './errors.ts';

/** Parses request input with a contracts schema; a failure is a VALIDATION error listing every issue. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw new ApiError('VALIDATION', `invalid ${what}`, zodDetails(r.error));
  return r.data;
}
