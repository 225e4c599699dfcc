/**
 * Country names → ISO 3166 alpha-2. Lists write countries as names ("Syrian Arab Republic", "Iran (Islamic
 * Republic of)"); queries give codes. The table is built from the ECMAScript Intl region names (English and
 * Arabic, so no data file to keep current) plus the UN and OFAC long forms that Intl does not produce.
 */
import { normalizeText } from './normalize.ts';

const EXTRA: Readonly<Record<string, string>> = {
  'syrian arab republic': 'SY',
  'iran islamic republic of': 'IR',
  'russian federation': 'RU',
  'democratic peoples republic of korea': 'KP',
  'north korea': 'KP',
  'korea north': 'KP',
  'republic of korea': 'KR',
  'south korea': 'KR',
  'korea south': 'KR',
  'united republic of tanzania': 'TZ',
  'viet nam': 'VN',
  'libyan arab jamahiriya': 'LY',
  'united states of america': 'US',
  usa: 'US',
  'united kingdom of great britain and northern ireland': 'GB',
  uk: 'GB',
  'great britain': 'GB',
  'democratic republic of the congo': 'CD',
  'congo democratic republic of the': 'CD',
  'republic of the congo': 'CG',
  'lao peoples democratic republic': 'LA',
  'bolivia plurinational state of': 'BO',
  'venezuela bolivarian republic of': 'VE',
  'republic of moldova': 'MD',
  'state of palestine': 'PS',
  palestinian: 'PS',
  'west bank': 'PS',
  gaza: 'PS',
  'gaza strip': 'PS',
  turkiye: 'TR',
  burma: 'MM',
  'cote divoire': 'CI',
  'ivory coast': 'CI',
  'the former yugoslav republic of macedonia': 'MK',
  'north macedonia': 'MK',
  kosovo: 'XK',
  'czech republic': 'CZ',
  swaziland: 'SZ',
  'cabo verde': 'CV',
  'holy see': 'VA',
  'micronesia federated states of': 'FM',
};

let table: Map<string, string> | undefined;

function build(): Map<string, string> {
  const map = new Map<string, string>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const en = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const ar = new Intl.DisplayNames(['ar'], { type: 'region', fallback: 'none' });
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      for (const names of [en, ar]) {
        const name = names.of(code);
        if (name && name !== code) map.set(normalizeText(name), code);
      }
    }
  }
  for (const [name, code] of Object.entries(EXTRA)) map.set(normalizeText(name), code);
  return map;
}

/**
 * ISO 3166 alpha-2 code for a country name or code (English or Arabic), or undefined when unknown.
 * Adjectives of nationality are not recognised; parsers keep such values as written.
 */
export function countryCode(nameOrCode: string): string | undefined {
  const raw = nameOrCode.trim();
  if (/^[A-Za-z]{2}$/.test(raw)) return raw.toUpperCase();
  table ??= build();
  const norm = normalizeText(raw);
  return table.get(norm) ?? table.get(norm.replace(/^the /, ''));
}
