/**
 * `raqib screen "NAME" [--dob] [--country] [--type] [--limit] [--threshold] [--json]`: ranked matches with
 * explanations; `raqib screen --file customers.csv --out hits.csv`: batch screening with a progress bar.
 */
import {
  countPhrase,
  DEFAULT_LIMIT,
  DEFAULT_THRESHOLD,
  explanationText,
  type ScreeningMatch,
  screenName,
} from '@raqib/core';
import { clipRaw, csvRecords } from '@raqib/formats';
import { type ScreeningCustomer, SqlScreeningStore } from '@raqib/store-sql';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { dbOption, missingStore, openStore } from '../db-option.ts';
import { commitOut, discardOut, reserveOut } from '../out-file.ts';
import { startProgress } from '../progress.ts';
import { readUtf8TextFile } from '../utf8-text-file.ts';
import {
  NO_LISTS_HINT,
  noWordsError,
  parseCountry,
  parseDob,
  parseLimit,
  parseThreshold,
  parseType,
  requireIndex,
  screenCustomers,
} from './screen-support.ts';

interface ScreenFlags {
  dob?: string;
  country?: string;
  type?: string;
  limit?: string;
  threshold?: string;
  json?: boolean;
  file?: string;
  out?: string;
  lists?: string;
  db?: string;
}

/** Rejected customers rows listed on stderr when there is no --out (and so no quarantine file) to hold them. */
const MAX_REJECTS_SHOWN = 20;

/** Where `screen --file` puts the rows it set aside: beside the hits, `hits.csv` → `hits.quarantine.jsonl`. */
export function quarantinePath(out: string): string {
  return `${out.replace(/\.csv$/i, '')}.quarantine.jsonl`;
}

