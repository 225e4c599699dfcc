import type { Rng } from '@raqib/core';
import { FMT, minorScale } from './amlworld-text.ts';
import type { DayBuffer } from './day-buffer.ts';
import type { Economy } from './economy.ts';
import type { FxReference } from './fx-reference.ts';
import { AliasTable, intBetween, logNormal } from './sampling.ts';
import { ROLE, type World } from './world.ts';

/**
 * Unscheduled background payments per active account per weekday (weekends run at 70 %); with payroll and bills
 * this gives ≈ 1M rows for 50k accounts × 10 days and ≈ 5M for 250k × 10, the benchmark sizes of issue 2.
 */
export const TX_PER_ACCOUNT_DAY = 2.2;

const DAY_MS = 86_400_000;

/** Share of the daily budget per kind of unscheduled payment (payroll and bills come on top, by schedule). */
const MIX = {
  merchant: 0.38,
  transfer: 0.33,
  self: 0.13,
  cash: 0.1,
  fx: 0.015,
  bitcoin: 0.01,
  gold: 0.004,
  bigTicket: 0.002,
} as const;

/** Hour-of-day weights: quiet nights, a business-hours peak, an evening shopping bump. */
const HOUR_WEIGHTS = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 4, 6, 7, 7, 7, 7, 6, 6, 5, 5, 5, 5, 4, 3, 2, 1.5];

/** Turns economic events into rows: converts US-dollar values to minor units at the day's reference rate. */
export class BackgroundDay {
  private readonly minuteTable: AliasTable;
  private readonly usd: number;
  private readonly btc: number;
  private readonly xau: number;
  private readonly xgd: number;
  private readonly world: World;
  private readonly economy: Economy;
  private readonly fx: FxReference;

  constructor(world: World, economy: Economy, fx: FxReference) {
    this.world = world;
    this.economy = economy;
    this.fx = fx;
    const minutes = Int32Array.from({ length: 1440 }, (_, m) => m);
    this.minuteTable = new AliasTable(
      minutes,
      Float64Array.from(minutes, (m) => HOUR_WEIGHTS[Math.floor(m / 60)] ?? 1),
    );
    this.usd = fx.currencyIndex('USD');
    this.btc = fx.currencyIndex('BTC');
    this.xau = fx.currencyIndex('XAU');
    this.xgd = fx.currencyIndex('XGD');
  }

  /** A minute of the day drawn from the background's day curve. */
  minuteOfDay(rng: Rng): number {
    return this.minuteTable.draw(rng);
  }

  /** Minor units of currency `c` worth `usd` US dollars on `day` (at least one minor unit). */
  toMinor(usd: number, c: number, day: number): number {
    return Math.max(1, Math.round((usd / this.fx.usdPerUnit(c, day)) * minorScale(c)));
  }

  /** Appends a payment of `usd` from `from` to `to`, paid in `cp`, received in `cr` with a small FX spread. */
  pay(
    buf: DayBuffer,
    rng: Rng,
    day: number,
    minute: number,
    from: number,
    to: number,
    usd: number,
    cp: number,
    cr: number,
    fmt: number,
  ): void {
    const paid = this.toMinor(usd, cp, day);
    const received = cp === cr ? paid : this.toMinor(usd * (1 - rng.next() * 0.012), cr, day);
    buf.push(minute, from, to, paid, cp, received, cr, fmt, 0);
  }

