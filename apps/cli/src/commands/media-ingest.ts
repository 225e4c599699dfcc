import { readFileSync, statSync } from 'node:fs';
import {
  type Alert,
  analyzeArticle,
  articleKey,
  buildCustomerIndex,
  buildScreeningIndex,
  type Clock,
  type MediaCustomer,
  matchCustomers,
  mediaAlert,
  type ScreeningIndex,
} from '@raqib/core';
import {
  type ArticleRejection,
  MAX_FEED_BYTES,
  type NewsArticle,
  readArticles,
  readCustomersCsv,
} from '@raqib/formats';
import {
  type RaqibDatabase,
  SqlAlertStore,
  SqlListStore,
  SqlMediaArticleStore,
  SqlMediaCustomerStore,
  SqlScreeningStore,
} from '@raqib/store-sql';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { dbOption, openStore } from '../db-option.ts';
import { startProgress } from '../progress.ts';
import { loadListIndex } from './media-lists.ts';

interface IngestFlags {
  db?: string;
  customers?: string;
  lists?: string[];
  json?: boolean;
  threshold: string;
}

export interface IngestSummary {
  files: number;
  read: number;
  rejected: ArticleRejection[];
  stored: number;
  duplicates: number;
  adverse: number;
  entities: number;
  listLinks: number;
  customerMatches: number;
  alerts: { inserted: number; updated: number };
}