export function registerScreenCommand(program: Command): void {
  program
    .command('screen')
    .description('screen a name (or a customers file) against the sanctions lists in the database')
    .argument('[name]', 'the name to screen, in any script')
    .option('--dob <date>', 'date of birth YYYY or YYYY-MM-DD (raises or lowers the score)')
    .option('--country <XX>', 'nationality or country, ISO 3166 alpha-2')
    .option('--type <type>', 'person | org')
    .option('--limit <n>', `at most n matches (default ${DEFAULT_LIMIT})`)
    .option('--threshold <t>', `minimum score 0–1 (default ${DEFAULT_THRESHOLD})`)
    .option('--json', 'JSON output')
    .option('--file <customers.csv>', 'screen every row of a CSV: id,name[,dob][,country][,type]')
    .option('--out <hits.csv>', 'with --file: write the hits here (default: stdout)')
    .option('--lists <codes>', 'only these lists, comma-separated (e.g. UN,OFAC-SDN)')
    .addOption(dbOption())
    .action(async (name: string | undefined, flags: ScreenFlags) => {
      const threshold = parseThreshold(flags.threshold);
      const limit = parseLimit(flags.limit);
      const lists = flags.lists
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (flags.file === undefined && (name === undefined || name.trim() === '')) {
        throw new CliError('give a NAME to screen, or --file customers.csv');
      }
      if (flags.file !== undefined && name !== undefined)
        throw new CliError('give either a NAME or --file, not both');
      if (flags.out !== undefined && flags.file === undefined) throw new CliError('--out goes with --file');
      // a customers file carries each row's own; the flags would be ignored, unseen
      const perName = (['dob', 'country', 'type', 'json'] as const).filter((f) => flags[f] !== undefined);
      if (flags.file !== undefined && perName.length > 0)
        throw new CliError(
          `${perName.map((f) => `--${f}`).join(', ')} cannot be used with --file (each row gives its own dob, country and type; hits are written as CSV)`,
        );
      // no database at all holds no list either: said so without creating an empty file at a mistyped path
      if (missingStore(flags.db) !== undefined) throw new CliError(NO_LISTS_HINT);
      const database = await openStore(flags.db);
      try {
        const index = await requireIndex(database, lists);
        if (flags.file !== undefined) {
          const { customers, rejected, lineOf } = readCustomers(flags.file);
          // reserved before screening: an --out (or its quarantine file) that cannot be written fails before the
          // customers and their hits are stored, and never reports hits written that were not
          const out = flags.out === undefined ? undefined : reserveOut(flags.out);
          const quarantine = flags.out === undefined ? undefined : quarantinePath(flags.out);
          let quarantineOut: ReturnType<typeof reserveOut> | undefined;
          try {
            quarantineOut = quarantine === undefined ? undefined : reserveOut(quarantine);
          } catch (error) {
            if (out) discardOut(out); // the hits' temporary file would be left behind
            throw error;
          }
          let results: Awaited<ReturnType<typeof screenCustomers>>;
          let rows: string[][];
          let screened = customers;
          try {
            const bar = startProgress('screening', customers.length, ' customers');
            // a name with no word to screen is known only to screenName's own parse: its row is set aside too
            const noWords = new Set<string>();
            results = await screenCustomers(database, index, customers, {
              threshold,
              limit,
              onProgress: (done) => bar.update(done),
              onNoWords: (c) => {
                noWords.add(c.id);
                const at = lineOf.get(c.id);
                rejected.push({
                  line: at?.line ?? 0,
                  id: c.id,
                  reason: noWordsError(c.name).message,
                  raw: at?.raw ?? '',
                });
              },
            });
            bar.stop();
            if (noWords.size > 0) {
              screened = customers.filter((c) => !noWords.has(c.id));
              results = results.filter((r) => !noWords.has(r.customer.id));
              rejected.sort((x, y) => x.line - y.line);
            }
            await new SqlScreeningStore(database.db).upsertCustomers(screened, Date.now());
            rows = results.flatMap((r) => r.matches.map((m) => hitRow(r.customer.id, r.customer.name, m)));
            const text = `${HIT_COLUMNS.join(',')}\n${rows.map((r) => r.map(csvCell).join(',')).join('\n')}${rows.length ? '\n' : ''}`;
            if (out) commitOut(out, text);
            else process.stdout.write(text);
            // written even when empty: a quarantine file left by an earlier run must not be read as this run's
            if (quarantineOut)
              commitOut(quarantineOut, rejected.map((r) => `${JSON.stringify(r)}\n`).join(''));
            else
              for (const r of rejected.slice(0, MAX_REJECTS_SHOWN))
                process.stderr.write(`${flags.file}: line ${r.line}: ${r.reason}\n`);
          } finally {
            if (out) discardOut(out);
            if (quarantineOut) discardOut(quarantineOut);
          }
          const hitCustomers = results.filter((r) => r.matches.length > 0).length;
          const suppressed = results.reduce((a, r) => a + r.suppressed.length, 0);
          const read = customers.length + rejected.length - (customers.length - screened.length);
          process.stderr.write(
            `read ${countPhrase(read, { one: '1 customer', other: '{n} customers' }, 'en')}: ` +
              `${screened.length} accepted, ${rejected.length} quarantined` +
              (rejected.length === 0
                ? ''
                : quarantine !== undefined
                  ? ` (see ${quarantine})`
                  : rejected.length > MAX_REJECTS_SHOWN
                    ? ` (the first ${MAX_REJECTS_SHOWN} above; --out also writes every one to a quarantine file)`
                    : ' (above)') +
              '\n',
          );
          process.stderr.write(
            `screened ${countPhrase(screened.length, { one: '1 customer', other: '{n} customers' }, 'en')}: ` +
              `${hitCustomers} with hits (${countPhrase(rows.length, { one: '1 hit', other: '{n} hits' }, 'en')})` +
              `${suppressed ? `, ${suppressed} hidden by false-positive decisions` : ''}${flags.out ? ` → ${flags.out}` : ''}\n`,
          );
          return;
        }
        const matches = screenName(index, name as string, {
          threshold,
          limit,
          dob: parseDob(flags.dob),
          country: parseCountry(flags.country),
          type: parseType(flags.type),
          onNoWords: () => {
            throw noWordsError(name as string);
          },
        });
        if (flags.json) {
          process.stdout.write(
            `${JSON.stringify(
              matches.map((m) => ({
                score: m.score,
                list: m.entry.list,
                listVersion: m.entry.listVersion,
                refId: m.entry.refId,
                kind: m.entry.kind,
                matchedName: m.matchedName.text,
                primaryName: m.entry.names[0]?.text,
                programmes: m.entry.programmes,
                countries: m.entry.countries,
                // the names the list gives that no code was found for (not scored), so the analyst sees them
                countryTexts: m.entry.countryTexts,
                explanation: m.explanation,
              })),
              null,
              2,
            )}\n`,
          );
          return;
        }
        if (matches.length === 0) {
          process.stdout.write(`no match at threshold ${threshold ?? DEFAULT_THRESHOLD} for "${name}"\n`);
          return;
        }
        for (const m of matches) {
          const primary = m.entry.names[0]?.text ?? '';
          process.stdout.write(
            `${m.score.toFixed(3)}  ${m.entry.list} ${m.entry.refId}  ${m.matchedName.text}` +
              `${m.matchedName.text !== primary ? `  (listed as ${primary})` : ''}  [${m.entry.kind}; ${m.entry.programmes.join(', ')}]\n` +
              `       ${explanationText(m.explanation)}\n`,
          );
        }
      } finally {
        await database.close();
      }
    });
}

