import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADVERSE_THRESHOLD, analyzeArticle } from '@raqib/core';
import {
  checkGolden,
  chooseAdverseThreshold,
  evaluateAdverseCsv,
  evaluateCases,
  evaluateNewsFane,
  figuresAt,
  type GoldenFile,
  readAdverseTrainingZip,
  scoreAdverseArticles,
  type ThresholdFigures,
} from '@raqib/formats';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';

interface EvalFlags {
  cases: string;
  golden: string;
  seed: string;
  adverse: string;
  newsfane: string;
  adverseSets: string;
  thresholdRule?: boolean;
  json?: boolean;
  misses?: boolean;
}

const TRAINING_ZIPS = ['adverse_media_training.csv.zip', 'non_adverse_media_training.csv.zip'];

/** The adverse threshold rule on the training files, and the training figures at the shipped threshold. */
function trainingFigures(dir: string): { rule: ThresholdFigures; shipped: ThresholdFigures } | string {
  const files = TRAINING_ZIPS.map((f) => join(dir, f));
  const absent = files.find((f) => !existsSync(f));
  if (absent !== undefined) return `skipped: ${absent} not found`;
  const articles = files.flatMap((f) => {
    try {
      return readAdverseTrainingZip(readFileSync(f), f);
    } catch (e) {
      throw new CliError((e as Error).message);
    }
  });
  const scored = scoreAdverseArticles(articles);
  return { rule: chooseAdverseThreshold(scored), shipped: figuresAt(scored, ADVERSE_THRESHOLD) };
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
    .option(
      '--adverse-sets <names>',
      'comma-separated English test sets to score (public_test, private_test; "none" for none)',
      'public_test,private_test',
    )
    .option(
      '--threshold-rule',
      'only recompute the adverse threshold from the training zips in --adverse and compare it with the shipped one',
    )
    .option('--misses', 'list every case item that was missed or extra')
    .option('--json', 'print the figures as JSON')
    .action((flags: EvalFlags) => {
      if (flags.thresholdRule) {
        const t = trainingFigures(flags.adverse);
        if (typeof t === 'string') throw new CliError(`threshold rule: ${t}`);
        if (flags.json)
          process.stdout.write(`${JSON.stringify({ ...t, shippedThreshold: ADVERSE_THRESHOLD }, null, 2)}\n`);
        else
          process.stdout.write(
            `threshold rule on ${t.rule.articles} training articles: ${t.rule.threshold} (training accuracy ${t.rule.accuracy.toFixed(3)}, tp ${t.rule.tp}, fp ${t.rule.fp}, fn ${t.rule.fn}, tn ${t.rule.tn}); shipped ADVERSE_THRESHOLD ${ADVERSE_THRESHOLD}${t.rule.threshold === ADVERSE_THRESHOLD ? ' (same)' : ' (DIFFERENT: update classify-adverse.ts)'}\n`,
          );
        if (t.rule.threshold !== ADVERSE_THRESHOLD) process.exitCode = 1;
        return;
      }
      const sets = flags.adverseSets === 'none' ? [] : flags.adverseSets.split(',').map((x) => x.trim());
      for (const set of sets)
        if (set !== 'public_test' && set !== 'private_test')
          throw new CliError(`--adverse-sets: unknown set "${set}" (public_test, private_test or none)`);
      const cases = evaluateCases(read(flags.cases));
      const report: Record<string, unknown> = {
        cases: { ...cases, misses: flags.misses ? cases.misses : cases.misses.length },
      };
      if (existsSync(flags.seed)) {
        const golden = JSON.parse(read(flags.golden)) as GoldenFile;
        report.seed = checkGolden(golden, analyzeArticle(read(flags.seed)));
      } else report.seed = `skipped: ${flags.seed} not found`;
      const training = trainingFigures(flags.adverse);
      report.adverse_training =
        typeof training === 'string' ? training : { threshold: ADVERSE_THRESHOLD, ...training };
      for (const set of sets) {
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
      lines.push(
        typeof training === 'string'
          ? `English adverse training: ${training}`
          : `English adverse training (am / nam rows): accuracy ${training.shipped.accuracy.toFixed(3)} on ${training.shipped.articles} at threshold ${ADVERSE_THRESHOLD}; the rule picks ${training.rule.threshold}`,
      );
      for (const set of sets) {
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
