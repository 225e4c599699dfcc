/**
 * `raqib lists load PATH…` (file or folder; format detected, or --format): stores each list version with its
 * date, prints the delta against the previous version, and re-screens the stored customers.
 * `raqib lists update`: fetches the official lists and loads them. `raqib lists show`: stored versions.
 * `raqib lists decide`: records an analyst's decision on a customer's hit.
 */
import { rmSync } from 'node:fs';
import {
  calendarDob,
  LIST_FORMATS,
  type ListFormat,
  ListParseError,
  loadListPath,
  type ParsedList,
} from '@raqib/formats';
import {
  type ListDelta,
  type RaqibDatabase,
  SCREENING_DECISIONS,
  type ScreeningDecision,
  SqlListStore,
  SqlScreeningStore,
} from '@raqib/store-sql';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { dbOption, missingStore, openExistingStore, openStore } from '../db-option.ts';
import { startProgress } from '../progress.ts';
import { fetchLists, resolveSources } from './lists-update.ts';
import { indexFromDatabase, screenCustomers } from './screen-support.ts';

interface LoadFlags {
  format?: string;
  allowOlder?: boolean;
  list?: string;
  listVersion?: string;
  allowOrphans?: boolean;
  rescreen: boolean;
  db?: string;
}

function readLists(paths: readonly string[], flags: LoadFlags): ParsedList[] {
  if (flags.format !== undefined && !(LIST_FORMATS as readonly string[]).includes(flags.format)) {
    throw new CliError(`--format must be one of ${LIST_FORMATS.join(', ')}`);
  }
  // versions are compared as text to find the newest, which only YYYY-MM-DD dates do as dates
  const v = flags.listVersion;
  if (v !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(v) && calendarDob(v) === v))
    throw new CliError(`--list-version must be a date YYYY-MM-DD, got "${v}"`);
  try {
    return paths.flatMap((p) => {
      const lists = loadListPath(p, {
        format: flags.format as ListFormat | undefined,
        list: flags.list,
        version: flags.listVersion,
        orphans: flags.allowOrphans ? 'entries' : 'error',
      });
      // an empty folder (a failed copy or download) would load nothing and say nothing
      if (lists.length === 0) throw new CliError(`list not loaded: no list file in ${p}`);
      return lists;
    });
  } catch (error) {
    if (error instanceof CliError) throw error;
    // nothing is stored when any file fails: the lists are read completely before the first write
    if (error instanceof ListParseError) throw new CliError(`list not loaded: ${error.message}`);
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new CliError(`no such file or folder: ${e.path}`);
    // unreadable files, symlink loops: the path and the reason, not a stack trace
    if (e.code !== undefined && e.path !== undefined)
      throw new CliError(`cannot read ${e.path}: ${e.message}`);
    throw error;
  }
}

function deltaLine(d: ListDelta, entries: number): string {
  const head = `${d.list} ${d.version}: ${entries} entries`;
  if (d.previous === undefined) return `${head} (first version loaded)`;
  const show = (ids: readonly string[]): string =>
    ids.length > 8 ? `${ids.slice(0, 8).join(' ')} …` : ids.join(' ');
  return (
    `${head}; since ${d.previous}: +${d.added.length} added, -${d.removed.length} removed, ~${d.changed.length} changed, ${d.unchanged} unchanged` +
    `${d.added.length ? `\n    added: ${show(d.added)}` : ''}${d.removed.length ? `\n    removed: ${show(d.removed)}` : ''}${d.changed.length ? `\n    changed: ${show(d.changed)}` : ''}`
  );
}

/**
 * Orders the lists so that, per list code, the newest version is stored last and so becomes current, and
 * refuses (before anything is stored) a version older than the one already current: storing it would make
 * the older list current and report the rollback as a delta. `--allow-older` lets an analyst do it on purpose.
 */
