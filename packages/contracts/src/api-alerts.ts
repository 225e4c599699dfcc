import { z } from 'zod';

const ALERT_STATUS_VALUES = ['new', 'triaged', 'in-case', 'closed'] as const;
const ALERT_SOURCE_VALUES = ['monitoring', 'screening', 'media'] as const;

const dateParam = z.union([
  z.coerce.number().int().min(0),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/, 'expected an ISO date or epoch milliseconds')
    .transform((s, ctx) => {
      const ms = Date.parse(s);
      if (Number.isNaN(ms)) {
        ctx.issues.push({ code: 'custom', input: s, message: 'not a real date' });
        return z.NEVER;
      }
      return ms;
    }),
]);

/** `GET /v1/alerts` filters: typology, minimum score, status, date range (alert activity), assignee; paging. */
export const apiAlertQuery = z.object({
  typology: z.string().max(100).optional(),
  minScore: z.coerce.number().min(0).max(1).optional(),
  status: z.enum(ALERT_STATUS_VALUES).optional(),
  source: z.enum(ALERT_SOURCE_VALUES).optional(),
  from: dateParam.optional(),
  to: dateParam.optional(),
  assignee: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  /**
   * `score`, `createdAt` or `start`, with a leading `-` for descending (default `-score`). `transactions` (evidence
   * count) is accepted and ordered within the page by the client, as the store has no column for it.
   */
  sort: z
    .string()
    .regex(
      /^-?(score|createdAt|start|transactions)$/,
      'expected score, createdAt, start or transactions, optionally with a leading -',
    )
    .optional(),
});

export const apiAlertUpdate = z.object({
  status: z.enum(ALERT_STATUS_VALUES).optional(),
  assignee: z.string().min(1).max(200).nullable().optional(),
});

/** Bulk assignment from the queue. */
export const apiAlertBulkAssign = z.object({
  alertIds: z.array(z.string().min(1).max(200)).min(1).max(500),
  assignee: z.string().min(1).max(200).nullable(),
});
