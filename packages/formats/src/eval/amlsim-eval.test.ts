import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_LENGTH } from '../transactions/line-stream.ts';
import { evaluateAmlsim, readAmlsimAccountLabels } from './amlsim-eval.ts';
import { readFlagsFile } from './flags-file.ts';

const SAMPLE = resolve(import.meta.dirname, '../../../../../shared/data/aml/amlsim_samples/20K_fanin200');

describe('evaluateAmlsim', () => {
  it('counts an account as found when any of its transactions is flagged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-amlsim-'));
    writeFileSync(
      join(dir, 'nodes.csv'),
      'nodeid,isFraud,init_balance,fraudStep\n1,1,100,3\n2,1,100,-1\n3,0,100,-1\n4,0,100,-1\n5,1,100,2\n',
    );
    writeFileSync(
      join(dir, 'transactions.csv'),
      'sourceNodeId,targetNodeId,value,time\n1,3,10.5,1\n4,3,20,2\n2,5,7,3\n',
    );
    writeFileSync(join(dir, 'flags.csv'), 'row,score,flag,typologies\n0,0.9,1,FAN-IN\n1,0.1,0,\n2,0,0,\n');
    writeFileSync(
      join(dir, 'alerts.jsonl'),
      '{"typologies":["FAN-IN"],"accounts":[{"bank":"AMLSIM","account":"3"},{"bank":"AMLSIM","account":"1"}]}\n' +
        '{"typologies":["FAN-IN"],"accounts":[{"bank":"AMLSIM","account":"4"}]}\n',
    );
    const r = await evaluateAmlsim({
      transactions: join(dir, 'transactions.csv'),
      labels: join(dir, 'nodes.csv'),
      flags: await readFlagsFile(join(dir, 'flags.csv')),
      alerts: join(dir, 'alerts.jsonl'),
    });
    expect(r.alertQuality).toMatchObject({ alerts: 2, trueAlerts: 1, precision: 0.5 });
    expect(r.alertsPerThousand).toBeCloseTo(2000 / 3, 9);
    // flagged row 0 touches accounts 1 (fraud) and 3 (clean); fraud 2 and 5 are missed
    expect(r.confusion).toEqual({ tp: 1, fp: 1, fn: 2, tn: 1 });
    expect(r.precision).toBe(0.5);
    expect(r.recall).toBeCloseTo(1 / 3, 12);
    expect(r.accounts).toBe(5);
    expect(r.suspicious).toBe(3);
  });

  it('reads the newer accounts.csv labels and names bad lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-amlsim-'));
    writeFileSync(
      join(dir, 'accounts.csv'),
      'ACCOUNT_ID,PRIMARY_CUSTOMER_ID,isFraud\n0,C_0,false\n1,C_1,true\n2,C_2,maybe\n',
    );
    await expect(readAmlsimAccountLabels(join(dir, 'accounts.csv'))).rejects.toThrow(/line 4: label "maybe"/);
    writeFileSync(join(dir, 'nodes.csv'), 'nodeid,isFraud\n7,1\n8,0\n7,0\n');
    await expect(readAmlsimAccountLabels(join(dir, 'nodes.csv'))).rejects.toThrow(
      /line 4: account id "7" repeated \(first on line 2\)/,
    );
  });

  it('refuses a label record longer than the line limit instead of reading it whole', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'raqib-amlsim-')), 'nodes.csv');
    writeFileSync(path, `nodeid,isFraud\n1,1\n${'x'.repeat(MAX_LINE_LENGTH + 1)},0\n`);
    const read = readAmlsimAccountLabels(path);
    await expect(read).rejects.toThrow(
      `${path}: line 3: a record is longer than ${MAX_LINE_LENGTH} characters`,
    );
  });

  it.skipIf(!existsSync(SAMPLE))(
    'reads the 20K_fanin200 sample (skips: ../shared AMLSim samples absent)',
    async () => {
      const labels = await readAmlsimAccountLabels(join(SAMPLE, 'nodes.csv'));
      expect(labels.size).toBe(20_000);
      expect([...labels.values()].filter(Boolean).length).toBe(954);
    },
  );
});
