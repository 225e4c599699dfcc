import { apiAlertBulkAssign, apiAlertQuery, apiAlertUpdate } from '@raqib/contracts';
import { ALERT_SORT_KEYS, type Alert, type AlertSort, type AlertSortKey } from '@raqib/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { principalOf } from '../auth.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { parseWith } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1).max(200) });
const doc = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

function parseSort(text: string | undefined): AlertSort | undefined {
  const key = text?.replace(/^-/, '');
  if (key === undefined || !(ALERT_SORT_KEYS as readonly string[]).includes(key)) return undefined;
  return { key: key as AlertSortKey, dir: text?.startsWith('-') ? 'desc' : 'asc' };
}

export function registerAlertRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/v1/alerts',
    {
      config: { minRole: 'analyst' },
      schema: {
        tags: ['alerts'],
        summary: 'List alerts (filters: typology, minScore, status, source, from/to, assignee; sort; paging)',
        querystring: doc(apiAlertQuery),
        security: [{ bearer: [] }],
      },
    },
    async (request) => {
      const q = parseWith(apiAlertQuery, request.query, 'query');
      const filter = {
        typology: q.typology,
        minScore: q.minScore,
        status: q.status,
        source: q.source,
        from: q.from,
        to: q.to,
        assignee: q.assignee,
      };
      const [items, total] = await Promise.all([
        deps.alerts.listAlerts({ ...filter, limit: q.limit, offset: q.offset, sort: parseSort(q.sort) }),
        deps.alerts.countAlerts(filter),
      ]);
      return { items, total, limit: q.limit, offset: q.offset };
    },
  );

  app.get(
    '/v1/alerts/:id',
    {
      config: { minRole: 'analyst' },
      schema: {
        tags: ['alerts'],
        summary: 'One alert with its evidence transactions, subgraph, explanation and the cases that hold it',
        params: doc(idParam),
        security: [{ bearer: [] }],
      },
    },
    async (request) => {
      const { id } = parseWith(idParam, request.params, 'path');
      const alert = await deps.alerts.getAlert(id);
      if (!alert) throw new ApiError('NOT_FOUND', `no alert ${id}`);
      const [stored, cases] = await Promise.all([
        deps.transactions.getTransactions(alert.transactions),
        deps.cases.listCases({ alertId: id, limit: 50 }),
      ]);
      const storedIds = new Set(stored.map((s) => s.tx.id));
      return {
        alert,
        evidence: {
          transactions: stored,
          // evidence that came from a file scan rather than the API is known only by its subgraph edge
          missing: alert.transactions.filter((t) => !storedIds.has(t)),
        },
        subgraph: alert.subgraph,
        explanation: alert.explanation,
        cases: cases.map((c) => ({ id: c.id, title: c.title, status: c.status })),
      };
    },
  );

  const changeAlert = async (
    actor: string,
    alert: Alert,
    status: Alert['status'] | undefined,
    assignee: string | null | undefined,
  ) => {
    const nextStatus = status ?? alert.status;
    await deps.transact(async (records) => {
      await records.alerts.setAlertStatus(alert.id, nextStatus, assignee);
      await records.audit.append({
        at: deps.clock.now(),
        actor,
        action: 'alert.update',
        entity: 'alert',
        entityId: alert.id,
        before: { status: alert.status },
        after: { status: nextStatus, ...(assignee === undefined ? {} : { assignee }) },
      });
    });
  };

  app.patch(
    '/v1/alerts/:id',
    {
      config: { minRole: 'analyst' },
      schema: {
        tags: ['alerts'],
        summary: 'Triage an alert: status and/or assignee (audited)',
        params: doc(idParam),
        body: doc(apiAlertUpdate),
        security: [{ bearer: [] }],
      },
    },
    async (request) => {
      const { id } = parseWith(idParam, request.params, 'path');
      const body = parseWith(apiAlertUpdate, request.body, 'body');
      const alert = await deps.alerts.getAlert(id);
      if (!alert) throw new ApiError('NOT_FOUND', `no alert ${id}`);
      await changeAlert(principalOf(request).actorId, alert, body.status, body.assignee);
      return { alert: await deps.alerts.getAlert(id) };
    },
  );

  app.post(
    '/v1/alerts/assign',
    {
      config: { minRole: 'analyst' },
      schema: {
        tags: ['alerts'],
        summary: 'Assign many alerts at once (queue bulk action, audited per alert)',
        body: doc(apiAlertBulkAssign),
        security: [{ bearer: [] }],
      },
    },
    async (request) => {
      const body = parseWith(apiAlertBulkAssign, request.body, 'body');
      const found: Alert[] = [];
      const missing: string[] = [];
      for (const id of body.alertIds) {
        const a = await deps.alerts.getAlert(id);
        if (a) found.push(a);
        else missing.push(id);
      }
      if (missing.length > 0)
        throw new ApiError('ALERT_UNKNOWN', `unknown alerts: ${missing.join(', ')}`, { missing });
      const actor = principalOf(request).actorId;
      for (const a of found)
        await changeAlert(actor, a, a.status === 'new' ? 'triaged' : undefined, body.assignee);
      return { assigned: found.length };
    },
  );
}
