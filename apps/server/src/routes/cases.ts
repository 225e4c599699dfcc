import {
  apiAddAlerts,
  apiApproveStr,
  apiAssignCase,
  apiCaseNote,
  apiCaseQuery,
  apiCaseStatus,
  apiCreateCase,
  apiStrRequest,
} from '@raqib/contracts';
import type { Case } from '@raqib/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { principalOf } from '../auth.ts';
import { CaseService } from '../case-service.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { draftStr } from '../str-service.ts';
import { parseWith } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1).max(200) });
const doc = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
const secured = (summary: string, extra: Record<string, unknown> = {}) => ({
  tags: ['cases'],
  summary,
  security: [{ bearer: [] }],
  ...extra,
});

export function registerCaseRoutes(app: FastifyInstance, deps: AppDeps): void {
  const service = new CaseService(deps);
  const analyst = { minRole: 'analyst' as const };

  app.post(
    '/v1/cases',
    { config: analyst, schema: secured('Open a case from alerts', { body: doc(apiCreateCase) }) },
    async (request, reply) => {
      const body = parseWith(apiCreateCase, request.body, 'body');
      const created = await service.create(principalOf(request), body);
      return reply.status(201).send({ case: created });
    },
  );

  app.get(
    '/v1/cases',
    { config: analyst, schema: secured('List cases', { querystring: doc(apiCaseQuery) }) },
    async (request) => {
      const q = parseWith(apiCaseQuery, request.query, 'query');
      const filter = { status: q.status, assignee: q.assignee, alertId: q.alertId };
      const [items, total] = await Promise.all([
        deps.cases.listCases({ ...filter, limit: q.limit, offset: q.offset }),
        deps.cases.countCases(filter),
      ]);
      return { items, total, limit: q.limit, offset: q.offset };
    },
  );

  app.get(
    '/v1/cases/:id',
    { config: analyst, schema: secured('One case with its timeline', { params: doc(idParam) }) },
    async (request) => {
      const { id } = parseWith(idParam, request.params, 'path');
      return { case: await service.get(id) };
    },
  );

  const action = <S extends z.ZodType>(
    path: string,
    summary: string,
    schema: S,
    toAction: (body: z.output<S>) => Parameters<CaseService['act']>[2],
  ) => {
    app.post(
      path,
      { config: analyst, schema: secured(summary, { params: doc(idParam), body: doc(schema) }) },
      async (request) => {
        const { id } = parseWith(idParam, request.params, 'path');
        const body = parseWith(schema, request.body, 'body');
        return { case: await service.act(principalOf(request), id, toAction(body)) };
      },
    );
  };
  action('/v1/cases/:id/assign', 'Assign the case (null to unassign)', apiAssignCase, (b) => ({
    type: 'assign',
    assignee: b.assignee,
  }));
  action('/v1/cases/:id/notes', 'Add a note', apiCaseNote, (b) => ({ type: 'note', text: b.text }));
  action('/v1/cases/:id/alerts', 'Add alerts to the case', apiAddAlerts, (b) => ({
    type: 'add-alerts',
    alertIds: b.alertIds,
  }));
  action(
    '/v1/cases/:id/status',
    'Move the case: open → investigating → escalated → reported | closed (closing needs a resolution); a reason is required',
    apiCaseStatus,
    (b) => ({ type: 'status', to: b.status, reason: b.reason, resolution: b.resolution }),
  );

  app.post(
    '/v1/cases/:id/str',
    {
      config: analyst,
      schema: secured(
        'Draft the goAML 5.0.2 STR of the case (returns the XML and its hash; filing needs a supervisor approval of this draft)',
        { params: doc(idParam), body: doc(apiStrRequest) },
      ),
    },
    async (request) => {
      const { id } = parseWith(idParam, request.params, 'path');
      const body = parseWith(apiStrRequest, request.body, 'body');
      const principal = principalOf(request);
      const refuseFinal = (c: Case) => {
        if (c.status === 'reported' || c.status === 'closed') {
          throw new ApiError('CASE_FINAL', `case ${id} is ${c.status}`);
        }
      };
      // drafted outside the unit of work: it reads stored transactions, which are not case records
      const drafted = await service.get(id);
      refuseFinal(drafted);
      const draft = await draftStr(deps, drafted, body);
      const updated = await service.act(principal, id, async (current, records) => {
        refuseFinal(current);
        await records.documents.saveDocument({
          caseId: id,
          hash: draft.hash,
          kind: 'goaml-str',
          content: draft.xml,
          createdAt: deps.clock.now(),
          createdBy: principal.name,
        });
        return { type: 'str-drafted', documentHash: draft.hash };
      });
      return {
        case: updated,
        str: {
          hash: draft.hash,
          indicators: draft.indicators,
          unknownIndicators: draft.unknownIndicators,
          warnings: draft.warnings,
          xml: draft.xml,
        },
      };
    },
  );

  app.get(
    '/v1/cases/:id/str',
    {
      config: analyst,
      schema: secured('Download the latest STR draft as goAML XML', { params: doc(idParam) }),
    },
    async (request, reply) => {
      const { id } = parseWith(idParam, request.params, 'path');
      await service.get(id);
      const found = await deps.documents.getDocument(id);
      if (!found) throw new ApiError('NOT_FOUND', `case ${id} has no STR draft`);
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${id}-str.xml"`)
        .header('x-document-hash', found.hash)
        .send(found.content);
    },
  );

  app.post(
    '/v1/cases/:id/approve',
    {
      config: { minRole: 'supervisor' },
      schema: secured('Approve the current STR draft for filing (four-eyes: not by its drafter)', {
        params: doc(idParam),
        body: doc(apiApproveStr),
      }),
    },
    async (request) => {
      const { id } = parseWith(idParam, request.params, 'path');
      const body = parseWith(apiApproveStr, request.body, 'body');
      return {
        case: await service.act(principalOf(request), id, { type: 'approve', comment: body.comment }),
      };
    },
  );

  app.get(
    '/v1/cases/:id/audit',
    { config: analyst, schema: secured('The audit entries of one case', { params: doc(idParam) }) },
    async (request) => {
      const { id } = parseWith(idParam, request.params, 'path');
      await service.get(id);
      return { items: await deps.audit.list({ entity: 'case', entityId: id, limit: 1000 }) };
    },
  );
}