export const HIT_COLUMNS = [
  'id',
  'name',
  'score',
  'list',
  'ref_id',
  'matched_name',
  'primary_name',
  'explanation',
] as const;

function hitRow(id: string, name: string, m: ScreeningMatch): string[] {
  return [
    id,
    name,
    m.score.toFixed(3),
    m.entry.list,
    m.entry.refId,
    m.matchedName.text,
    m.entry.names[0]?.text ?? '',
    explanationText(m.explanation),
  ];
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A customers row set aside: its line, its id when it has one, why, and the row as read (clipped). */
export interface CustomerRejection {
  readonly line: number;
  readonly id?: string;
  readonly reason: string;
  readonly raw: string;
}

export interface CustomersFile {
  readonly customers: ScreeningCustomer[];
  readonly rejected: CustomerRejection[];
  /** Each accepted customer's line and row as read, for a problem found when it is screened. */
  readonly lineOf: Map<string, { line: number; raw: string }>;
}

/**
 * Reads `id,name[,dob][,country][,type]`. A file-level problem (unreadable, not UTF-8, a wrong header) fails the
 * whole file; a bad row is set aside with its line and reason, so that one mistyped date of birth does not leave
 * every other customer unscreened.
 */
export function readCustomers(path: string): CustomersFile {
  const text = readUtf8TextFile(path);
  let records: ReturnType<typeof csvRecords>;
  try {
    records = csvRecords(text, path);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const header = records[0]?.record.map((h) => h.trim().toLowerCase()) ?? [];
  const allowed = ['id', 'name', 'dob', 'country', 'type'];
  if (header[0] !== 'id' || header[1] !== 'name')
    throw new CliError(`${path}: line 1: header must start with id,name (got "${header.join(',')}")`);
  const unknown = header.filter((h) => !allowed.includes(h));
  if (unknown.length)
    throw new CliError(
      `${path}: line 1: unknown column(s) ${unknown.join(', ')}; expected id,name[,dob][,country][,type]`,
    );
  // a column given twice would be read from its first place only, the other's values dropped unseen
  const twice = header.find((h, i) => header.indexOf(h) !== i);
  if (twice !== undefined) throw new CliError(`${path}: line 1: column "${twice}" appears twice`);
  const col = (row: string[], c: string): string => {
    const i = header.indexOf(c);
    return i < 0 ? '' : (row[i] ?? '').trim();
  };
  const customers: ScreeningCustomer[] = [];
  const rejected: CustomerRejection[] = [];
  const lineOf = new Map<string, { line: number; raw: string }>();
  for (const { record, line } of records.slice(1)) {
    const id = record.length === header.length ? col(record, 'id') : '';
    const raw = clipRaw(record.join(','));
    const reject = (reason: string): void => {
      rejected.push({ line, ...(id ? { id } : {}), reason, raw });
    };
    if (record.length !== header.length) {
      reject(`expected ${header.length} columns, found ${record.length}`);
      continue;
    }
    const name = col(record, 'name');
    if (!id) {
      reject('id is empty');
      continue;
    }
    const first = lineOf.get(id);
    if (first !== undefined) {
      reject(`id "${id}" appears twice (first on line ${first.line})`);
      continue;
    }
    lineOf.set(id, { line, raw });
    if (!name) {
      reject('name is empty');
      continue;
    }
    try {
      customers.push({
        id,
        name,
        dob: parseDob(col(record, 'dob'), 'dob'),
        country: parseCountry(col(record, 'country'), 'country'),
        type: parseType(col(record, 'type')),
      });
    } catch (error) {
      reject((error as Error).message);
    }
  }
  return { customers, rejected, lineOf };
}
