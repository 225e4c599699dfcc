import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run } from '../run-cli.test-support.ts';

let dir = '';
let labels: string[] = [];

function writeFlags(name: string, flag: (label: string, row: number) => boolean): string {
  const path = join(dir, name, 'flags.csv');
  const lines = labels.map((l, row) => `${row},${flag(l, row) ? '0.9,1' : '0,0'},`);
  writeFileSync(path, `row,score,flag,typologies\n${lines.join('\n')}\n`);
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'raqib-cli-eval-'));
  const r = await run([
    'generate',
    '--out',
    dir,
    '--accounts',
    '2000',
    '--days',
    '3',
    '--seed',
    '9',
    '--json',
  ]);
  expect(r.code).toBe(0);
  const summary = JSON.parse(r.out) as { transactions: number; laundering: number };
  labels = readFileSync(join(dir, 'transactions.csv'), 'utf8')
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.slice(l.lastIndexOf(',') + 1));
  expect(labels).toHaveLength(summary.transactions);
  expect(labels.filter((l) => l === '1')).toHaveLength(summary.laundering);
  const recorded = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) as {
    options: { seed: number };
  };
  expect(recorded).toMatchObject({ options: { seed: 9 }, transactions: summary.transactions });
  for (const sub of ['perfect', 'half', 'none']) mkdirSync(join(dir, sub));
});

afterEach(() => {
  process.exitCode = undefined;
});

describe('raqib generate + raqib eval', () => {
  it('scores flags equal to the labels as perfect, with every pattern type found', async () => {
    const flags = writeFlags('perfect', (l) => l === '1');
    writeFileSync(join(dir, 'perfect', 'alerts.jsonl'), '{"id":"a","typologies":["FAN-OUT"]}\n'.repeat(3));
    const r = await run(['eval', '--data', dir, '--flags', flags]);
    expect(r.code).toBe(0);
    const last = JSON.parse(r.out.trimEnd().split('\n').at(-1) ?? '{}');
    expect(last).toMatchObject({
      mode: 'transactions',
      precision: 1,
      recall: 1,
      f1: 1,
      alerts: 3,
      unmatchedPatternRows: 0,
    });
    expect(last.patterns).toHaveLength(11);
    for (const p of last.patterns) expect(p.recall, p.type).toBe(1);
    expect(r.out).toContain('precision      1.000   recall 1.000   F1 1.000');
  });

  it('halves precision when as many negatives as positives are flagged too', async () => {
    const positives = labels.filter((l) => l === '1').length;
    let extra = 0;
    const flags = writeFlags('half', (l) => l === '1' || (l === '0' && extra++ < positives));
    const r = await run(['eval', '--data', dir, '--flags', flags]);
    const last = JSON.parse(r.out.trimEnd().split('\n').at(-1) ?? '{}');
    expect(last.precision).toBe(0.5);
    expect(last.recall).toBe(1);
    expect(last.alerts).toBeNull();
  });

  it('finds nothing when nothing is flagged', async () => {
    const flags = writeFlags('none', () => false);
    const r = await run(['eval', '--data', dir, '--flags', flags]);
    const last = JSON.parse(r.out.trimEnd().split('\n').at(-1) ?? '{}');
    expect(last).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    for (const p of last.patterns) expect(p.found).toBe(0);
  });

  it('refuses bad flags and missing inputs with a one-line error', async () => {
    expect(
      (await run(['generate', '--out', dir, '--accounts', '12', '--days', '3', '--seed', '1'])).err,
    ).toContain('--accounts must be a whole number from 1000');
    expect(
      (
        await run([
          'generate',
          '--out',
          dir,
          '--accounts',
          '2000',
          '--days',
          '3',
          '--seed',
          '1',
          '--rate',
          'x',
        ])
      ).code,
    ).toBe(2);
    const notFolder = await run([
      'generate',
      '--out',
      join(dir, 'transactions.csv'),
      '--accounts',
      '1000',
      '--days',
      '1',
      '--seed',
      '1',
    ]);
    expect(notFolder.code).toBe(2);
    expect(notFolder.err).toContain('exists and is not a folder');
    const missing = await run([
      'eval',
      '--data',
      join(dir, 'nope'),
      '--flags',
      join(dir, 'none', 'flags.csv'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('data folder not found');
    const file = await run([
      'eval',
      '--data',
      join(dir, 'banks.csv'),
      '--flags',
      join(dir, 'none', 'flags.csv'),
    ]);
    expect(file.code).toBe(2);
    expect(file.err).toBe(`raqib: --data ${join(dir, 'banks.csv')} is not a folder\n`);
  });
});
