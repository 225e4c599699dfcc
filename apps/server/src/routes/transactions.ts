import { API_MAX_BATCH, type ApiTransactionResult, apiTransactionsBody } from '@raqib/contracts';
import type { ScoredTransaction } from '@raqib/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { GroupCommit } from '../group-commit.ts';
import { GroupLookup } from '../group-lookup.ts';
import { readTransactionsBody } from './transactions-body.ts';

const IN_FLIGHT_GRACE_MS = 2000;

export function registerTransactionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const store = new GroupCommit<ScoredTransaction>((items) => deps.transactions.saveTransactions(items));
  // scored but not yet committed: a resubmission racing its first request must not be scored twice
  const inFlight = new Map<string, ScoredTransaction>();
  const lookup = new GroupLookup<ScoredTransaction>(async (ids) => {
    const found = new Map<string, ScoredTransaction>();
    for (const item of await deps.transactions.getTransactions(ids)) found.set(item.tx.id, item);
    return found;
  });

  app.post(
    '/v1/transactions',
    {
      config: { minRole: 'analyst' },
      schema: {
        tags: ['transactions'],
        summary: 'Score and store one transaction or a batch (JSON contract, or pacs.008 XML)',
        description:
          'Scores each transaction in real time against the account state, returns per transaction the score, ' +
          'the detectors that fired and any alert ids, and stores it. Send application/json (one record or ' +
          `{ "transactions": [...] }, at most ${API_MAX_BATCH}) or application/xml (pacs.008). A batch with an ` +
          'invalid record is refused whole with INVALID_RECORDS naming every bad record.',
        body: z.toJSONSchema(apiTransactionsBody, { io: 'input', unrepresentable: 'any' }),
        security: [{ bearer: [] }],
      },
    },
    async (request) => {
      const txs = readTransactionsBody(request.body);
      const receivedAt = deps.clock.now();
      // a retried request must not count its payments twice in the account windows: known ids get their first answer
      const known = await lookup.get(txs.map((t) => t.id));
      const results: ApiTransactionResult[] = [];
      const scored: ScoredTransaction[] = [];
      for (const tx of txs) {
        const prior = known.get(tx.id) ?? inFlight.get(tx.id);
        if (prior !== undefined) {
          results.push({
            id: tx.id,
            score: prior.score,
            flag: prior.flag ?? false,
            typologies: [...prior.typologies],
            detectors: [],
            alertIds: [...prior.alertIds],
            duplicate: true,
          });
          continue;
        }
        const a = deps.scorer.process(tx);
        const detectors = a.findings.filter((f) => f.band !== '.00');
        results.push({
          id: tx.id,
          score: a.score,
          flag: a.flag,
          typologies: [...a.typologies],
          detectors: detectors.map((f) => ({
            detector: f.detector,
            version: f.version,
            band: f.band,
            value: f.value,
            unit: f.unit,
            ...(f.detail === undefined ? {} : { detail: f.detail }),
          })),
          alertIds: [...a.alertIds],
        });
        const item = {
          tx,
          score: a.score,
          flag: a.flag,
          typologies: a.typologies,
          alertIds: a.alertIds,
          receivedAt,
        };
        scored.push(item);
        inFlight.set(tx.id, item);
      }
      const alerts = deps.scorer.drainAlerts();
      try {
        await Promise.all([
          store.add(scored),
          alerts.length > 0 ? deps.alerts.upsertAlerts(alerts) : undefined,
        ]);
      } finally {
        // kept a moment after the commit: a look-up that read the table before this commit may still be running
        setTimeout(() => {
          for (const item of scored) if (inFlight.get(item.tx.id) === item) inFlight.delete(item.tx.id);
        }, IN_FLIGHT_GRACE_MS).unref();
      }
      return { results };
    },
  );
}
