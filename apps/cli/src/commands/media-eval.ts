import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArticle } from '@raqib/core';
import {
  checkGolden,
  evaluateAdverseCsv,
  evaluateCases,
  evaluateNewsFane,
  type GoldenFile,
} from '@raqib/formats';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';

interface EvalFlags {
  cases: string;
  golden: string;
  seed: string;
  adverse: string;
  newsfane: string;
  json?: boolean;
  misses?: boolean;
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export function registerMediaEval(media: Command): void {
  media
    .command('eval')
    .description(
      'measure extraction on the fixture cases, the seed golden file and the English adverse-media test sets',
    )
    .option('--cases <jsonl>', 'extraction cases', 'fixtures/media/extraction-cases.jsonl')
    .option('--golden <json>', 'golden file of the seed article', 'fixtures/media/seed-golden.json')
    .option('--seed <txt>', 'the seed article', '../shared/seed/000_876e788b94d627ed.txt')
    .option(
      '--adverse <dir>',
      'folder with public_test.csv and private_test.csv',
      '../shared/data/arabic/adverse_media_en/ut_ml_adverse_media',
    )
    .option(
      '--newsfane <txt>',
      'NewsFANE Gold BIO file (evaluation only)',
      '../shared/data/arabic/ner/newsfane_gold_2014/NewsFANE_Gold_2014_170K.txt',
    )
    .option('--misses', 'list every case item that was missed or extra')
    .option('--json', 'print the figures as JSON')
    .action((flags: EvalFlags) => {
      const cases = evaluateCases(read(flags.cases));
      const report: Record<string, unknown> = {
        cases: { ...cases, misses: flags.misses ? cases.misses : cases.misses.length },
      };
      if (existsSync(flags.seed)) {
        const golden = JSON.parse(read(flags.golden)) as GoldenFile;
        report.seed = checkGolden(golden, analyzeArticle(read(flags.seed)));
      } else report.seed = `skipped: ${flags.seed} not found`;
      for (const set of ['public_test', 'private_test']) {
        const file = join(flags.adverse, `${set}.csv`);
        report[`adverse_${set}`] = existsSync(file)
          ? evaluateAdverseCsv(read(file))
          : `skipped: ${file} not found`;
      }
      report.newsfane = existsSync(flags.newsfane)
        ? evaluateNewsFane(read(flags.newsfane))
        : `skipped: ${flags.newsfane} not found`;
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const f = (p: { precision: number; recall: number; f1: number }) =>
        `P ${p.precision.toFixed(3)} R ${p.recall.toFixed(3)} F1 ${p.f1.toFixed(3)}`;
      const lines = [
        `fixture cases (${cases.cases}): ${flags.cases}`,
        `  money        ${f(cases.money)}  (match: value within 0.5 %, same currency)`,
        `  qualifier    ${cases.qualifier.correct}/${cases.qualifier.total} of matched money items`,
        `  quantities   ${f(cases.quantities)}`,
        `  percentages  ${f(cases.percentages)}`,
        `  attributions ${f(cases.attributions)}`,
        `  entities     ${f(cases.entities)}  (cases list only some entities)`,
        `  risk cats    ${f(cases.riskCategories)}`,
      ];
      const seed = report.seed as ReturnType<typeof checkGolden> | string;
      lines.push(
        typeof seed === 'string'
          ? `seed golden: ${seed}`
          : `seed golden: ${seed.expected - seed.missing.length}/${seed.expected} expected items found${seed.missing.length ? `; missing: ${seed.missing.join('; ')}` : ''}`,
      );
      for (const set of ['public_test', 'private_test']) {
        const r = report[`adverse_${set}`] as ReturnType<typeof evaluateAdverseCsv> | string;
        lines.push(
          typeof r === 'string'
            ? `English adverse ${set}: ${r}`
            : `English adverse ${set}: accuracy ${r.accuracy.toFixed(3)} on ${r.articles} (tp ${r.tp}, fp ${r.fp}, fn ${r.fn}, tn ${r.tn})`,
        );
      }
      const ner = report.newsfane as ReturnType<typeof evaluateNewsFane> | string;
      if (typeof ner === 'string') lines.push(`NewsFANE entities: ${ner}`);
      else {
        lines.push(`NewsFANE Gold entities (${ner.sentences} sentences; exact span, then overlap recall):`);
        for (const t of ['person', 'organisation', 'place', 'all']) {
          const p = ner.exact[t];
          if (p !== undefined)
            lines.push(`  ${t.padEnd(12)} ${f(p)}  overlap R ${(ner.overlapRecall[t] ?? 0).toFixed(3)}`);
        }
      }
      if (flags.misses) lines.push('', ...cases.misses);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