async function checkVersions(
  store: SqlListStore,
  lists: readonly ParsedList[],
  allowOlder: boolean,
): Promise<ParsedList[]> {
  const byList = new Map<string, ParsedList[]>();
  for (const l of lists) byList.set(l.list, [...(byList.get(l.list) ?? []), l]);
  const ordered = [...byList.values()].flatMap((group) =>
    group.sort((a, b) => a.version.localeCompare(b.version)),
  );
  if (allowOlder) return ordered;
  const current = new Map((await store.versions()).filter((v) => v.current).map((v) => [v.list, v.version]));
  for (const l of ordered) {
    const now = current.get(l.list);
    if (now !== undefined && l.version < now) {
      throw new CliError(
        `list not loaded: ${l.sources[0] ?? l.list} is ${l.list} ${l.version}, older than the current ${l.list} ${now}; pass --allow-older to make it current anyway`,
      );
    }
  }
  return ordered;
}

async function storeAndRescreen(
  database: RaqibDatabase,
  parsed: readonly ParsedList[],
  rescreen: boolean,
  allowOlder = false,
): Promise<void> {
  const store = new SqlListStore(database.db);
  const lists = await checkVersions(store, parsed, allowOlder);
  for (const l of lists) {
    const delta = await store.save(l, Date.now());
    process.stdout.write(`${deltaLine(delta, l.entries.length)}\n`);
    for (const n of [...(delta.notes ?? []), ...(l.notes ?? [])]) process.stdout.write(`    note: ${n}\n`);
  }
  if (!rescreen) return;
  const customers = await new SqlScreeningStore(database.db).customers();
  if (customers.length === 0) return;
  const index = await indexFromDatabase(database);
  if (!index) return;
  const bar = startProgress('re-screening', customers.length, ' customers');
  const results = await screenCustomers(database, index, customers, { onProgress: (d) => bar.update(d) });
  bar.stop();
  const withHits = results.filter((r) => r.matches.length > 0);
  const hidden = results.reduce((a, r) => a + r.suppressed.length, 0);
  process.stdout.write(
    `re-screened ${customers.length} stored customers: ${withHits.length} with hits${hidden ? `, ${hidden} hit(s) hidden by false-positive decisions` : ''}\n`,
  );
  for (const r of withHits.slice(0, 20)) {
    const m = r.matches[0];
    if (m)
      process.stdout.write(
        `    ${r.customer.id} "${r.customer.name}" → ${m.entry.list} ${m.entry.refId} "${m.matchedName.text}" ${m.score.toFixed(3)}\n`,
      );
  }
}

