import { readFileSync, writeFileSync } from 'node:fs';
import { buildGazetteerModule } from '@raqib/formats';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';

interface GazetteerFlags {
  from: string;
  out: string;
}

export function registerMediaGazetteer(media: Command): void {
  media
    .command('gazetteer')
    .description('rebuild the shipped gazetteer from world-cities.csv (CC BY 4.0) and Intl country names')
    .option(
      '--from <csv>',
      'world-cities.csv',
      '../shared/data/arabic/gazetteer/world_cities_translations/world-cities.csv',
    )
    .option('--out <file>', 'module to write', 'packages/core/src/media/gazetteer-data.ts')
    .action((flags: GazetteerFlags) => {
      let csv: string;
      try {
        csv = readFileSync(flags.from, 'utf8');
      } catch (e) {
        throw new CliError(
          `cannot read ${flags.from}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        );
      }
      const r = buildGazetteerModule(csv);
      writeFileSync(flags.out, r.source);
      process.stdout.write(
        `${r.places} places written to ${flags.out}; ${r.rejected} city rows rejected by curation\n`,
      );
    });
}
