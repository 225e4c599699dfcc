import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadListPath } from './load-list.ts';
import { SANCTIONS_FIXTURES } from './test-fixtures.ts';

// the OFAC parser returns no note today; one it adds later must survive the missing-file notes
vi.mock('./ofac-csv.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./ofac-csv.ts')>();
  return {
    ...real,
    parseOfacCsv: (...args: Parameters<typeof real.parseOfacCsv>) => ({
      ...real.parseOfacCsv(...args),
      notes: ['a note from the parser'],
    }),
  };
});

describe('loadListPath on an OFAC set', () => {
  it('keeps the notes the parser returns beside the ones naming missing files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-lists-'));
    for (const f of ['sdn.csv', 'alt.csv', 'add.csv'])
      copyFileSync(join(SANCTIONS_FIXTURES, 'ofac-2021-07-07', f), join(dir, f));
    const [list] = loadListPath(dir, { version: '2021-07-07' });
    expect(list?.notes).toEqual([
      'a note from the parser',
      'no sdn_comments.csv beside sdn.csv: loaded without its remarks continued from sdn.csv',
    ]);
  });
});
