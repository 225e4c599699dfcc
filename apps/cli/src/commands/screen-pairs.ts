/**
 * `raqib screen-pairs --input pairs.csv --out scores.csv`: scores name pairs (`name_a,name_b[,type]`) with
 * the matcher `screen` uses and writes `row,score`, for evaluation against labelled pair sets. Token
 * rarity weights come from the lists in the database when there are any (as in `screen`), else uniform.
 */
import { compareNames, type NameKind } from '@raqib/core';
import { csvRecords } from '@raqib/formats';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { dbOption, openStore } from '../db-option.ts';
import { commitOut, discardOut, type PendingOut, reserveOut } from '../out-file.ts';
import { startProgress } from '../progress.ts';
import { readUtf8TextFile } from '../utf8-text-file.ts';
import { indexFromDatabase, parseType } from './screen-support.ts';

interface PairsFlags {
  input: string;
  out: string;
  uniform?: boolean;
  db?: string;
}

export function registerScreenPairsCommand(program: Command): void {
  program
    .command('screen-pairs')
    .description('score name pairs (name_a,name_b[,type]) and write row,score')
    .requiredOption('--input <pairs.csv>', 'CSV with header name_a,name_b[,type]')
    .requiredOption('--out <scores.csv>', 'where to write row,score (row = 1-based data row)')
    .option('--uniform', 'ignore the lists in the database: every token weighs the same')
    .addOption(dbOption())
    .action(async (flags: PairsFlags) => {
      // reserved before scoring: an --out that cannot be written fails at once, and an existing one is kept
      // until the scores replace it whole
      const pending = reserveOut(flags.out);
      try {
        await scorePairs(flags, pending);
      } finally {
        discardOut(pending);
      }
    });
}

/** Scores the pairs of --input into `pending`, which stays unwritten when a row fails. */
async function scorePairs(flags: PairsFlags, pending: PendingOut): Promise<void> {
  let records: ReturnType<typeof csvRecords>;
  const text = readUtf8TextFile(flags.input);
  try {
    records = csvRecords(text, flags.input);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const header = records[0]?.record.map((h) => h.trim().toLowerCase()) ?? [];
  const ia = header.indexOf('name_a');
  const ib = header.indexOf('name_b');
  const it = header.indexOf('type');
  if (ia < 0 || ib < 0) throw new CliError(`${flags.input}: line 1: header needs name_a,name_b[,type]`);
  let weight: Parameters<typeof compareNames>[3];
  if (!flags.uniform) {
    const database = await openStore(flags.db);
    try {
      weight = (await indexFromDatabase(database))?.weight;
    } finally {
      await database.close();
    }
  }
  const rows = records.slice(1);
  const bar = startProgress('scoring', rows.length, ' pairs');
  const out: string[] = ['row,score'];
  rows.forEach(({ record, line }, i) => {
    if (record.length !== header.length) {
      throw new CliError(
        `${flags.input}: line ${line}: expected ${header.length} columns, found ${record.length}`,
      );
    }
    let kind: NameKind = 'any';
    if (it >= 0) {
      try {
        kind = parseType(record[it]?.trim()) ?? 'any';
      } catch (error) {
        throw new CliError(`${flags.input}: line ${line}: ${(error as Error).message}`);
      }
    }
    // an empty name scores 0, which an evaluation would count as a true non-match
    for (const [c, i] of [
      ['name_a', ia],
      ['name_b', ib],
    ] as const) {
      if (!record[i]?.trim()) throw new CliError(`${flags.input}: line ${line}: ${c} is empty`);
    }
    const score = compareNames(record[ia] ?? '', record[ib] ?? '', kind, weight).score;
    out.push(`${i + 1},${score.toFixed(3)}`);
    if (i % 200 === 0) bar.update(i + 1);
  });
  bar.stop();
  commitOut(pending, `${out.join('\n')}\n`);
  process.stderr.write(
    `scored ${rows.length} pairs → ${flags.out}${weight ? ' (token weights from the lists in the database)' : ' (uniform token weights)'}\n`,
  );
}
