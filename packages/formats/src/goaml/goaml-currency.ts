/**
 * goAML's `currency_type` is ISO 4217 plus a few extras, as each FIU exported it. raqib's currency table has codes
 * the UAE FIU's 5.0.2 schema lacks: Bitcoin is `XBT` there, not `BTC`; the Libyan dinar (LYD) is missing; the ISIS
 * gold dinar (XGD) is raqib's own code. A code mapped to `undefined` is not written as a goAML currency: the amount
 * and currency then go into the transaction's comments instead (str-writer.ts). The test checks this table against
 * the schema's enumeration when ../shared is present.
 */
const ALIASES: Readonly<Record<string, string | undefined>> = {
  BTC: 'XBT',
  LYD: undefined,
  XGD: undefined,
};

export function goamlCurrency(code: string): string | undefined {
  return Object.hasOwn(ALIASES, code) ? ALIASES[code] : code;
}