function readFileText(file: string): string {
  try {
    const size = statSync(file).size;
    if (size > MAX_FEED_BYTES)
      throw new CliError(`${file}: ${size} bytes exceeds the ${MAX_FEED_BYTES}-byte limit`);
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export function registerMediaIngest(media: Command): void {
  media
    .command('ingest')
    .description(
      'store news articles once (JSON Lines, RSS or Atom), analyze them, and alert on customers named in them',
    )
    .argument('<files...>', 'JSON Lines, RSS 2.0 or Atom 1.0 files')
    .option(
      '--customers <csv>',
      'customers to watch (id,name[,type,bank,account,country]); stored for later runs',
    )
    .option('--lists <path...>', 'link entities to entries of these list files or folders')
    .option('--threshold <s>', 'minimum name score for a customer match (0–1)', '0.88')
    .option('--json', 'print the summary as JSON')
    .addOption(dbOption())
    .action(async (files: string[], flags: IngestFlags) => {
      const threshold = Number(flags.threshold);
      if (!(threshold > 0 && threshold <= 1))
        throw new CliError(`--threshold must be a number in (0, 1], got "${flags.threshold}"`);
      // read and validate every input before touching the database
      const articles: NewsArticle[] = [];
      const rejected: ArticleRejection[] = [];
      for (const f of files) {
        try {
          const r = readArticles(readFileText(f), f);
          articles.push(...r.articles);
          rejected.push(...r.rejected);
        } catch (e) {
          if (e instanceof CliError) throw e;
          throw new CliError((e as Error).message);
        }
      }
      let fileCustomers: ReturnType<typeof readCustomersCsv> = [];
      if (flags.customers !== undefined) {
        try {
          fileCustomers = readCustomersCsv(readFileText(flags.customers), flags.customers);
        } catch (e) {
          if (e instanceof CliError) throw e;
          throw new CliError((e as Error).message);
        }
      }
      const listIndex = loadListIndex(flags.lists);
      const clock: Clock = { now: () => Date.now() };
      const database = await openStore(flags.db);
      try {
        const summary = await ingest(
          database.db,
          articles,
          rejected,
          fileCustomers,
          listIndex,
          threshold,
          clock,
          files.length,
        );
        if (flags.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
        else {
          process.stdout.write(
            `${summary.read} article(s) read from ${summary.files} file(s), ${summary.rejected.length} rejected; ` +
              `${summary.stored} stored, ${summary.duplicates} already stored; ${summary.adverse} adverse; ` +
              `${summary.entities} entities, ${summary.listLinks} list links; ${summary.customerMatches} customer match(es) → ` +
              `${summary.alerts.inserted} new alert(s), ${summary.alerts.updated} updated\n`,
          );
          for (const r of summary.rejected.slice(0, 20))
            process.stderr.write(`rejected ${r.origin}: ${r.reason}\n`);
          if (summary.rejected.length > 20)
            process.stderr.write(`… and ${summary.rejected.length - 20} more rejected\n`);
        }
      } finally {
        await database.close();
      }
    });
}

async function ingest(
  db: RaqibDatabase['db'],
  articles: readonly NewsArticle[],
  rejected: ArticleRejection[],
  fileCustomers: ReturnType<typeof readCustomersCsv>,
  listIndex: ReturnType<typeof loadListIndex>,
  threshold: number,
  clock: Clock,
  files: number,
): Promise<IngestSummary> {
  const articleStore = new SqlMediaArticleStore(db);
  const customerStore = new SqlMediaCustomerStore(db);
  const alertStore = new SqlAlertStore(db);
  if (fileCustomers.length > 0) await customerStore.upsert(fileCustomers, clock.now());
  // customers: the media watch list plus the customers screening stores (media entries win: they carry accounts)
  const byIdAll = new Map<string, MediaCustomer>();
  for (const c of await new SqlScreeningStore(db).customers())
    byIdAll.set(c.id, {
      id: c.id,
      name: c.name,
      type: c.type ?? 'person',
      ...(c.country === undefined ? {} : { country: c.country }),
    });
  for (const c of await customerStore.list()) byIdAll.set(c.id, c);
  const customers = [...byIdAll.values()];
  // list entries: --lists when given, else the current versions of the stored lists
  let lists: ScreeningIndex | undefined = listIndex;
  if (lists === undefined) {
    const entries = await new SqlListStore(db).currentEntries();
    if (entries.length > 0) lists = buildScreeningIndex(entries);
  }
  const customerIndex = customers.length > 0 ? buildCustomerIndex(customers) : undefined;
  const byId = new Map(customers.map((c) => [c.id, c]));
  const summary: IngestSummary = {
    files,
    read: articles.length,
    rejected,
    stored: 0,
    duplicates: 0,
    adverse: 0,
    entities: 0,
    listLinks: 0,
    customerMatches: 0,
    alerts: { inserted: 0, updated: 0 },
  };
  const progress = startProgress('media', articles.length, ' articles');
  const seenInRun = new Set<string>();
  const alerts: Alert[] = [];
  let done = 0;
  for (const a of articles) {
    done++;
    const id = articleKey(a);
    if (seenInRun.has(id) || (await articleStore.existing([id])).has(id)) {
      summary.duplicates++;
      progress.update(done);
      continue;
    }
    seenInRun.add(id);
    const text = a.title !== undefined && a.title !== '' ? `${a.title}\n${a.text}` : a.text;
    const lang = a.lang === 'ar' || a.lang === 'en' ? a.lang : 'auto';
    const analysis = analyzeArticle(text, {
      lang,
      ...(lists === undefined ? {} : { screeningIndex: lists }),
    });
    await articleStore.insertIfNew({
      id,
      ...(a.url === undefined ? {} : { url: a.url }),
      ...(a.title === undefined ? {} : { title: a.title }),
      ...(a.published === undefined ? {} : { published: a.published }),
      ingestedAt: clock.now(),
      origin: a.origin,
      text,
      analysis,
    });
    summary.stored++;
    if (analysis.adverse.adverse) summary.adverse++;
    summary.entities += analysis.entities.length;
    summary.listLinks += analysis.entities.reduce((n, e) => n + (e.links?.length ?? 0), 0);
    if (customerIndex !== undefined) {
      for (const mention of matchCustomers(analysis, text, byId, customerIndex, threshold)) {
        summary.customerMatches++;
        alerts.push(
          mediaAlert(
            {
              articleId: id,
              ...(a.url === undefined ? {} : { url: a.url }),
              ...(a.title === undefined ? {} : { title: a.title }),
              ...(a.published === undefined ? {} : { published: a.published }),
              analysis,
              mention,
            },
            clock,
          ),
        );
      }
    }
    progress.update(done, `${summary.customerMatches} matches`);
  }
  progress.stop();
  summary.alerts = await alertStore.upsertAlerts(alerts);
  return summary;
}
