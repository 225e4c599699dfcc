/**
 * Shared by `screen`, `screen-pairs` and `lists`: the index over the lists stored in the database, and the
 * re-screening of stored customers with analysts' false-positive decisions applied.
 */
import {
  buildScreeningIndex,
  explanationText,
  isoCountryCode,
  type ScreeningIndex,
  type ScreeningMatch,
  screenName,
} from '@raqib/core';
import { calendarDob } from '@raqib/formats';
import {
  isSuppressed,
  type RaqibDatabase,
  type ScreeningCustomer,
  SqlListStore,
  SqlScreeningStore,
  type StoredHit,
} from '@raqib/store-sql';
import { CliError } from '../cli-error.ts';

export const NO_LISTS_HINT =
  'no sanctions list is loaded in the database. Load one first, e.g.\n' +
  '  npx raqib lists load fixtures/sanctions/un-excerpt.xml     (the UN excerpt shipped with raqib)\n' +
  '  npx raqib lists load path/to/UN_consolidated.xml path/to/ofac-folder\n' +
  '  npx raqib lists update                                     (fetch the official lists)';

/** Builds the index over the current version of every stored list (or the named lists). */
export async function indexFromDatabase(
  database: RaqibDatabase,
  lists?: readonly string[],
): Promise<ScreeningIndex | undefined> {
  const entries = await new SqlListStore(database.db).currentEntries(lists);
  if (entries.length === 0) return undefined;
  return buildScreeningIndex(entries);
}

export async function requireIndex(
  database: RaqibDatabase,
  lists?: readonly string[],
): Promise<ScreeningIndex> {
  if (lists && lists.length > 0) {
    // a misspelt or unloaded code among others would be left out, and the name reported clear of it
    const loaded = [...new Set((await new SqlListStore(database.db).versions()).map((v) => v.list))];
    const unknown = lists.filter((l) => !loaded.includes(l));
    if (unknown.length > 0 && loaded.length > 0)
      throw new CliError(`--lists: ${unknown.join(', ')} not loaded (loaded: ${loaded.join(', ')})`);
  }
  const index = await indexFromDatabase(database, lists);
  if (!index) throw new CliError(NO_LISTS_HINT);
  return index;
}

export interface CustomerScreening {
  readonly customer: ScreeningCustomer;
  readonly matches: readonly ScreeningMatch[];
  /** Matches hidden by a false-positive decision, with who decided. */
  readonly suppressed: readonly { match: ScreeningMatch; analyst: string }[];
}

/** Screens customers, applies remembered decisions, and stores their latest hits. */
export async function screenCustomers(
  database: RaqibDatabase,
  index: ScreeningIndex,
  customers: readonly ScreeningCustomer[],
  options: {
    threshold?: number | undefined;
    limit?: number | undefined;
    onProgress?: (done: number) => void;
    /** Called for a customer whose name has no word to screen (see ScreenOptions.onNoWords). */
    onNoWords?: (customer: ScreeningCustomer) => void;
  },
): Promise<CustomerScreening[]> {
  const screening = new SqlScreeningStore(database.db);
  const decisions = await screening.decisions();
  const fingerprints = await new SqlListStore(database.db).currentFingerprints();
  const out: CustomerScreening[] = [];
  const hits: StoredHit[] = [];
  customers.forEach((customer, i) => {
    const all = screenName(index, customer.name, {
      threshold: options.threshold,
      limit: options.limit,
      dob: customer.dob,
      country: customer.country,
      type: customer.type,
      onNoWords: options.onNoWords && (() => options.onNoWords?.(customer)),
    });
    const matches: ScreeningMatch[] = [];
    const suppressed: { match: ScreeningMatch; analyst: string }[] = [];
    for (const m of all) {
      const fp = fingerprints.get(`${m.entry.list}:${m.entry.refId}`)?.fingerprint;
      const d = isSuppressed(decisions, customer.id, m.entry.list, m.entry.refId, m.entry.listVersion, fp);
      if (d) suppressed.push({ match: m, analyst: d.analyst });
      else {
        matches.push(m);
        hits.push({
          customerId: customer.id,
          list: m.entry.list,
          refId: m.entry.refId,
          listVersion: m.entry.listVersion,
          score: m.score,
          matchedName: m.matchedName.text,
          explanation: explanationText(m.explanation),
        });
      }
    }
    out.push({ customer, matches, suppressed });
    if (options.onProgress && (i % 50 === 0 || i === customers.length - 1)) options.onProgress(i + 1);
  });
  await screening.replaceHits(
    customers.map((c) => c.id),
    hits,
    Date.now(),
  );
  return out;
}

/**
 * The refusal of a name the matcher finds no word in ("!!!", "-"): screened, it would be reported as "no match",
 * as if it had been checked and cleared. Raised from screenName's onNoWords, which knows from its own parse.
 */
export function noWordsError(name: string): CliError {
  return new CliError(`"${name}" has no word to screen (only punctuation or symbols)`);
}

/** Parses --threshold (0–1). */
export function parseThreshold(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  // Number('') is 0: an empty --threshold "$T" would show every entry as a match
  // a decimal number as Number reads it (8e-1, +0.8 as on main); 0x1 or 0b1 is no threshold anyone means
  const t = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(value) ? Number(value) : Number.NaN;
  if (!(t >= 0 && t <= 1)) throw new CliError(`--threshold must be a number from 0 to 1, got "${value}"`);
  return t;
}

/** Parses --limit (positive whole number). */
export function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(`--limit must be a positive whole number, got "${value}"`);
  return n;
}

/** Parses --type. */
export function parseType(value: string | undefined): 'person' | 'organisation' | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'person') return 'person';
  if (value === 'org' || value === 'organisation' || value === 'organization') return 'organisation';
  throw new CliError(`--type must be person or org, got "${value}"`);
}

/**
 * Checks a date of birth: YYYY, YYYY-MM or YYYY-MM-DD, a day of the calendar, 00 for an unknown month or day
 * (see calendarDob). A date that does not exist (2024-02-30) is a typo, not a birth date: scored, it counts
 * against every listed person as a differing one.
 */
export function parseDob(value: string | undefined, where = '--dob'): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value))
    throw new CliError(`${where} must be YYYY or YYYY-MM-DD, got "${value}"`);
  const dob = calendarDob(value);
  if (!dob) throw new CliError(`${where} "${value}" is not a date of the calendar`);
  return dob;
}

/**
 * Checks a country: ISO 3166 alpha-2, or UK for GB. Two letters are not enough: ZZ is among no entry's
 * countries, so it would count against every match as a differing country.
 */
export function parseCountry(value: string | undefined, where = '--country'): string | undefined {
  if (value === undefined || value === '') return undefined;
  const code = /^[A-Za-z]{2}$/.test(value) ? isoCountryCode(value) : undefined;
  if (code === undefined)
    throw new CliError(`${where} must be a two-letter ISO country code, got "${value}"`);
  return code;
}
