import { ENTITY_TYPES, type EntityType, type Rng } from '@raqib/core';
import type { FxReference } from './fx-reference.ts';
import { COUNTRIES, type CountryInfo, countryInfo, REQUIRED_COUNTRIES } from './geography.ts';
import { AliasTable, pareto } from './sampling.ts';

/** What an account does in the background economy; decides the kinds of payment it makes and receives. */
export const ROLES = [
  'person',
  'employer',
  'merchant',
  'biller',
  'firm',
  'npo',
  'msb',
  'government',
  'fresh',
] as const;
export type Role = (typeof ROLES)[number];
export const ROLE = Object.fromEntries(ROLES.map((r, i) => [r, i])) as { readonly [K in Role]: number };

export interface Bank {
  readonly id: string;
  readonly country: CountryInfo;
}

/**
 * The synthetic customer base, held as parallel typed arrays (250k accounts must stay cheap). Accounts
 * [0, active) take part in background activity; the last `fresh` accounts are new individual accounts with no
 * history, used as first-seen beneficiaries by TF-CELL-FUNDING and as mules.
 */
export interface World {
  readonly banks: readonly Bank[];
  readonly count: number;
  readonly active: number;
  readonly bank: Int32Array;
  readonly role: Uint8Array;
  readonly entityType: Uint8Array;
  /** Domestic currency, as an index into FxReference.codes. */
  readonly currency: Uint8Array;
  /** Index into COUNTRIES. */
  readonly country: Uint8Array;
  readonly activity: Float64Array;
  /** 9 hex digits, AMLworld style. */
  readonly accountId: readonly string[];
  /** `bank,account` as it appears in AMLworld rows. */
  readonly csvRef: readonly string[];
  /** Accounts of each country (index into COUNTRIES), active ones only. */
  readonly byCountry: readonly Int32Array[];
}

const ROLE_MIX: readonly (readonly [Role, number])[] = [
  ['person', 0.8],
  ['employer', 0.05],
  ['merchant', 0.06],
  ['biller', 0.01],
  ['firm', 0.05],
  ['npo', 0.012],
  ['msb', 0.01],
  ['government', 0.008],
];

function entityTypeOf(role: Role): EntityType {
  switch (role) {
    case 'person':
    case 'fresh':
      return 'individual';
    case 'employer':
    case 'merchant':
    case 'biller':
    case 'firm':
      return 'company';
    case 'npo':
      return 'npo';
    case 'msb':
      return 'msb';
    case 'government':
      return 'government';
  }
}

function bankId(i: number, rng: Rng): string {
  // AMLworld bank ids are zero-padded numbers of varying width ("010", "0213", "021174")
  const width = i < 40 ? 3 : i < 400 ? 4 : 6;
  const n = i < 40 ? 10 + i * 7 : i * 53 + Math.floor(rng.next() * 50);
  return String(n).padStart(width, '0');
}

export function buildWorld(rng: Rng, fx: FxReference, accounts: number, fresh: number): World {
  const bankCount = Math.max(REQUIRED_COUNTRIES.length + 4, Math.min(3000, Math.round(accounts / 150)));
  const banks: Bank[] = [];
  const countryWeights = new Float64Array(COUNTRIES.map((c) => c.weight));
  const countryTable = new AliasTable(Int32Array.from(COUNTRIES.keys()), countryWeights);
  const seen = new Set<string>();
  for (let i = 0; i < bankCount; i++) {
    const country =
      i < REQUIRED_COUNTRIES.length
        ? countryInfo(REQUIRED_COUNTRIES[i] ?? 'US')
        : (COUNTRIES[countryTable.draw(rng)] ?? countryInfo('US'));
    let id = bankId(i, rng);
    while (seen.has(id)) id = `${id}1`;
    seen.add(id);
    banks.push({ id, country });
  }
  // bank sizes are heavy-tailed too: a few big banks hold most accounts
  const bankTable = new AliasTable(
    Int32Array.from(banks.keys()),
    Float64Array.from(banks, (_, i) => (i < REQUIRED_COUNTRIES.length ? 3 : pareto(rng, 1.1, 200))),
  );
  const countryIndex = new Map(COUNTRIES.map((c, i) => [c.iso2, i]));
  const count = accounts;
  const active = count - fresh;
  const bank = new Int32Array(count);
  const role = new Uint8Array(count);
  const entityType = new Uint8Array(count);
  const currency = new Uint8Array(count);
  const country = new Uint8Array(count);
  const activity = new Float64Array(count);
  const accountId: string[] = new Array(count);
  const csvRef: string[] = new Array(count);
  const perCountry: number[][] = COUNTRIES.map(() => []);
  for (let a = 0; a < count; a++) {
    const b = bankTable.draw(rng);
    const bk = banks[b] as Bank;
    let r: Role = 'fresh';
    if (a < active) {
      let u = rng.next();
      r = 'person';
      for (const [candidate, share] of ROLE_MIX) {
        if (u < share) {
          r = candidate;
          break;
        }
        u -= share;
      }
    }
    const ci = countryIndex.get(bk.country.iso2) ?? 0;
    bank[a] = b;
    role[a] = ROLE[r];
    entityType[a] = ENTITY_TYPES.indexOf(entityTypeOf(r));
    currency[a] = fx.currencyIndex(bk.country.currency);
    country[a] = ci;
    activity[a] = r === 'fresh' ? 0 : pareto(rng, 1.6, 400) * (r === 'person' ? 1 : 3);
    // an odd multiplier is a bijection modulo 2^32, so account ids are unique without a set
    const hex = (Math.imul(a + 1, 0x9e3779b1) >>> 0).toString(16).toUpperCase().padStart(8, '0');
    accountId[a] = `8${hex}`;
    csvRef[a] = `${bk.id},8${hex}`;
    if (a < active) perCountry[ci]?.push(a);
  }
  return {
    banks,
    count,
    active,
    bank,
    role,
    entityType,
    currency,
    country,
    activity,
    accountId,
    csvRef,
    byCountry: perCountry.map((l) => Int32Array.from(l)),
  };
}

export function entityTypeName(world: World, a: number): EntityType {
  return ENTITY_TYPES[world.entityType[a] ?? 0] ?? 'individual';
}

export function countryOf(world: World, a: number): CountryInfo {
  return COUNTRIES[world.country[a] ?? 0] ?? countryInfo('US');
}