export function registerListsCommand(program: Command): void {
  const lists = program
    .command('lists')
    .description('sanctions, PEP and in-house lists: load, update, show, decide');

  lists
    .command('load')
    .description(
      'load list files or folders into the database (UN XML, OFAC CSV set or XML, EU XML, UK XML or CSV, generic CSV, FtM JSONL)',
    )
    .argument('<paths...>', 'files or folders')
    .option('--format <format>', `skip detection: ${LIST_FORMATS.join(' | ')}`)
    .option('--list <code>', 'list code for generic CSV / FtM imports (default: file name)')
    .option(
      '--list-version <date>',
      'version date for files that carry none (default: date in the folder name, else file date)',
    )
    .option('--allow-orphans', 'OFAC: keep aliases whose ent_num the sdn file lacks as alias-only entries')
    .option('--allow-older', 'make a version older than the current one current (a deliberate rollback)')
    .option('--no-rescreen', 'do not re-screen the stored customers afterwards')
    .addOption(dbOption())
    .action(async (paths: string[], flags: LoadFlags) => {
      const parsed = readLists(paths, flags);
      const database = await openStore(flags.db);
      try {
        await storeAndRescreen(database, parsed, flags.rescreen, flags.allowOlder === true);
      } finally {
        await database.close();
      }
    });

  lists
    .command('update')
    .description(
      'fetch the official UN, OFAC (SDN and consolidated), EU and UK lists from their publishers and load them',
    )
    .option('--only <codes>', 'comma-separated: UN, OFAC-SDN, OFAC-CONS, EU, UK (default: all)')
    .option(
      '--source <LIST=URL>',
      'override a publisher address (repeatable); a URL ending in / is a base for the files',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option(
      '--eu-token <token>',
      'token for the EU Financial Sanctions Files download (or env RAQIB_EU_TOKEN)',
    )
    .option('--no-rescreen', 'do not re-screen the stored customers afterwards')
    .addOption(dbOption())
    .action(
      async (flags: {
        only?: string;
        source: string[];
        euToken?: string;
        rescreen: boolean;
        db?: string;
      }) => {
        const { sources, skipped } = resolveSources(
          flags.only?.split(',').map((s) => s.trim()),
          flags.source,
          flags.euToken ?? process.env.RAQIB_EU_TOKEN,
        );
        for (const note of skipped) process.stderr.write(`${note}\n`);
        const today = new Date().toISOString().slice(0, 10);
        const { root, dirs } = await fetchLists(sources, today, (l) => process.stderr.write(`${l}\n`));
        let stored = false;
        try {
          // every download is read completely before anything is stored, as with `lists load`
          const parsed = dirs.flatMap(({ list, dir }) => {
            const read = readLists([dir], { rescreen: flags.rescreen });
            // a mirror serving another list's file must not pass for the list asked for, which would stay stale
            const other = read.find((l) => l.list !== list);
            if (other)
              throw new CliError(
                `list not loaded: ${other.sources[0] ?? dir}, fetched as ${list}, holds the ${other.list} list`,
              );
            return read;
          });
          const database = await openStore(flags.db);
          try {
            await storeAndRescreen(database, parsed, flags.rescreen);
            stored = true;
          } finally {
            await database.close();
          }
        } finally {
          // stored lists live in the database; downloads that failed are kept for whoever looks into why
          if (stored) rmSync(root, { recursive: true, force: true });
          else process.stderr.write(`the downloads are kept in ${root}\n`);
        }
      },
    );

  lists
    .command('show')
    .description('list the stored list versions')
    .addOption(dbOption())
    .action(async (flags: { db?: string }) => {
      // a database that does not exist holds no list: said so without creating an empty file at a mistyped path
      const absent = missingStore(flags.db);
      if (absent !== undefined) {
        process.stdout.write('no list loaded\n');
        process.stderr.write(`(no database at ${absent})\n`);
        return;
      }
      const database = await openStore(flags.db);
      try {
        const versions = await new SqlListStore(database.db).versions();
        if (versions.length === 0) process.stdout.write('no list loaded\n');
        for (const v of versions) {
          process.stdout.write(
            `${v.current ? '*' : ' '} ${v.list.padEnd(12)} ${v.version}  ${String(v.entryCount).padStart(6)} entries  ${v.format}  ${v.sources.join(' ')}\n`,
          );
        }
      } finally {
        await database.close();
      }
    });

  lists
    .command('decide')
    .description(
      "record an analyst's decision on a customer's hit (remembered per customer, entry and list version)",
    )
    .requiredOption('--customer <id>', 'customer id (as screened with screen --file)')
    .requiredOption('--list <code>', 'list code, e.g. UN')
    .requiredOption('--ref <refId>', 'reference id of the entry, e.g. QDi.002')
    .requiredOption('--decision <d>', SCREENING_DECISIONS.join(' | '))
    .requiredOption('--analyst <name>', 'who decided')
    .option('--note <text>', 'why')
    .addOption(dbOption())
    .action(
      async (flags: {
        customer: string;
        list: string;
        ref: string;
        decision: string;
        analyst: string;
        note?: string;
        db?: string;
      }) => {
        if (!(SCREENING_DECISIONS as readonly string[]).includes(flags.decision)) {
          throw new CliError(`--decision must be ${SCREENING_DECISIONS.join(' or ')}`);
        }
        const database = await openExistingStore(
          flags.db,
          'no customer has been screened there (raqib screen --file)',
        );
        try {
          const current = (await new SqlListStore(database.db).currentFingerprints()).get(
            `${flags.list}:${flags.ref}`,
          );
          if (!current) throw new CliError(`no entry ${flags.list} ${flags.ref} in the current lists`);
          await new SqlScreeningStore(database.db).recordDecision(
            {
              customerId: flags.customer,
              list: flags.list,
              refId: flags.ref,
              listVersion: current.version,
              fingerprint: current.fingerprint,
              decision: flags.decision as ScreeningDecision,
              analyst: flags.analyst,
              note: flags.note,
            },
            Date.now(),
          );
          process.stdout.write(
            `recorded ${flags.decision} for ${flags.customer} × ${flags.list} ${flags.ref} (list version ${current.version})\n`,
          );
        } finally {
          await database.close();
        }
      },
    );
}