  generate(buf: DayBuffer, rng: Rng, day: number, startTime: number): void {
    const { world, economy: e } = this;
    const date = new Date(startTime + day * DAY_MS);
    const weekday = date.getUTCDay();
    const dom = date.getUTCDate();
    const weekend = weekday === 0 || weekday === 6;
    const budget = Math.round(world.active * TX_PER_ACCOUNT_DAY * (weekend ? 0.7 : 1));
    const cur = world.currency;

    // payroll: every employee of an employer whose pay day this is, in the employer's pay minute
    for (const emp of e.employers) {
      const s = e.schedule[emp] ?? 0;
      const pd = e.payDay[emp] ?? 0;
      const due =
        s === 0 ? pd === dom : s === 2 ? pd === weekday : pd === weekday && Math.floor(day / 7) % 2 === 0;
      if (!due) continue;
      const minute = e.payMinute[emp] ?? 0;
      const c = cur[emp] ?? this.usd;
      for (let i = e.staffStart[emp] ?? 0; i < (e.staffStart[emp + 1] ?? 0); i++) {
        const a = e.staff[i] ?? 0;
        this.pay(buf, rng, day, minute, emp, a, e.salary[i] ?? 0, c, c, FMT.ACH);
      }
    }
    // bills due today, early in the morning when direct debits run
    if (dom <= 28) {
      for (let i = e.billStart[dom] ?? 0; i < (e.billStart[dom + 1] ?? 0); i++) {
        const payer = e.billPayer[i] ?? 0;
        const c = cur[payer] ?? this.usd;
        this.pay(
          buf,
          rng,
          day,
          300 + ((i * 7) % 120),
          payer,
          e.billBiller[i] ?? 0,
          e.billUsd[i] ?? 0,
          c,
          c,
          FMT.ACH,
        );
      }
    }
    for (let n = 0; n < budget; n++) {
      const u = rng.next();
      const minute = this.minuteTable.draw(rng);
      const from = e.senders.draw(rng);
      const cf = cur[from] ?? this.usd;
      const country = world.country[from] ?? 0;
      if (u < MIX.merchant) {
        const local = e.merchantsByCountry[country];
        const m = local && local.size > 0 && rng.next() < 0.95 ? local.draw(rng) : e.merchants.draw(rng);
        if (m < 0 || m === from) continue;
        const cm = cur[m] ?? this.usd;
        this.pay(
          buf,
          rng,
          day,
          minute,
          from,
          m,
          logNormal(rng, 45, 1.0),
          cf,
          cm,
          rng.next() < 0.85 ? FMT['Credit Card'] : FMT.ACH,
        );
      } else if (u < MIX.merchant + MIX.transfer) {
        const k0 = e.payeeStart[from] ?? 0;
        const k1 = e.payeeStart[from + 1] ?? 0;
        const local = e.receiversByCountry[country];
        const to =
          k1 > k0 && rng.next() < 0.8
            ? (e.payees[intBetween(rng, k0, k1 - 1)] ?? 0)
            : local && local.size > 1 && rng.next() < 0.9
              ? local.draw(rng)
              : e.receivers.draw(rng);
        if (to === from) continue;
        const ct = cur[to] ?? this.usd;
        const business = world.role[from] !== ROLE.person;
        const usd = logNormal(rng, business ? 6000 : 350, 1.2);
        const fmtDraw = rng.next();
        const fmt =
          usd > 20_000 || ct !== cf
            ? FMT.Wire
            : fmtDraw < 0.55
              ? FMT.ACH
              : fmtDraw < 0.8
                ? FMT.Wire
                : FMT.Cheque;
        // cross-currency payments are mostly received in the payee's currency, some stay in the payer's
        this.pay(buf, rng, day, minute, from, to, usd, cf, ct !== cf && rng.next() < 0.25 ? cf : ct, fmt);
      } else if (u < MIX.merchant + MIX.transfer + MIX.self) {
        this.pay(buf, rng, day, minute, from, from, logNormal(rng, 900, 1.3), cf, cf, FMT.Reinvestment);
      } else if (u < MIX.merchant + MIX.transfer + MIX.self + MIX.cash) {
        const k0 = e.payeeStart[from] ?? 0;
        const k1 = e.payeeStart[from + 1] ?? 0;
        if (k1 <= k0) continue;
        const to = e.payees[intBetween(rng, k0, k1 - 1)] ?? 0;
        this.pay(buf, rng, day, minute, from, to, logNormal(rng, 120, 0.9), cf, cur[to] ?? cf, FMT.Cash);
      } else if (u < MIX.merchant + MIX.transfer + MIX.self + MIX.cash + MIX.fx) {
        // currency exchange at a money-service business: pay local currency, receive dollars (or the reverse)
        const office = e.msbByCountry[country];
        const m = office && office.size > 0 ? office.draw(rng) : -1;
        if (m < 0 || m === from) continue;
        const foreign =
          cf === this.usd
            ? cur[m] === this.usd
              ? this.fx.currencyIndex('EUR')
              : (cur[m] ?? this.usd)
            : this.usd;
        this.pay(buf, rng, day, minute, from, m, logNormal(rng, 600, 1.0), cf, foreign, FMT.Cash);
      } else if (u < MIX.merchant + MIX.transfer + MIX.self + MIX.cash + MIX.fx + MIX.bitcoin) {
        const to = e.receivers.draw(rng);
        if (to === from) continue;
        this.pay(buf, rng, day, minute, from, to, logNormal(rng, 400, 1.2), this.btc, this.btc, FMT.Bitcoin);
      } else if (u < MIX.merchant + MIX.transfer + MIX.self + MIX.cash + MIX.fx + MIX.bitcoin + MIX.gold) {
        // bullion and gold coins (incl. dinars) bought at a dealer at the gold price: the legitimate baseline
        // that makes TF-FX-PREMIUM's overpriced dinars stand out
        const office = e.msbByCountry[country];
        const m = office && office.size > 0 ? office.draw(rng) : -1;
        if (m < 0 || m === from) continue;
        if (rng.next() < 0.5) {
          const coins = intBetween(rng, 1, 20);
          const price = coins * this.fx.usdPerUnit(this.xgd, day) * (1 + (rng.next() - 0.5) * 0.03);
          buf.push(
            minute,
            from,
            m,
            this.toMinor(price, cf, day),
            cf,
            coins * minorScale(this.xgd),
            this.xgd,
            FMT.Cash,
            0,
          );
        } else {
          this.pay(buf, rng, day, minute, from, m, logNormal(rng, 1500, 0.8), cf, this.xau, FMT.Cash);
        }
      } else if (
        u <
        MIX.merchant + MIX.transfer + MIX.self + MIX.cash + MIX.fx + MIX.bitcoin + MIX.gold + MIX.bigTicket
      ) {
        // a once-in-years purchase (car, deposit on a flat): far above the payer's own history, and legitimate
        const local = e.merchantsByCountry[country];
        const m = local && local.size > 0 ? local.draw(rng) : -1;
        if (m < 0 || m === from) continue;
        this.pay(buf, rng, day, minute, from, m, logNormal(rng, 25_000, 0.6), cf, cur[m] ?? cf, FMT.Wire);
      }
    }
  }
}
