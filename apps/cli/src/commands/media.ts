import type { Command } from 'commander';
import { registerMediaAnalyze } from './media-analyze.ts';
import { registerMediaEval } from './media-eval.ts';
import { registerMediaGazetteer } from './media-gazetteer.ts';
import { registerMediaIngest } from './media-ingest.ts';

/** `raqib media …`: adverse media in Arabic and English (analyze one article, ingest feeds, rebuild the gazetteer). */
export function registerMediaCommand(program: Command): void {
  const media = program
    .command('media')
    .description('adverse media in Arabic and English: analyze and ingest news');
  registerMediaAnalyze(media);
  registerMediaIngest(media);
  registerMediaGazetteer(media);
  registerMediaEval(media);
}
