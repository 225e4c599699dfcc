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
 * rejects): a payment past them is quarantined, not published in a part that every worker would reject whole.
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

  it('quarantines a payment whose id the file prefix makes longer than a part allows, and publishes the rest', () => {
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    // 125 characters: valid alone, 133 once two files make ingest prefix it with "a.jsonl#"
    writeFileSync(a, `${record('ok-1')}\n${record('x'.repeat(125))}\n`);
    writeFileSync(b, `${record('ok-2')}\n`);
    const quarantine = join(dir, 'q.jsonl');
    const run = spawnSync(
      process.execPath,
      [
        bin,
        'ingest',
        '--nats',
        server!.url,
        '--stream',
        `LIMITS_${process.pid}`,
        '--partition-count',
        '2',
      ].concat(['--quarantine', quarantine, '--json', a, b]),
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ transactions: 2, messages: 2, quarantined: 1 });
    const lines = readFileSync(quarantine, 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as { file: string; row: number; reason: string })).toEqual([
      expect.objectContaining({ file: a, row: 1, reason: 'id has 133 characters, over 128' }),
    ]);
  });
} else {
  describe('ingest limits', () => {
    it.skip(skipNotice('ingest against NATS', 'RAQIB_TEST_NATS'), () => {});
  });
}
