import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAuth } from './auth.ts';
import type { AppDeps } from './deps.ts';
import { registerErrorHandling } from './errors.ts';
import { registerAlertRoutes } from './routes/alerts.ts';
import { registerAuditRoutes } from './routes/audit.ts';
import { registerCaseRoutes } from './routes/cases.ts';
import { registerKeyRoutes } from './routes/keys.ts';
import { registerScreeningRoutes } from './routes/screening.ts';
import { registerStreamRoutes } from './routes/stream.ts';
import { registerTransactionRoutes } from './routes/transactions.ts';

/** 1 MiB: a full batch of 1,000 JSON transactions is about 300 KiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Builds the HTTP API on the given adapters (house rule 3: compose.ts picks them; tests pass in-memory ones and
 * drive the app with inject()). Bodies are validated by the zod schemas of @raqib/contracts; the JSON Schemas
 * derived from them only document the routes in /openapi.json.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const bodyLimit = deps.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit,
    // a client that trickles its request is cut off rather than holding a socket for ever
    requestTimeout: 30_000,
    // ids in paths are validated to 200 characters by the route schemas; Fastify's default cut is 100.
    // Under routerOptions: the top-level option is deprecated (FSTDEP022) and goes in Fastify 6.
    routerOptions: { maxParamLength: 256 },
    ajv: { customOptions: { strict: false } },
  });
  // zod is the one validator (it names every bad record); Fastify's own schema check is switched off
  app.setValidatorCompiler(() => () => true);
  // JSON and XML only: a text/plain body is refused with UNSUPPORTED_MEDIA_TYPE
  app.removeContentTypeParser('text/plain');
  // pacs.008 bodies: read as text, parsed with entities off in the route
  app.addContentTypeParser(
    ['application/xml', 'text/xml'],
    { parseAs: 'string', bodyLimit },
    (_req, body, done) => {
      done(null, body);
    },
  );
  registerErrorHandling(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'raqib API',
        version: '0.1.0',
        description:
          'Transaction scoring, alerts, cases with a hash-chained audit log, goAML STR export, name screening. ' +
          'Every /v1 route needs "Authorization: Bearer KEY"; errors are { error: { code, message, details? } }.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  registerAuth(app, deps.keys, deps.clock);
  // case data must not linger in shared caches, and JSON must never be sniffed into something else
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/v1/')) {
      void reply.header('cache-control', 'no-store');
      void reply.header('x-content-type-options', 'nosniff');
    }
  });
  app.get('/health', { schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerTransactionRoutes(app, deps);
  registerStreamRoutes(app, deps);
  registerAlertRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerKeyRoutes(app, deps);
  registerScreeningRoutes(app, deps);

  const web = deps.webDist;
  if (web !== undefined && existsSync(join(web, 'index.html'))) {
    await app.register(fastifyStatic, { root: web, wildcard: false, index: 'index.html' });
    // client-side routes (/alerts/…) get the app shell; API paths keep their JSON 404
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/v1/')) {
        return reply
          .status(404)
          .send({ error: { code: 'NOT_FOUND', message: `no route GET ${request.url.split('?')[0]}` } });
      }
      return reply.sendFile('index.html');
    });
  }
  await app.ready();
  return app;
}
