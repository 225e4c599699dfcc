/**
 * One entity model for every sanctions, PEP or in-house list: UN, OFAC, EU and UK parsers all produce it,
 * so the screening engine never needs to know which publisher a record came from.
 */

export const ENTITY_KINDS = ['person', 'organisation', 'vessel', 'aircraft'] as const;
/** What a listed record designates. Vessels and aircraft are screened like organisations (no DOB, no nasab). */
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const NAME_TYPES = [
  'primary',
  'alias',
  'weak-alias',
  'former',
  'original-script',
  'curated-alias',
] as const;
/**
 * How much a name speaks for its entry. `weak-alias` is the UN "Low" quality and OFAC "weak aka": a nickname
 * or kunya that many people share, so a hit on it alone scores lower. `curated-alias` names come from raqib's
 * alias table (e.g. «داعش» for ISIL), never from the publisher.
 */
export type NameType = (typeof NAME_TYPES)[number];

export interface ListName {
  readonly text: string;
  readonly type: NameType;
  /** The publisher's own quality label, kept verbatim ("Good", "Low", "a.k.a.", "strong"…). */
  readonly quality?: string | undefined;
}

export interface EntryIdentifier {
  /** Document type as published ("Passport", "National Identification Number", "IMO"…). */
  readonly type: string;
  readonly value: string;
  /** ISO 3166 alpha-2 of the issuing country when known. */
  readonly country?: string | undefined;
  /**
   * The issuing country as written when the list names one no code was found for (`country` is then absent):
   * shown, never scored, and not part of the entry's fingerprint, like the entry's `countryTexts`.
   */
  readonly countryText?: string | undefined;
}

/** One designated party as published by one list version. */
export interface ListEntry {
  /** List code: `UN`, `OFAC-SDN`, `OFAC-CONS`, `EU`, `UK`, or the name given to a generic import. */
  readonly list: string;
  /** Version of the list the entry was read from: its publication date (YYYY-MM-DD) or the file's stated date. */
  readonly listVersion: string;
  /** The publisher's reference: UN `QDi.001`, OFAC ent_num, EU logical id, UK Group ID. */
  readonly refId: string;
  readonly kind: EntityKind;
  /** The first name is the primary name; at least one name is always present. */
  readonly names: readonly ListName[];
  /** Sanctions programmes or regimes (`SDGT`, `Al-Qaida`, `IRAQ2`…). */
  readonly programmes: readonly string[];
  /** Dates of birth (or of registration): `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a year range `YYYY/YYYY`. */
  readonly birthDates: readonly string[];
  /** Nationalities, citizenships and countries of address: ISO 3166 alpha-2 where the name was recognised. */
  readonly countries: readonly string[];
  /**
   * Country names as published that name no country raqib recognises ("former Soviet Union", "Region: Crimea"),
   * kept as written: stored with the entry, counted in the load's notes and shown by `raqib screen --json`. Not used
   * in scoring: only `countries` is.
   */
  readonly countryTexts?: readonly string[] | undefined;
  readonly identifiers: readonly EntryIdentifier[];
  /** Date the entry was listed (YYYY-MM-DD), when the publisher gives it. */
  readonly listedOn?: string | undefined;
  readonly remarks?: string | undefined;
}

/** Is `value` one of the entity kinds? A type guard for parsers and the CLI. */
export function isEntityKind(value: string): value is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(value);
}

/** Stable key of an entry across list versions: list code and reference id. */
export function entryKey(entry: Pick<ListEntry, 'list' | 'refId'>): string {
  return `${entry.list}:${entry.refId}`;
}
