import { readFile } from 'node:fs/promises';

/**
 * The FIU's list of report-indicator codes (goAML `report_indicator_type`): which codes a report may carry. Each
 * FIU has its own list (the UAE FIU's 423 codes are in ../shared/data/goaml/lookups-ae/report_indicators.json),
 * so the list is loaded from a file named in configuration, never compiled in.
 */
export interface IndicatorCatalogue {
  readonly source: string;
  readonly labels: ReadonlyMap<string, string>;
}

/** Parses `[{ "code": "STRUC", "label": "…" }, …]`; every bad element is named in one error. */
export function parseIndicatorCatalogue(json: unknown, source: string): IndicatorCatalogue {
  if (!Array.isArray(json)) throw new Error(`${source}: expected a JSON array of { code, label }`);
  const labels = new Map<string, string>();
  const problems: string[] = [];
  json.forEach((item: unknown, i) => {
    const rec = item as { code?: unknown; label?: unknown } | null;
    if (typeof rec?.code !== 'string' || !/^[A-Z0-9-]{1,10}$/.test(rec.code)) {
      problems.push(`element ${i}: code must be 1–10 upper-case letters or digits`);
    } else if (labels.has(rec.code)) {
      problems.push(`element ${i}: duplicate code ${rec.code}`);
    } else {
      labels.set(rec.code, typeof rec.label === 'string' ? rec.label : '');
    }
  });
  if (problems.length > 0) throw new Error(`${source}: ${problems.join('; ')}`);
  return { source, labels };
}

export async function loadIndicatorCatalogue(path: string): Promise<IndicatorCatalogue> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the indicator list ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  return parseIndicatorCatalogue(json, path);
}

/**
 * raqib typology → suggested UAE indicator codes. A suggestion only: the analyst confirms or replaces the codes,
 * and codes missing from the loaded catalogue are dropped. Other FIUs supply their own map.
 */
export const UAE_TYPOLOGY_INDICATORS: Readonly<Record<string, readonly string[]>> = {
  'FAN-OUT': ['ARIET'],
  'FAN-IN': ['SIWOT'],
  'GATHER-SCATTER': ['ONACC'],
  'SCATTER-GATHER': ['ARIET'],
  CYCLE: ['EJEUA'],
  BIPARTITE: ['EJEUA'],
  STACK: ['EJEUA'],
  'TF-EXODUS': ['TFFTH'],
  'TF-CELL-FUNDING': ['TFCTC'],
  'TF-FX-PREMIUM': ['FXCUR'],
  /** catalogue ids of docs/typologies: structuring, pass-through, amount spike, dormant account */
  T01: ['STRUC'],
  T02: ['ARIET'],
  T07: ['FRQDW'],
  T18: ['DRMTA'],
  /** screening hits */
  T20: ['ITLSL'],
  STRUCTURING: ['STRUC'],
};

export interface IndicatorChoice {
  readonly codes: readonly string[];
  /** Requested or suggested codes that the catalogue does not know. */
  readonly unknown: readonly string[];
}

/**
 * The indicator codes for a report: the analyst's explicit codes when given, otherwise the codes suggested for the
 * case's typologies; only codes in the catalogue are kept, in first-seen order.
 */
export function chooseIndicators(
  catalogue: IndicatorCatalogue,
  typologies: readonly string[],
  explicit?: readonly string[],
  map: Readonly<Record<string, readonly string[]>> = UAE_TYPOLOGY_INDICATORS,
): IndicatorChoice {
  const wanted = explicit && explicit.length > 0 ? explicit : typologies.flatMap((t) => map[t] ?? []);
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const code of wanted) {
    if (!catalogue.labels.has(code)) unknown.push(code);
    else if (!codes.includes(code)) codes.push(code);
  }
  return { codes, unknown };
}
