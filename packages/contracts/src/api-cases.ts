import { z } from 'zod';

const CASE_STATUS_VALUES = ['open', 'investigating', 'escalated', 'reported', 'closed'] as const;
const CASE_RESOLUTION_VALUES = ['false-positive', 'insufficient-evidence', 'duplicate', 'other'] as const;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const apiCreateCase = z.object({
  alertIds: z.array(z.string().min(1).max(200)).min(1, 'a case needs at least one alert').max(500),
  title: text(300).optional(),
  assignee: z.string().min(1).max(200).nullable().optional(),
});

export const apiAssignCase = z.object({ assignee: z.string().min(1).max(200).nullable() });
export const apiAddAlerts = z.object({ alertIds: z.array(z.string().min(1).max(200)).min(1).max(500) });
export const apiCaseNote = z.object({ text: text(8000) });
export const apiCaseStatus = z.object({
  status: z.enum(CASE_STATUS_VALUES),
  reason: text(8000),
  resolution: z.enum(CASE_RESOLUTION_VALUES).optional(),
});

/** `POST /v1/cases/:id/str`: draft the goAML STR; indicators default to those suggested for the typologies. */
export const apiStrRequest = z.object({
  indicators: z
    .array(z.string().regex(/^[A-Z0-9-]{1,10}$/))
    .max(50)
    .optional(),
  reason: text(8000).optional(),
  action: text(8000).optional(),
  /** Local-currency units per foreign unit for this report (e.g. the bank's booking rates), over the configured ones. */
  fxRates: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive().finite()).optional(),
});

export const apiApproveStr = z.object({ comment: text(2000).optional() });

export const apiCaseQuery = z.object({
  status: z.enum(CASE_STATUS_VALUES).optional(),
  assignee: z.string().max(200).optional(),
  alertId: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
