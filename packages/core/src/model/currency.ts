/**
 * Currencies raqib understands. Amounts are held as integer minor units with a per-currency exponent, so that
 * sums never drift. The exponent is at least 2 even where ISO 4217 says 0 (JPY), because real feeds such as
 * AMLworld carry cents on yen amounts; Bitcoin uses 8 (satoshi).
 */
export interface CurrencyInfo {
  readonly code: string;
  readonly exponent: number;
  /** Names seen in source data, e.g. AMLworld's "US Dollar". */
  readonly aliases: readonly string[];
}

const CURRENCIES: readonly CurrencyInfo[] = [
  { code: 'USD', exponent: 2, aliases: ['US Dollar'] },
  { code: 'EUR', exponent: 2, aliases: ['Euro'] },
  { code: 'GBP', exponent: 2, aliases: ['UK Pound'] },
  { code: 'CHF', exponent: 2, aliases: ['Swiss Franc'] },
  { code: 'JPY', exponent: 2, aliases: ['Yen'] },
  { code: 'CNY', exponent: 2, aliases: ['Yuan'] },
  { code: 'INR', exponent: 2, aliases: ['Rupee'] },
  { code: 'RUB', exponent: 2, aliases: ['Ruble'] },
  { code: 'CAD', exponent: 2, aliases: ['Canadian Dollar'] },
  { code: 'AUD', exponent: 2, aliases: ['Australian Dollar'] },
  { code: 'MXN', exponent: 2, aliases: ['Mexican Peso'] },
  { code: 'BRL', exponent: 2, aliases: ['Brazil Real'] },
  { code: 'SAR', exponent: 2, aliases: ['Saudi Riyal'] },
  { code: 'ILS', exponent: 2, aliases: ['Shekel'] },
  { code: 'BTC', exponent: 8, aliases: ['Bitcoin'] },
  { code: 'AED', exponent: 2, aliases: ['UAE Dirham'] },
  { code: 'IQD', exponent: 3, aliases: ['Iraqi Dinar'] },
  { code: 'SYP', exponent: 2, aliases: ['Syrian Pound'] },
  { code: 'JOD', exponent: 3, aliases: ['Jordanian Dinar'] },
  { code: 'KWD', exponent: 3, aliases: ['Kuwaiti Dinar'] },
  { code: 'BHD', exponent: 3, aliases: ['Bahraini Dinar'] },
  { code: 'OMR', exponent: 3, aliases: ['Omani Rial'] },
  { code: 'QAR', exponent: 2, aliases: ['Qatari Riyal'] },
  { code: 'EGP', exponent: 2, aliases: ['Egyptian Pound'] },
  { code: 'LBP', exponent: 2, aliases: ['Lebanese Pound'] },
  { code: 'TRY', exponent: 2, aliases: ['Turkish Lira'] },
  { code: 'LYD', exponent: 3, aliases: ['Libyan Dinar'] },
  { code: 'TND', exponent: 3, aliases: ['Tunisian Dinar'] },
  { code: 'MAD', exponent: 2, aliases: ['Moroccan Dirham'] },
  { code: 'DZD', exponent: 2, aliases: ['Algerian Dinar'] },
  { code: 'YER', exponent: 2, aliases: ['Yemeni Rial'] },
  { code: 'SOS', exponent: 2, aliases: ['Somali Shilling'] },
  { code: 'AFN', exponent: 2, aliases: ['Afghani'] },
  { code: 'PKR', exponent: 2, aliases: ['Pakistani Rupee'] },
  { code: 'NGN', exponent: 2, aliases: ['Naira'] },
  { code: 'SEK', exponent: 2, aliases: ['Swedish Krona'] },
  { code: 'NOK', exponent: 2, aliases: ['Norwegian Krone'] },
  { code: 'DKK', exponent: 2, aliases: ['Danish Krone'] },
  { code: 'PLN', exponent: 2, aliases: ['Zloty'] },
  { code: 'XAU', exponent: 4, aliases: ['Gold (troy ounce)'] },
  /** Not ISO 4217: the gold dinar minted by ISIS (seed article). `X`-prefixed codes are reserved for such units. */
  { code: 'XGD', exponent: 2, aliases: ['ISIS gold dinar'] },
];

const BY_KEY = new Map<string, CurrencyInfo>();
for (const c of CURRENCIES) {
  BY_KEY.set(c.code, c);
  for (const a of c.aliases) BY_KEY.set(a.toLowerCase(), c);
}

/** Looks a currency up by ISO code (upper case) or by a source alias (any case). */
export function findCurrency(codeOrName: string): CurrencyInfo | undefined {
  return (
    BY_KEY.get(codeOrName) ?? BY_KEY.get(codeOrName.toUpperCase()) ?? BY_KEY.get(codeOrName.toLowerCase())
  );
}

export function currencyExponent(code: string): number {
  return BY_KEY.get(code)?.exponent ?? 2;
}

export function knownCurrencies(): readonly CurrencyInfo[] {
  return CURRENCIES;
}
