/**
 * Numbers written as English words, so that a name writing a number in words meets one writing it in digits
 * (Three Percenters = 3 Percenters, Brigade Forty-Four = Brigade 44, First Bank = 1st Bank).
 */

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
];
/** Tens; "fourty" is the common misspelling of forty, read as what it means. */
const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fourty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
]);

const CARDINALS: ReadonlyMap<string, number> = new Map([
  ...UNITS.map((w, i): [string, number] => [w, i + 1]),
  ...TEENS.map((w, i): [string, number] => [w, i + 10]),
  ['nineteen', 19],
  ...TENS,
]);

const ORDINALS: ReadonlyMap<string, string> = new Map(
  ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'].map(
    (w, i): [string, string] => [w, `${i + 1}.`],
  ),
);

/** The number a Latin token writes, as digits or a word ('3', '1st' → '1.', 'three', 'first' → '1.'). */
export function numberOf(token: string): string | undefined {
  const first = token.charCodeAt(0);
  if (first < 48 || first > 57) {
    const n = CARDINALS.get(token);
    return n === undefined ? ORDINALS.get(token) : String(n); // hot path: no regex for ordinary words
  }
  if (/^\d+$/.test(token)) return String(Number(token));
  const ord = /^(\d+)(?:st|nd|rd|th)$/.exec(token);
  return ord?.[1] ? `${Number(ord[1])}.` : undefined;
}

/**
 * The number two adjacent words write together ("forty" "four" → '44', "forty" "4" → '44'), undefined when
 * they are not a tens word followed by a unit word or digit.
 */
export function compoundNumber(tens: string, unit: string): string | undefined {
  const t = TENS.get(tens);
  if (t === undefined) return undefined;
  // the unit in words or, in mixed writing, as one digit ("Forty 4")
  const u = /^[1-9]$/.test(unit) ? Number(unit) : UNITS.indexOf(unit) + 1;
  return u < 1 ? undefined : String(t + u);
}
