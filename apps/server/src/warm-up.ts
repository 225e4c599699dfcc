import type { TransactionStore } from '@raqib/core';
import type { TransactionScorer } from './deps.ts';

const DAY = 86_400_000;

/**
 * Rebuilds the monitor's account windows after a restart by replaying the newest stored transactions (event time
 * within `days` of the latest, at most `maxRows`), oldest first. Alerts the replay completes are already stored
 * (alert ids are stable), so they are drained and dropped; pattern instances still open carry on with the next
 * transactions the API receives.
 */
export async function warmUpScorer(
  scorer: TransactionScorer,
  store: TransactionStore,
  options: { days: number; maxRows: number },
): Promise<number> {
  if (options.days <= 0 || options.maxRows <= 0) return 0;
  const latest = await store.latestEventTime();
  if (latest === undefined) return 0;
  const txs = await store.recentTransactions(latest - options.days * DAY, options.maxRows);
  for (const tx of txs) scorer.process(tx);
  scorer.drainAlerts();
  return txs.length;
}
