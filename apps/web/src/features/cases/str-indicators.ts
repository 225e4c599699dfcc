/**
 * Reads the indicator codes an analyst typed ("TFFTH, ariet  STR01") into the upper-case codes goAML expects,
 * without duplicates. Returns the codes and any token that cannot be a code (the API accepts 1–10 of A–Z, 0–9, -).
 */
export function parseIndicatorCodes(text: string): { codes: string[]; invalid: string[] } {
  const codes: string[] = [];
  const invalid: string[] = [];
  for (const token of text.split(/[\s,;]+/)) {
    if (token === '') continue;
    const code = token.toUpperCase();
    if (!/^[A-Z0-9-]{1,10}$/.test(code)) invalid.push(token);
    else if (!codes.includes(code)) codes.push(code);
  }
  return { codes, invalid };
}
