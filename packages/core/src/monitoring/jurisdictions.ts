/** One conflict or TF-affected area of the project's risk list. Tier A: ISIL/AQ territory; B: transit hub; C: other. */
export interface ConflictArea {
  readonly iso2: string;
  readonly tier: 'A' | 'B' | 'C';
  readonly subdivisions?: readonly string[] | undefined;
}

/**
 * Dated geography reference for the TF rules: FATF lists, conflict areas and the destination set the seed's
 * "move to Europe" rule watches. `version` is written into every alert's evidence so that an analyst knows which
 * list was in force.
 */
export interface Jurisdictions {
  readonly version: string;
  readonly fatfCallForAction: readonly string[];
  readonly fatfIncreasedMonitoring: readonly string[];
  readonly conflictAreas: readonly ConflictArea[];
  readonly destinations: readonly string[];
}

/** EU-27 + EEA + GB + CH: the default destination set of TF-EXODUS (typologies.md, T08). */
export const EUROPE_DESTINATIONS: readonly string[] = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
  'GB',
  'CH',
];

/**
 * The lists of fixtures/geography/jurisdictions-2026-06.json (FATF plenary of 17–19 June 2026; project-defined
 * conflict-area list compiled 2026-11-29), built in so that the monitor works without a file. Load a newer file
 * with `loadJurisdictions` from @raqib/formats.
 */
export const DEFAULT_JURISDICTIONS: Jurisdictions = {
  version: 'jurisdictions-2026-06',
  fatfCallForAction: ['KP', 'IR', 'MM'],
  fatfIncreasedMonitoring: [
    'AO',
    'BO',
    'BA',
    'BG',
    'CM',
    'CI',
    'CD',
    'HT',
    'IQ',
    'KE',
    'KW',
    'LA',
    'LB',
    'MC',
    'NP',
    'PG',
    'SS',
    'SY',
    'VE',
    'VN',
    'VG',
    'YE',
  ],
  conflictAreas: [
    { iso2: 'SY', tier: 'A', subdivisions: ['SY-DY', 'SY-RA', 'SY-HA', 'SY-HI'] },
    { iso2: 'IQ', tier: 'A', subdivisions: ['IQ-NI', 'IQ-AN', 'IQ-SD', 'IQ-KI', 'IQ-DI'] },
    { iso2: 'AF', tier: 'A' },
    { iso2: 'SO', tier: 'A', subdivisions: ['SO-BR'] },
    { iso2: 'NG', tier: 'A', subdivisions: ['NG-BO', 'NG-YO', 'NG-AD'] },
    { iso2: 'NE', tier: 'A' },
    { iso2: 'TD', tier: 'A' },
    { iso2: 'CM', tier: 'A' },
    { iso2: 'ML', tier: 'A' },
    { iso2: 'BF', tier: 'A' },
    { iso2: 'MZ', tier: 'A', subdivisions: ['MZ-P'] },
    { iso2: 'CD', tier: 'A', subdivisions: ['CD-NK', 'CD-IT'] },
    { iso2: 'LY', tier: 'A' },
    { iso2: 'YE', tier: 'A' },
    { iso2: 'PH', tier: 'A', subdivisions: ['PH-LAS', 'PH-SLU'] },
    { iso2: 'TR', tier: 'B', subdivisions: ['TR-27', 'TR-63', 'TR-31', 'TR-79'] },
    { iso2: 'ZA', tier: 'B' },
    { iso2: 'KE', tier: 'B' },
    { iso2: 'UG', tier: 'B' },
    { iso2: 'PS', tier: 'C' },
    { iso2: 'LB', tier: 'C' },
  ],
  destinations: EUROPE_DESTINATIONS,
};

/** Geographic risk weights of typologies.md T08: tier A and FATF call-for-action 1.0, tiers B/C 0.6, grey 0.4. */
export interface GeoRiskWeights {
  readonly tierA: number;
  readonly tierB: number;
  readonly tierC: number;
  readonly callForAction: number;
  readonly increasedMonitoring: number;
}

export const DEFAULT_GEO_RISK: GeoRiskWeights = {
  tierA: 1,
  tierB: 0.6,
  tierC: 0.6,
  callForAction: 1,
  increasedMonitoring: 0.4,
};

/** Risk of a country in [0, 1] under the given lists: the highest weight of any list naming it. */
export function geoRisk(j: Jurisdictions, iso2: string, w: GeoRiskWeights = DEFAULT_GEO_RISK): number {
  let r = 0;
  if (j.fatfCallForAction.includes(iso2)) r = Math.max(r, w.callForAction);
  if (j.fatfIncreasedMonitoring.includes(iso2)) r = Math.max(r, w.increasedMonitoring);
  for (const a of j.conflictAreas) {
    if (a.iso2 !== iso2) continue;
    r = Math.max(r, a.tier === 'A' ? w.tierA : a.tier === 'B' ? w.tierB : w.tierC);
  }
  return r;
}
