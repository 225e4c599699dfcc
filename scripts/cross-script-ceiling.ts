/**
 * How much of issue 3's cross-script recall target a name matcher can reach at all. For every row of
 * `derived/un_arabic_script_positive_pairs.csv` that the target counts (relation `primary_latin`, or alias quality
 * `Good`), it asks whether the other name shares any name with the Arabic-script original — generously: a token of
 * one meets a token of the other when their transliteration keys (main, alternative or loose) are equal or one
 * edit apart (core's `levenshtein`, which counts a swap of two neighbours as one edit). A row where no token meets
 * is another name (a kunya, a nom de guerre, a false identity), which no matcher should call the same person by its
 * spelling. Writes the row numbers of those rows to
 * docs/screening-eval/cross-script-other-names.txt and prints the counts and the recall ceiling.
 *
 *   npx tsx scripts/cross-script-ceiling.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { levenshtein, looseKey, type NameToken, parseName } from '@raqib/core';
import { EVAL, REPO_ROOT, readCsv, requireShared } from './screening-data.ts';

requireShared();

const keysOf = (t: NameToken): string[] => [t.key, ...t.alts, looseKey(t.key)].filter((k) => k.length > 0);

const meet = (a: NameToken, b: NameToken): boolean =>
  keysOf(a).some((x) =>
    keysOf(b).some((y) => x === y || (x.length >= 3 && y.length >= 3 && levenshtein(x, y, 1) <= 1)),
  );

const rows = readCsv(join(EVAL, 'derived/un_arabic_script_positive_pairs.csv'));
const counts = new Map<string, number>();
const otherNames: string[] = [];
let counted = 0;
rows.forEach((r, i) => {
  if (r.relation !== 'primary_latin' && r.alias_quality !== 'Good') return;
  counted++;
  const kind = r.kind === 'entity' ? 'organisation' : 'person';
  const arabic = parseName(r.arabic_script_name ?? '', kind).tokens;
  const other = parseName(r.other_name ?? '', kind).tokens;
  const met = other.filter((t) => arabic.some((a) => meet(t, a))).length;
  const share =
    met === 0 ? 'no name shared' : met === other.length ? 'every token shared' : 'some tokens shared';
  const key = `${r.relation === 'primary_latin' ? 'primary name' : `Good alias (${r.relation})`}, ${r.kind}: ${share}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  // data row number (1 = first row after the header), as in docs/screening-eval/name-bench-arabic-rows.txt
  // a primary name is the person's own name by definition (two of them share no token here: a glued name, a
  // translated organisation name); only aliases can be other names
  if (met === 0 && r.relation !== 'primary_latin') {
    const flat = (t: string | undefined) => (t ?? '').replace(/\s+/g, ' ').trim(); // the list wraps some names
    otherNames.push(`${i + 1}\t${r.un_ref}\t${flat(r.arabic_script_name)}\t${flat(r.other_name)}`);
  }
});

writeFileSync(
  join(REPO_ROOT, 'docs/screening-eval/cross-script-other-names.txt'),
  `# Good aliases in derived/un_arabic_script_positive_pairs.csv (counted by issue 3) that share no name with\n# the Arabic-script original (scripts/cross-script-ceiling.ts): row, UN reference, Arabic-script name, other name\n${otherNames.join('\n')}\n`,
);
for (const [k, n] of [...counts].sort()) process.stdout.write(`${String(n).padStart(5)}  ${k}\n`);
const ceiling = (counted - otherNames.length) / counted;
process.stdout.write(
  `${counted} rows counted; ${otherNames.length} aliases share no name with the original: recall ceiling ${ceiling.toFixed(3)} ` +
    `for a matcher that does not match unrelated names (target 0.97)\n`,
);
