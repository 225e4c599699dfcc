import { readFile, stat } from 'node:fs/promises';
import { type ConflictArea, EUROPE_DESTINATIONS, type Jurisdictions } from '@raqib/core';

const MAX_BYTES = 5 * 1024 * 1024;
const ISO2 = /^[A-Z]{2}$/;
const TIERS = ['A', 'B', 'C'] as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function codes(section: unknown, name: string, problems: string[]): string[] {
  if (!isObject(section) || !Array.isArray(section.jurisdictions)) {
    problems.push(`${name}.jurisdictions: expected an array`);
    return [];
  }
  const out: string[] = [];
  section.jurisdictions.forEach((j: unknown, i: number) => {
    const iso2 = isObject(j) ? j.iso2 : undefined;
    if (typeof iso2 !== 'string' || !ISO2.test(iso2))
      problems.push(`${name}.jurisdictions[${i}].iso2: not an ISO alpha-2 code`);
    else out.push(iso2);
  });
  return out;
}

/**
 * Parses the jurisdiction reference JSON (the shape of fixtures/geography/jurisdictions-2026-06.json) into the
 * core type. Every problem is collected and reported at once, naming the source and the element.
 */
export function parseJurisdictions(json: unknown, source: string): Jurisdictions {
  const problems: string[] = [];
  if (!isObject(json)) throw new Error(`${source}: expected a JSON object`);
  const black = codes(json.fatf_high_risk_call_for_action, 'fatf_high_risk_call_for_action', problems);
  const grey = codes(json.fatf_increased_monitoring, 'fatf_increased_monitoring', problems);
  const areas: ConflictArea[] = [];
  const tf = json.tf_conflict_and_isil_affected_areas;
  if (!isObject(tf) || !Array.isArray(tf.areas)) {
    problems.push('tf_conflict_and_isil_affected_areas.areas: expected an array');
  } else {
    for (const [i, a] of (tf.areas as unknown[]).entries()) {
      const where = `tf_conflict_and_isil_affected_areas.areas[${i}]`;
      if (!isObject(a)) {
        problems.push(`${where}: expected an object`);
        continue;
      }
      const tier = TIERS.find((t) => t === a.tier);
      if (typeof a.iso2 !== 'string' || !ISO2.test(a.iso2)) {
        problems.push(`${where}.iso2: not an ISO alpha-2 code`);
        continue;
      }
      if (tier === undefined) {
        problems.push(`${where}.tier: expected A, B or C`);
        continue;
      }
      const subs = Array.isArray(a.subdivisions)
        ? a.subdivisions.flatMap((s: unknown) =>
            isObject(s) && typeof s.iso3166_2 === 'string' ? [s.iso3166_2] : [],
          )
        : undefined;
      areas.push(
        subs && subs.length > 0 ? { iso2: a.iso2, tier, subdivisions: subs } : { iso2: a.iso2, tier },
      );
    }
  }
  if (problems.length > 0)
    throw new Error(`${source}: ${problems.length} problem(s): ${problems.join('; ')}`);
  const asOf =
    isObject(json.fatf_increased_monitoring) && typeof json.fatf_increased_monitoring.as_of === 'string'
      ? json.fatf_increased_monitoring.as_of
      : 'undated';
  const base =
    source
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.json$/i, '') ?? 'jurisdictions';
  return {
    version: `${base} (FATF ${asOf})`,
    fatfCallForAction: black,
    fatfIncreasedMonitoring: grey,
    conflictAreas: areas,
    destinations: EUROPE_DESTINATIONS,
  };
}

/** Reads a jurisdiction reference file (at most 5 MB). Errors name the file. */
export async function loadJurisdictions(path: string): Promise<Jurisdictions> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new Error(`jurisdiction file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (size > MAX_BYTES)
    throw new Error(`jurisdiction file ${path}: ${size} bytes is over the ${MAX_BYTES}-byte limit`);
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `jurisdiction file ${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return parseJurisdictions(json, path);
}
