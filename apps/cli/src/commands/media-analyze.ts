import { readFileSync } from 'node:fs';
import { type AnalyzeOptions, type ArticleAnalysis, analyzeArticle, MEDIA_LANGUAGES } from '@raqib/core';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { loadListIndex } from './media-lists.ts';

interface AnalyzeFlags {
  lang: string;
  json?: boolean;
  lists?: string[];
}

/** Largest article accepted on the command line (1 MiB of text). */
const MAX_ARTICLE_BYTES = 1 << 20;

function readInput(file: string): string {
  let bytes: Buffer;
  try {
    bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (bytes.length > MAX_ARTICLE_BYTES)
    throw new CliError(`${file}: ${bytes.length} bytes exceeds the 1 MiB article limit`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new CliError(`${file}: the article is empty`);
  return text;
}

const num = (v: number | null): string =>
  v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: 4 });

/** A readable report of one analysis: amounts, entities with links, attributions, risks and schemes. */
export function formatAnalysis(a: ArticleAnalysis): string {
  const out: string[] = [];
  out.push(
    `language ${a.language} · ${a.sentences.length} sentences · adverse ${a.adverse.adverse ? 'yes' : 'no'} (score ${a.adverse.score}${a.adverse.cues.length ? `: ${a.adverse.cues.slice(0, 5).join(', ')}` : ''})`,
  );
  const section = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    out.push('', `${title} (${lines.length})`, ...lines.map((l) => `  ${l}`));
  };
  section(
    'money',
    a.money.map(
      (m) =>
        `${num(m.value)}${m.magnitude === undefined ? '' : ` (order of ${num(m.magnitude)})`} ${m.currency}${m.currencyName ? ` ${m.currencyName}` : ''}${m.currencyAssumed ? ' (currency assumed)' : ''}${m.qualifier ? ` · ${m.qualifier}${m.qualifierCue ? ` («${m.qualifierCue}»)` : ''}` : ''}${m.per ? ` · per ${m.per}` : ''}  «${m.text}» [${m.start}–${m.end}]`,
    ),
  );
  section(
    'quantities',
    a.quantities.map(
      (q) =>
        `${num(q.value)} ${q.unit}${q.commodity ? ` of ${q.commodity}` : ''}${q.per ? ` per ${q.per}` : ''}${q.qualifier ? ` · ${q.qualifier}${q.qualifierCue ? ` («${q.qualifierCue}»)` : ''}` : ''}  «${q.text}»`,
    ),
  );
  section(
    'percentages',
    a.percentages.map(
      (p) =>
        `${p.value} %${p.qualifier ? ` · ${p.qualifier}${p.qualifierCue ? ` («${p.qualifierCue}»)` : ''}` : ''}  «${p.text}»`,
    ),
  );
  const seen = new Map<string, { e: (typeof a.entities)[number]; n: number }>();
  for (const e of a.entities) {
    const key = `${e.type}|${e.canonical ?? e.normalized}`;
    const s = seen.get(key);
    if (s) s.n++;
    else seen.set(key, { e, n: 1 });
  }
  section(
    'entities',
    [...seen.values()].map(({ e, n }) => {
      const links = (e.links ?? []).map(
        (l) => `${l.list} ${l.refId}${l.name ? ` "${l.name}"` : ''} (${l.confidence.toFixed(2)})`,
      );
      return `${e.type.padEnd(12)} ${e.text}${e.canonical && e.canonical !== e.text ? ` → ${e.canonical}` : ''}${n > 1 ? ` ×${n}` : ''}${links.length ? `  ⇒ ${links.join('; ')}` : ''}`;
    }),
  );
  section(
    'attributions',
    a.attributions.map(
      (x) =>
        `«${x.cue.text}» ${x.source.text}${x.sourceResolved ? ' (from earlier)' : ''}${x.anonymous ? ' (anonymous)' : ''}: ${x.statement.text.slice(0, 90)}`,
    ),
  );
  section(
    'risk categories',
    a.risks.map(
      (r) =>
        `${r.category}${r.subjects.length ? ` (${r.subjects.join(', ')})` : ''} · ${r.stage} · ${r.evidence.length} sentence(s): ${r.evidence[0]?.text.slice(0, 80) ?? ''}`,
    ),
  );
  section(
    'schemes',
    a.schemes.map(
      (s) => `${s.en} (${s.category}) · sentence ${s.evidence.map((e) => e.sentence + 1).join(', ')}`,
    ),
  );
  return `${out.join('\n')}\n`;
}

export function registerMediaAnalyze(media: Command): void {
  media
    .command('analyze')
    .description(
      'read one news article (Arabic or English) and print entities, amounts, attributions and risks',
    )
    .argument('<file>', 'article text file, or - for standard input')
    .option('--lang <lang>', 'auto | ar | en', 'auto')
    .option('--json', 'print the full analysis as JSON')
    .option('--lists <path...>', 'also screen persons and organisations against these list files or folders')
    .action((file: string, flags: AnalyzeFlags) => {
      if (flags.lang !== 'auto' && !(MEDIA_LANGUAGES as readonly string[]).includes(flags.lang))
        throw new CliError(`--lang must be auto, ar or en, got "${flags.lang}"`);
      const text = readInput(file);
      const index = loadListIndex(flags.lists);
      const options: AnalyzeOptions = {
        lang: flags.lang as AnalyzeOptions['lang'] & string,
        ...(index === undefined ? {} : { screeningIndex: index }),
      };
      const analysis = analyzeArticle(text, options);
      process.stdout.write(flags.json ? `${JSON.stringify(analysis, null, 2)}\n` : formatAnalysis(analysis));
    });
}
