/**
 * The countries synthetic banks sit in, with their currency and the risk groups the TF schemes draw on.
 * Weights give a bank-country mix like a large correspondent bank's book: mostly US and Europe, a Gulf and Levant
 * share, and a few banks in conflict areas and FATF-listed jurisdictions so that TF-EXODUS has real geography.
 * Risk groups follow ../shared/data/geography/jurisdictions-2026-06.json (FATF June 2026, conflict areas).
 */
export const COUNTRY_GROUPS = ['home', 'europe', 'gulf', 'levant', 'conflict', 'other'] as const;
export type CountryGroup = (typeof COUNTRY_GROUPS)[number];

export interface CountryInfo {
  readonly iso2: string;
  /** ISO 4217 code of the domestic currency (must exist in core's currency table). */
  readonly currency: string;
  readonly group: CountryGroup;
  /** Relative share of banks. */
  readonly weight: number;
}

export const COUNTRIES: readonly CountryInfo[] = [
  { iso2: 'US', currency: 'USD', group: 'home', weight: 30 },
  { iso2: 'DE', currency: 'EUR', group: 'europe', weight: 6 },
  { iso2: 'FR', currency: 'EUR', group: 'europe', weight: 5 },
  { iso2: 'NL', currency: 'EUR', group: 'europe', weight: 3 },
  { iso2: 'BE', currency: 'EUR', group: 'europe', weight: 2 },
  { iso2: 'IT', currency: 'EUR', group: 'europe', weight: 3 },
  { iso2: 'ES', currency: 'EUR', group: 'europe', weight: 3 },
  { iso2: 'AT', currency: 'EUR', group: 'europe', weight: 1 },
  { iso2: 'GB', currency: 'GBP', group: 'europe', weight: 5 },
  { iso2: 'CH', currency: 'CHF', group: 'europe', weight: 2 },
  { iso2: 'SE', currency: 'SEK', group: 'europe', weight: 1 },
  { iso2: 'DK', currency: 'DKK', group: 'europe', weight: 1 },
  { iso2: 'PL', currency: 'PLN', group: 'europe', weight: 1 },
  { iso2: 'AE', currency: 'AED', group: 'gulf', weight: 4 },
  { iso2: 'SA', currency: 'SAR', group: 'gulf', weight: 3 },
  { iso2: 'QA', currency: 'QAR', group: 'gulf', weight: 1 },
  { iso2: 'KW', currency: 'KWD', group: 'gulf', weight: 1 },
  { iso2: 'BH', currency: 'BHD', group: 'gulf', weight: 0.5 },
  { iso2: 'OM', currency: 'OMR', group: 'gulf', weight: 0.5 },
  { iso2: 'JO', currency: 'JOD', group: 'levant', weight: 1.5 },
  { iso2: 'EG', currency: 'EGP', group: 'levant', weight: 2 },
  { iso2: 'TR', currency: 'TRY', group: 'levant', weight: 2 },
  { iso2: 'MA', currency: 'MAD', group: 'levant', weight: 1 },
  { iso2: 'TN', currency: 'TND', group: 'levant', weight: 0.5 },
  { iso2: 'DZ', currency: 'DZD', group: 'levant', weight: 0.5 },
  { iso2: 'SY', currency: 'SYP', group: 'conflict', weight: 0.8 },
  { iso2: 'IQ', currency: 'IQD', group: 'conflict', weight: 1 },
  { iso2: 'YE', currency: 'YER', group: 'conflict', weight: 0.5 },
  { iso2: 'LB', currency: 'LBP', group: 'conflict', weight: 0.7 },
  { iso2: 'LY', currency: 'LYD', group: 'conflict', weight: 0.4 },
  { iso2: 'AF', currency: 'AFN', group: 'conflict', weight: 0.3 },
  { iso2: 'SO', currency: 'SOS', group: 'conflict', weight: 0.3 },
  { iso2: 'NG', currency: 'NGN', group: 'conflict', weight: 0.5 },
  { iso2: 'PK', currency: 'PKR', group: 'other', weight: 1 },
  { iso2: 'IN', currency: 'INR', group: 'other', weight: 2 },
  { iso2: 'CN', currency: 'CNY', group: 'other', weight: 2 },
  { iso2: 'JP', currency: 'JPY', group: 'other', weight: 1.5 },
  { iso2: 'CA', currency: 'CAD', group: 'other', weight: 2 },
  { iso2: 'AU', currency: 'AUD', group: 'other', weight: 1 },
  { iso2: 'MX', currency: 'MXN', group: 'other', weight: 1 },
  { iso2: 'BR', currency: 'BRL', group: 'other', weight: 1 },
  { iso2: 'RU', currency: 'RUB', group: 'other', weight: 1 },
];

/** Countries every generated world gets at least one bank in, whatever its size: TF schemes need them. */
export const REQUIRED_COUNTRIES: readonly string[] = [
  'US',
  'DE',
  'FR',
  'GB',
  'NL',
  'SY',
  'IQ',
  'YE',
  'LB',
  'TR',
  'AE',
];

/** Origins of TF-EXODUS flows: conflict areas and FATF-listed jurisdictions. */
export const EXODUS_ORIGINS: readonly string[] = ['SY', 'IQ', 'YE', 'LB', 'LY', 'AF', 'SO'];
/** Transit hubs some TF-EXODUS flows pass through on their way to Europe. */
export const EXODUS_TRANSIT: readonly string[] = ['TR', 'AE', 'JO', 'LB'];
/** Where TF-FX-PREMIUM exchange offices sit (the seed: the organisation's "economic offices"). */
export const PREMIUM_OFFICE_COUNTRIES: readonly string[] = ['SY', 'IQ'];

const BY_ISO = new Map(COUNTRIES.map((c) => [c.iso2, c]));

export function countryInfo(iso2: string): CountryInfo {
  const c = BY_ISO.get(iso2);
  if (!c) throw new Error(`synth: unknown country ${iso2}`);
  return c;
}
