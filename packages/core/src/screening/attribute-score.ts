/**
 * Secondary attributes raise or lower a name score: a date of birth that agrees confirms, one that
 * disagrees is strong evidence of a different person; nationality weighs less (people move, lists record
 * residence and nationality together); an identical identifier is near proof.
 */
import type { ListEntry } from './list-entry.ts';

export const ATTRIBUTE_NAMES = ['dob', 'country', 'identifier'] as const;
export type AttributeName = (typeof ATTRIBUTE_NAMES)[number];

export interface AttributeEffect {
  readonly attribute: AttributeName;
  /** Added to the score (negative lowers it). */
  readonly effect: number;
  readonly detail: string;
}

/** Attributes a query may carry besides its name. */
export interface QueryAttributes {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly dob?: string | undefined;
  /** ISO 3166 alpha-2. */
  readonly country?: string | undefined;
  readonly identifiers?: readonly string[] | undefined;
}

export const ATTRIBUTE_EFFECTS = {
  dobExact: 0.1,
  dobYear: 0.05,
  dobNear: 0,
  dobDiffers: -0.2,
  countryMatch: 0.03,
  countryDiffers: -0.05,
  identifierMatch: 0.25,
} as const;

function yearRange(date: string): [number, number] | undefined {
  const range = /^(\d{4})\/(\d{4})$/.exec(date);
  if (range) return [Number(range[1]), Number(range[2])];
  const y = /^(\d{4})/.exec(date);
  return y ? [Number(y[1]), Number(y[1])] : undefined;
}

function compareDob(query: string, entry: ListEntry): AttributeEffect | undefined {
  if (entry.birthDates.length === 0) return undefined;
  const q = yearRange(query);
  if (!q) return undefined;
  const qFull = /^\d{4}-\d{2}-\d{2}$/.test(query);
  let best: AttributeEffect | undefined;
  for (const d of entry.birthDates) {
    if (qFull && d === query)
      return {
        attribute: 'dob',
        effect: ATTRIBUTE_EFFECTS.dobExact,
        detail: `date of birth ${d} is the same`,
      };
    const r = yearRange(d);
    if (!r) continue;
    if (q[0] >= r[0] && q[0] <= r[1]) {
      best = {
        attribute: 'dob',
        effect: ATTRIBUTE_EFFECTS.dobYear,
        detail: `year of birth ${q[0]} agrees with listed ${d}`,
      };
    } else if (q[0] >= r[0] - 1 && q[0] <= r[1] + 1 && best === undefined) {
      best = {
        attribute: 'dob',
        effect: ATTRIBUTE_EFFECTS.dobNear,
        detail: `year of birth ${q[0]} is within a year of listed ${d}`,
      };
    }
  }
  return (
    best ?? {
      attribute: 'dob',
      effect: ATTRIBUTE_EFFECTS.dobDiffers,
      detail: `date of birth ${query} differs from listed ${entry.birthDates.join(', ')}`,
    }
  );
}

function normalizeId(id: string): string {
  return id.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Effects of the query's attributes on one entry, in a fixed order (dob, country, identifier). */
export function scoreAttributes(query: QueryAttributes, entry: ListEntry): AttributeEffect[] {
  const effects: AttributeEffect[] = [];
  if (query.dob) {
    const e = compareDob(query.dob, entry);
    if (e) effects.push(e);
  }
  if (query.country && entry.countries.length > 0) {
    const c = query.country.toUpperCase();
    effects.push(
      entry.countries.includes(c)
        ? {
            attribute: 'country',
            effect: ATTRIBUTE_EFFECTS.countryMatch,
            detail: `country ${c} is among the listed countries`,
          }
        : {
            attribute: 'country',
            effect: ATTRIBUTE_EFFECTS.countryDiffers,
            detail: `country ${c} is not among listed ${entry.countries.join(', ')}`,
          },
    );
  }
  if (query.identifiers && query.identifiers.length > 0 && entry.identifiers.length > 0) {
    const listed = new Map(entry.identifiers.map((i) => [normalizeId(i.value), i]));
    for (const id of query.identifiers) {
      const hit = listed.get(normalizeId(id));
      if (hit) {
        effects.push({
          attribute: 'identifier',
          effect: ATTRIBUTE_EFFECTS.identifierMatch,
          detail: `identifier ${hit.value} (${hit.type}) is listed`,
        });
        break;
      }
    }
  }
  return effects;
}
