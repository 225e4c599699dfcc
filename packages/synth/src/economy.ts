import type { Rng } from '@raqib/core';
import { COUNTRIES } from './geography.ts';
import { AliasTable, intBetween, logNormal, pareto } from './sampling.ts';
import { ROLE, type World } from './world.ts';

/** Pay schedules of employers: the same day (or weekday) every period, all employees in the same minute. */
export const PAY_SCHEDULES = ['monthly', 'biweekly', 'weekly'] as const;

/**
 * The standing relationships of the background economy: who employs whom and pays what, who pays which bills,
 * who usually pays whom. Built once per world; the day generator only reads it. Lists are CSR (offsets + items).
 */
export interface Economy {
  /** Employees of each account (CSR over all accounts; non-employers have none). */
  readonly staffStart: Int32Array;
  readonly staff: Int32Array;
  /** Salary per pay period in USD, index-aligned with `staff`. */
  readonly salary: Float64Array;
  readonly schedule: Uint8Array;
  /** Monthly: day of month 1–28; weekly/biweekly: weekday 0–6. */
  readonly payDay: Uint8Array;
  readonly payMinute: Uint16Array;
  readonly employers: Int32Array;
  /** Bills by day of month (CSR over 1–28): payer, biller, amount in USD. */
  readonly billStart: Int32Array;
  readonly billPayer: Int32Array;
  readonly billBiller: Int32Array;
  readonly billUsd: Float64Array;
  /** Regular payees of each account (CSR). */
  readonly payeeStart: Int32Array;
  readonly payees: Int32Array;
  readonly senders: AliasTable;
  readonly receivers: AliasTable;
  readonly receiversByCountry: readonly AliasTable[];
  readonly merchantsByCountry: readonly AliasTable[];
  readonly merchants: AliasTable;
  readonly msbByCountry: readonly AliasTable[];
}

function tableOf(_world: World, accounts: readonly number[], weight: (a: number) => number): AliasTable {
  return new AliasTable(Int32Array.from(accounts), Float64Array.from(accounts, weight));
}

function csr(count: number, pairs: readonly (readonly [number, number])[]): [Int32Array, Int32Array] {
  const start = new Int32Array(count + 1);
  for (const [k] of pairs) start[k + 1]!++;
  for (let i = 0; i < count; i++) start[i + 1]! += start[i] ?? 0;
  const fill = start.slice(0, count);
  const items = new Int32Array(pairs.length);
  for (const [k, v] of pairs) items[fill[k]!++] = v;
  return [start, items];
}

export function buildEconomy(rng: Rng, world: World): Economy {
  const { active, role } = world;
  const all: number[] = [];
  for (let a = 0; a < active; a++) all.push(a);
  const popularity = (a: number): number => world.activity[a] ?? 1;
  const senders = tableOf(world, all, popularity);
  const receivers = tableOf(world, all, popularity);
  const byRole = (r: number, list: Int32Array): number[] => Array.from(list).filter((a) => role[a] === r);
  const receiversByCountry = world.byCountry.map((list) => tableOf(world, Array.from(list), popularity));
  const merchantsByCountry = world.byCountry.map((list) =>
    tableOf(world, byRole(ROLE.merchant, list), popularity),
  );
  const msbByCountry = world.byCountry.map((list) => tableOf(world, byRole(ROLE.msb, list), popularity));
  const merchants = tableOf(world, byRole(ROLE.merchant, Int32Array.from(all)), popularity);

  // employers: heavy-tailed head counts, each with one pay schedule and pay minute
  const employerSize = new Float64Array(world.count);
  const employerTables = world.byCountry.map((list) => {
    const emp = byRole(ROLE.employer, list);
    for (const e of emp) employerSize[e] = pareto(rng, 1.1, 3000);
    return tableOf(world, emp, (e) => employerSize[e] ?? 1);
  });
  const schedule = new Uint8Array(world.count);
  const payDay = new Uint8Array(world.count);
  const payMinute = new Uint16Array(world.count);
  const employers: number[] = [];
  for (let a = 0; a < active; a++) {
    if (role[a] !== ROLE.employer) continue;
    employers.push(a);
    const u = rng.next();
    schedule[a] = u < 0.6 ? 0 : u < 0.85 ? 1 : 2;
    payDay[a] = schedule[a] === 0 ? intBetween(rng, 1, 28) : intBetween(rng, 0, 6);
    payMinute[a] = intBetween(rng, 0, 6 * 60);
  }
  const staffPairs: [number, number][] = [];
  const salaryOf = new Float64Array(world.count);
  const billPairs: [number, number][] = [];
  const billers = world.byCountry.map((list) =>
    tableOf(
      world,
      Array.from(list).filter((a) => role[a] === ROLE.biller || role[a] === ROLE.government),
      popularity,
    ),
  );
  const billList: { payer: number; biller: number; usd: number }[] = [];
  for (let a = 0; a < active; a++) {
    if (role[a] !== ROLE.person) continue;
    const c = world.country[a] ?? 0;
    const group = COUNTRIES[c]?.group;
    const wage = group === 'home' || group === 'europe' ? 4200 : group === 'gulf' ? 3000 : 900;
    if (rng.next() < 0.6) {
      const e = employerTables[c]?.draw(rng) ?? -1;
      if (e >= 0) {
        const periods = schedule[e] === 0 ? 1 : schedule[e] === 1 ? 12 / 26 : 12 / 52;
        salaryOf[a] = Math.max(150, logNormal(rng, wage, 0.45)) * periods;
        staffPairs.push([e, a]);
      }
    }
    const nBills = intBetween(rng, 0, 3);
    for (let b = 0; b < nBills; b++) {
      const biller = billers[c]?.draw(rng) ?? -1;
      if (biller >= 0) billList.push({ payer: a, biller, usd: logNormal(rng, wage / 40, 0.6) });
    }
  }
  const [staffStart, staff] = csr(world.count, staffPairs);
  const salary = Float64Array.from(staff, (a) => salaryOf[a] ?? 0);
  for (let i = 0; i < billList.length; i++) billPairs.push([intBetween(rng, 1, 28), i]);
  const [billStart, billIdx] = csr(29, billPairs);
  const billPayer = Int32Array.from(billIdx, (i) => billList[i]?.payer ?? 0);
  const billBiller = Int32Array.from(billIdx, (i) => billList[i]?.biller ?? 0);
  const billUsd = Float64Array.from(billIdx, (i) => billList[i]?.usd ?? 0);

  // regular payees: most people pay a few known counterparties, mostly at home
  const payeePairs: [number, number][] = [];
  for (let a = 0; a < active; a++) {
    const k = 1 + Math.min(7, Math.floor(pareto(rng, 1.5, 8)));
    const local = receiversByCountry[world.country[a] ?? 0];
    for (let j = 0; j < k; j++) {
      const p = rng.next() < 0.9 && local && local.size > 1 ? local.draw(rng) : receivers.draw(rng);
      if (p !== a && p >= 0) payeePairs.push([a, p]);
    }
  }
  const [payeeStart, payees] = csr(world.count, payeePairs);
  return {
    staffStart,
    staff,
    salary,
    schedule,
    payDay,
    payMinute,
    employers: Int32Array.from(employers),
    billStart,
    billPayer,
    billBiller,
    billUsd,
    payeeStart,
    payees,
    senders,
    receivers,
    receiversByCountry,
    merchantsByCountry,
    merchants,
    msbByCountry,
  };
}
