import type { PatternType, Rng } from '@raqib/core';
import { FMT } from './amlworld-text.ts';
import type { BackgroundDay } from './background.ts';
import type { FxReference } from './fx-reference.ts';
import { between } from './sampling.ts';
import type { World } from './world.ts';

export { PATTERN_TYPES, type PatternType } from '@raqib/core';

/** Header notes as AMLworld writes them after `BEGIN LAUNDERING ATTEMPT - TYPE:` (two spaces; none for some). */
export const PATTERN_NOTES: Readonly<Record<PatternType, string>> = {
  'FAN-OUT': 'Max 16-degree Fan-Out',
  'FAN-IN': 'Max 16-degree Fan-In',
  CYCLE: 'Max 10 hops',
  'SCATTER-GATHER': '',
  'GATHER-SCATTER': '',
  BIPARTITE: '',
  STACK: '',
  RANDOM: 'Max 10 hops',
  'TF-EXODUS': 'Conflict zone to Europe',
  'TF-CELL-FUNDING': 'One source to many new beneficiaries',
  'TF-FX-PREMIUM': 'Gold dinar sold above the gold price',
};

/** A laundering transaction planned ahead of the background stream (they are few: ≈ 0.1 % of rows). */
export interface PlannedTx {
  readonly ts: number;
  readonly from: number;
  readonly to: number;
  readonly paid: number;
  readonly currencyPaid: number;
  readonly received: number;
  readonly currencyReceived: number;
  readonly format: number;
  /** US-dollar value, for onward (untyped) laundering. */
  readonly usd: number;
  /** Index into LaunderingPlan.patterns, or -1 for untyped laundering (labelled, in no pattern block). */
  readonly pattern: number;
}

export interface PlannedPattern {
  readonly type: PatternType;
  readonly txs: number[];
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Everything a pattern builder needs: the world, rates, the time range, and which accounts are taken. */
export class PatternContext {
  readonly txs: PlannedTx[] = [];
  readonly patterns: PlannedPattern[] = [];
  /** Accounts already in a pattern: instances do not share accounts, so each stays a clean answer key. */
  readonly used = new Set<number>();
  readonly rng: Rng;
  readonly world: World;
  readonly fx: FxReference;
  readonly money: BackgroundDay;
  readonly start: number;
  readonly end: number;
  private nextFresh: number;

  constructor(rng: Rng, world: World, fx: FxReference, money: BackgroundDay, start: number, days: number) {
    this.rng = rng;
    this.world = world;
    this.fx = fx;
    this.money = money;
    this.start = start;
    this.end = start + days * DAY_MS;
    this.nextFresh = world.active;
  }

  /**
   * How much an instance planned to last `span` ms must be compressed to fit the data's time range with an hour
   * to spare at each end (1 when it fits): short data sets get faster patterns rather than truncated ones.
   */
  fit(span: number): number {
    return Math.min(1, (this.end - this.start - 2 * HOUR_MS) / span);
  }

  /** A random start time leaving `span` ms before the end of the data, on a minute boundary. */
  startTime(span: number): number {
    const room = Math.max(0, this.end - this.start - span - HOUR_MS);
    return this.minute(this.start + this.rng.next() * room);
  }

  /**
   * The same day as `ts`, at a minute drawn from the background's day curve: payments whose order within an
   * instance does not matter keep business hours instead of a uniform clock that would give them away.
   */
  daytime(ts: number): number {
    const day = Math.floor((ts - this.start) / DAY_MS);
    return this.start + day * DAY_MS + this.money.minuteOfDay(this.rng) * MINUTE_MS;
  }

  minute(ts: number): number {
    return Math.floor(ts / MINUTE_MS) * MINUTE_MS;
  }

  /** A random active account not yet in a pattern that satisfies `accept`; -1 after many misses. */
  account(accept: (a: number) => boolean = () => true): number {
    for (let tries = 0; tries < 5000; tries++) {
      const a = Math.floor(this.rng.next() * this.world.active);
      if (!this.used.has(a) && accept(a)) {
        this.used.add(a);
        return a;
      }
    }
    return -1;
  }

  /** A random account from a list (e.g. one country's accounts) not yet in a pattern. */
  accountFrom(list: Int32Array, accept: (a: number) => boolean = () => true): number {
    if (list.length === 0) return -1;
    for (let tries = 0; tries < 2000; tries++) {
      const a = list[Math.floor(this.rng.next() * list.length)] ?? -1;
      if (a >= 0 && !this.used.has(a) && accept(a)) {
        this.used.add(a);
        return a;
      }
    }
    return -1;
  }

  /** A new account with no history (first-seen beneficiary); -1 when the reserve is exhausted. */
  freshAccount(accept: (a: number) => boolean = () => true): number {
    for (let a = this.nextFresh; a < this.world.count; a++) {
      if (!this.used.has(a) && accept(a)) {
        this.used.add(a);
        if (a === this.nextFresh) this.nextFresh++;
        return a;
      }
    }
    return -1;
  }

  begin(type: PatternType): number {
    this.patterns.push({ type, txs: [] });
    return this.patterns.length - 1;
  }

  /**
   * Adds a leg worth `usd`. Paid in the payer's currency (or `paidIn`); a cross-currency leg is received in the
   * payee's currency at the day's rate, unless `receivedIn` says otherwise. Legs past the data's end are dropped.
   */
  leg(
    pattern: number,
    ts: number,
    from: number,
    to: number,
    usd: number,
    format: number = FMT.ACH,
    paidIn?: number,
    receivedIn?: number,
  ): boolean {
    const t = this.minute(ts);
    if (t < this.start || t >= this.end || from < 0 || to < 0) return false;
    const day = Math.floor((t - this.start) / DAY_MS);
    // AMLworld's Bitcoin payments are denominated in Bitcoin on both legs
    const btc = format === FMT.Bitcoin ? this.fx.currencyIndex('BTC') : undefined;
    const cp = paidIn ?? btc ?? this.world.currency[from] ?? 0;
    const cr = receivedIn ?? btc ?? this.world.currency[to] ?? cp;
    const paid = this.money.toMinor(usd, cp, day);
    const received = cp === cr ? paid : this.money.toMinor(usd * (1 - this.rng.next() * 0.01), cr, day);
    this.push({
      ts: t,
      from,
      to,
      paid,
      currencyPaid: cp,
      received,
      currencyReceived: cr,
      format,
      usd,
      pattern,
    });
    return true;
  }

  push(tx: PlannedTx): void {
    this.txs.push(tx);
    if (tx.pattern >= 0) this.patterns[tx.pattern]?.txs.push(this.txs.length - 1);
  }

  /** A value near `base` (± spread, relative). */
  near(base: number, spread: number): number {
    return base * between(this.rng, 1 - spread, 1 + spread);
  }
}
