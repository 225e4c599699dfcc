import { apiScreenBatch, apiScreenQuery } from '@raqib/contracts';
import { type ScreeningIndex, screenName } from '@raqib/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { parseWith } from '../validate.ts';

type Query = z.output<typeof apiScreenQuery>;

function screenOne(index: ScreeningIndex, q: Query) {
  const matches = screenName(index, q.name, {
    type: q.type,
    dob: q.dob,
    country: q.country,
    identifiers: q.identifiers,
    threshold: q.threshold,
    limit: q.limit,
    lists: q.lists,
  });
  return {
    query: q.name,
    matches: matches.map((m) => ({
      list: m.entry.list,
      listVersion: m.entry.listVersion,
      refId: m.entry.refId,
      kind: m.entry.kind,
      primaryName: m.entry.names[0]?.text ?? '',
      matchedName: m.matchedName,
      score: m.score,
      programmes: m.entry.programmes,
      explanation: m.explanation,
    })),
  };
}

export function registerScreeningRoutes(app: FastifyInstance, deps: AppDeps): void {
  const index = (): ScreeningIndex => {
    if (!deps.screening) {
      throw new ApiError('SCREENING_UNAVAILABLE', 'no sanctions lists are loaded on this server');
    }
    return deps.screening;
  };
  app.post(
    '/v1/screen',
    {
      config: { minRole: 'analyst' },
      schema: {
        tags: ['screening'],
        summary: 'Screen one name (Arabic or Latin script) with explanations of each match',
        body: z.toJSONSchema(apiScreenQuery, { io: 'input' }),
        security: [{ bearer: [] }],
      },
    },
    async (request) => screenOne(index(), parseWith(apiScreenQuery, request.body, 'body')),
  );
  app.post(
    '/v1/screen/batch',
    {
      config: { minRole: 'analyst' },
      schema: {
        tags: ['screening'],
        summary: 'Screen many names at once',
        body: z.toJSONSchema(apiScreenBatch, { io: 'input' }),
        security: [{ bearer: [] }],
      },
    },
    async (request) => {
      const { queries } = parseWith(apiScreenBatch, request.body, 'body');
      const idx = index();
      return { results: queries.map((q) => screenOne(idx, q)) };
    },
  );
}
