/**
 * Short forms of English given names that are not spellings of them (Bob = Robert, Ted = Edward or Theodore,
 * Ben = Benjamin): a person screened under the name they go by must still meet the listed full name. Taken from
 * rigour's `person_nick` table (opensanctions/rigour resources/names/symbols.yml, in
 * ../shared/data/screening-eval/opensanctions/rigour_symbols.yml), the person-specific groups left out (Putin,
 * Gaddafi: spellings, not short forms). Each entry: a short form, then the full names it stands for.
 */
const SHORT_FORMS: readonly string[] = [
  'bob robert',
  'rob robert',
  'robbie robert',
  'dick richard',
  'rick richard',
  'will william',
  'bill william',
  'tim timothy',
  'ted edward theodore',
  'theo theodore',
  'doug douglas',
  'drew andrew',
  'sam samuel samantha',
  'alex alexander alexandra',
  'ray raymond',
  'ken kenneth',
  'kenny kenneth',
  'ben benjamin benedict',
  'greg gregory',
  'larry lawrence',
  'ron ronald',
  'ed edward',
  'tony anthony',
  'josh joshua',
  'andy andrew',
  'beccy rebecca',
  'chris christopher christoph',
  'chuck charles',
  'dan daniel',
  'danny daniel',
  'dave david',
  'debbie deborah',
  'ellie eleanor',
  'fred frederick',
  'jess jessica',
  'jack john',
  'jim james',
  'jon jonathan',
  'liz elizabeth',
  'maggie margaret',
  'matt mathew matthew',
  'mike michael',
  'nick nicholas',
  'paddy patrick',
  'pete peter',
  'sammy samuel',
  'steve stephen steven',
  'sue susan',
  'tom thomas',
  'wes wesley',
];

const FULL_NAMES: ReadonlyMap<string, readonly string[]> = new Map(
  SHORT_FORMS.map((line): [string, string[]] => {
    const [short, ...full] = line.split(' ');
    return [short as string, full];
  }),
);

/** Length of the longest short form (robbie, maggie, debbie): a pair of longer names needs no lookup. */
const LONGEST_SHORT_FORM = Math.max(...[...FULL_NAMES.keys()].map((k) => k.length));

/** True when one Latin given name is a short form of the other (Ben, Benjamin), in either order. */
export function isShortFormOf(a: string, b: string): boolean {
  if (a.length > LONGEST_SHORT_FORM && b.length > LONGEST_SHORT_FORM) return false; // no short form is that long
  return FULL_NAMES.get(a)?.includes(b) === true || FULL_NAMES.get(b)?.includes(a) === true;
}

/** True when a Latin word is a short form of an English given name in the table (Tom, Dan, Ben). */
export function isShortForm(word: string): boolean {
  return FULL_NAMES.has(word);
}
