import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  natsServerBinary,
  natsTestUrl,
  type OwnNatsServer,
  skipNotice,
  startOwnNatsServer,
} from '@raqib/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `raqib ingest` keeps to the limits every worker checks on a part (docs/decisions/0064-rounds.md, limits and
 * rejects): a payment past them is quarantined, not published in a part that every worker would reject whole. And it
 * names payments so that ids are unique on the stream across files and runs (AMLworld rows have none of their own).
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const bin = join(root, 'apps/cli/bin/raqib.js');
const enabled = natsTestUrl() !== undefined && natsServerBinary() !== undefined;

const record = (id: string) =>
  JSON.stringify({
    id,
    ts: '2026-03-02T09:15:00Z',
    from: { bank: 'B1', account: 'A1' },
    to: { bank: 'B2', account: 'A2' },
    amountPaid: '10.00',
    currencyPaid: 'USD',
    paymentFormat: 'Wire',
  });

if (enabled) {
  let server: OwnNatsServer | undefined;
  let dir = '';
  beforeAll(async () => {
    server = await startOwnNatsServer();
    dir = mkdtempSync(join(tmpdir(), 'raqib-ingest-limits-'));
  });
  afterAll(async () => {
    await server?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const ingest = (stream: string, quarantine: string, files: readonly string[]) =>
    spawnSync(
      process.execPath,
      [bin, 'ingest', '--nats', server!.url, '--stream', stream, '--partition-count', '2'].concat([
        '--quarantine',
        quarantine,
        '--json',
        ...files,
      ]),
      { cwd: root, encoding: 'utf8' },
    );
  const amlworld = (rows: number) =>
    `Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment Currency,Payment Format,Is Laundering\n${Array.from(
      { length: rows },
      (_, i) => `2022/09/01 00:2${i},010,8000EBD30,011,80010${i}A0,10.00,US Dollar,10.00,US Dollar,Wire,0\n`,
    ).join('')}`;

  it('quarantines a payment whose id the file name makes longer than a part allows, and publishes the rest', () => {
    // AMLworld payments are named `<file name>#<row>`: 125 characters of name make every id longer than 128
    const long = join(dir, `${'f'.repeat(125)}.csv`);
    const short = join(dir, 'day-2.csv');
    writeFileSync(long, amlworld(2));
    writeFileSync(short, amlworld(1));
    const quarantine = join(dir, 'q.jsonl');
    const run = ingest(`LIMITS_${process.pid}`, quarantine, [long, short]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ transactions: 1, messages: 1, quarantined: 2 });
    const lines = readFileSync(quarantine, 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as { file: string; row: number; reason: string })).toEqual([
      expect.objectContaining({ file: long, row: 0, reason: 'id has 131 characters, over 128' }),
      expect.objectContaining({ file: long, row: 1, reason: 'id has 131 characters, over 128' }),
    ]);
  });

  it('quarantines a payment dated more than a day after the clock, which would make every later one late', () => {
    const file = join(dir, 'ahead.jsonl');
    // microseconds read as milliseconds: tens of thousands of years ahead
    const ahead = record('p-ahead').replace(
      '"2026-03-02T09:15:00Z"',
      String(Date.parse('2026-03-02T09:15:00Z') * 1000),
    );
    writeFileSync(file, `${record('p-now')}\n${ahead}\n`);
    const quarantine = join(dir, 'q-ahead.jsonl');
    const run = ingest(`AHEAD_${process.pid}`, quarantine, [file]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ transactions: 1, quarantined: 1 });
    const [line] = readFileSync(quarantine, 'utf8').trim().split('\n');
    expect(JSON.parse(line!)).toMatchObject({
      row: 1,
      reason: expect.stringMatching(/more than a day after the publisher's clock/),
    });
  });

  it('names AMLworld payments by file and row, so that two files of one stream never share an id', () => {
    // two days' files, each with rows 0 and 1: row numbers alone would make day 2 a republish of day 1
    const day1 = join(dir, 'day-1.csv');
    const day2 = join(dir, 'day-2.csv');
    writeFileSync(day1, amlworld(2));
    writeFileSync(day2, amlworld(2).replace(/2022\/09\/01/g, '2022/09/02'));
    const stream = `NAMES_${process.pid}`;
    const first = ingest(stream, join(dir, 'q1.jsonl'), [day1]);
    expect(first.status, first.stderr).toBe(0);
    const second = ingest(stream, join(dir, 'q2.jsonl'), [day2]);
    expect(second.status, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ transactions: 2, duplicates: 0 });
    // the same file again: the same names, which the stream stores once
    const again = ingest(stream, join(dir, 'q3.jsonl'), [day2]);
    expect(JSON.parse(again.stdout)).toMatchObject({ transactions: 2, duplicates: 2 });
    expect(again.stderr).toMatch(/2 payment\(s\) were already on NAMES_\d+ under the same ids/);
    expect(second.stderr).not.toMatch(/already on/);
  });

  it('keeps the ids a JSON Lines file carries: the same payment in two files is one payment', () => {
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    writeFileSync(a, `${record('p-1')}\n${record('p-2')}\n`);
    writeFileSync(b, `${record('p-1')}\n${record('p-2')}\n`);
    const run = ingest(`JSONL_${process.pid}`, join(dir, 'q4.jsonl'), [a, b]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ transactions: 4, duplicates: 2, quarantined: 0 });
  });
} else {
  describe('ingest limits', () => {
    it.skip(skipNotice('ingest against NATS', 'RAQIB_TEST_NATS'), () => {});
  });
}
