import { API_MAX_BATCH, apiTransactionsBody } from '@raqib/contracts';
import { roundEntryProblem, streamAdmissionProblem } from '@raqib/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { readTransactionsBody } from './transactions-body.ts';

/**
 * POST /v1/stream/transactions: the scale-out way in. The server validates the batch as POST /v1/transactions does
 * and publishes it to the transaction stream, each payment on its payer's partition; the workers judge it and
 * write alerts to the shared database (docs/deploy.md). It answers once the stream has stored the batch, with no
 * scores: those come later, as alerts.
 */
export function registerStreamRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.post(
    '/v1/stream/transactions',
    {
      config: { minRole: 'analyst' },
      schema: {
        tags: ['transactions'],
        summary:
          'Publish one transaction or a batch to the scale-out stream (JSON contract, or pacs.008 XML)',
        description:
          'Validates like POST /v1/transactions (a batch with an invalid record is refused whole, naming every bad ' +
          `record; at most ${API_MAX_BATCH}) and publishes each transaction to the NATS JetStream stream the ` +
          'workers read, on its payer’s partition. Answers 202 once the stream has stored them: `stored` new ' +
          'messages, `duplicates` already held (a retried request). 503 STREAM_UNAVAILABLE when the server was ' +
          'started without --nats.',
        body: z.toJSONSchema(apiTransactionsBody, { io: 'input', unrepresentable: 'any' }),
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const publisher = deps.stream;
      if (!publisher) {
        throw new ApiError(
          'STREAM_UNAVAILABLE',
          'this server publishes to no transaction stream: start it with --nats (or RAQIB_NATS)',
        );
      }
      const txs = readTransactionsBody(request.body);
      // refused with the whole batch, like an invalid record: a payment every worker would reject with its whole
      // part (an id, account or country past the part limits; the pacs.008 reader now refuses long ids and accounts first, so this is a backstop), and one dated far
      // ahead, which would make every later payment late for the workers (0065)
      const now = deps.clock.now();
      const refused = txs.flatMap((tx, index) => {
        const reason = roundEntryProblem(tx) ?? streamAdmissionProblem(tx, now);
        return reason === undefined ? [] : [{ index, id: tx.id, reason }];
      });
      if (refused.length > 0) {
        throw new ApiError(
          'INVALID_RECORDS',
          `${refused.length} of ${txs.length} transactions cannot go on the stream; none was published`,
          refused,
        );
      }
      const published = await publisher.publish(txs);
      reply.code(202);
      return {
        stream: publisher.stream.name,
        partitions: publisher.stream.partitions,
        accepted: published.transactions,
        stored: published.messages,
        duplicates: published.duplicates,
      };
    },
  );
}
