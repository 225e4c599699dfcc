import type { Economy } from './economy.ts';
import type { PatternContext, PlannedTx } from './laundering-plan.ts';
import { HOUR_MS } from './laundering-plan.ts';
import { between, intBetween } from './sampling.ts';

/**
 * Untyped laundering, as in AMLworld: once an account holds illicit funds, the money it passes on later is
 * laundering too, labelled transitively, though it belongs to no pattern block. Onward payments leave pattern
 * accounts hours to a day and a half after they were funded, part of what came in, to ordinary accounts; some
 * of those pass it on again. Stops at `target` rows (≈ 35 % of all positives in AMLworld).
 */
export function addUntyped(ctx: PatternContext, target: number, economy: Economy): number {
  const funded: PlannedTx[] = ctx.txs.filter((t) => t.pattern >= 0);
  let added = 0;
  let misses = 0;
  while (added < target && funded.length > 0 && misses < target * 20 + 100) {
    const src = funded[Math.floor(ctx.rng.next() * funded.length)];
    if (!src) break;
    // mostly to someone at home, like the account's ordinary payments
    const local = economy.receiversByCountry[ctx.world.country[src.to] ?? 0];
    const to =
      local && local.size > 1 && ctx.rng.next() < 0.8 ? local.draw(ctx.rng) : economy.receivers.draw(ctx.rng);
    const due = src.ts + between(ctx.rng, 1, 36) * HOUR_MS;
    // business hours of the same day when that is still after the funding; else the exact delay
    const day = ctx.daytime(due);
    const ts = ctx.minute(day > src.ts ? day : due);
    if (to < 0 || to === src.to || ts >= ctx.end) {
      misses++;
      continue;
    }
    const usd = src.usd * between(ctx.rng, 0.5, 0.95);
    const formats = [0, 0, 1, 2, 4];
    if (ctx.leg(-1, ts, src.to, to, usd, formats[intBetween(ctx.rng, 0, formats.length - 1)])) {
      added++;
      const last = ctx.txs[ctx.txs.length - 1];
      if (last && ctx.rng.next() < 0.4) funded.push(last);
    } else misses++;
  }
  return added;
}
