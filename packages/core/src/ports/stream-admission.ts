import type { Transaction } from '../model/transaction.ts';

/**
 * How far after the publisher's clock a payment's event time may lie and still be published to the transaction
 * stream (docs/decisions/0065-seen-ids-horizon.md). The workers refuse, as late, every payment more than the
 * seen-ids horizon behind the stream's latest event time: one payment dated years ahead (a wrong year, a day and
 * month swapped, microseconds read as milliseconds) would make every later payment late for every worker. Workers
 * cannot read a clock (they must decide alike whenever they run), so the publishers, which can, keep such a
 * payment off the stream. A day covers time zones and clocks that disagree.
 */
export const MAX_AHEAD_OF_CLOCK_MS = 24 * 3600 * 1000;

/** Why a payment may not be published at `now` (its event time too far ahead), or undefined. */
export function streamAdmissionProblem(tx: Transaction, now: number): string | undefined {
  if (tx.ts <= now + MAX_AHEAD_OF_CLOCK_MS) return undefined;
  return (
    `event time ${new Date(tx.ts).toISOString()} is more than a day after the publisher's clock ` +
    `(${new Date(now).toISOString()}): a wrong date would make every later payment late on the stream`
  );
}
