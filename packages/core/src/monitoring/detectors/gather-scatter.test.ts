import { describe, expect, it } from 'vitest';
import { defaultMonitoringConfig } from '../config.ts';
import { H, maxFinding, runScenario, Scenario, T0 } from '../testing/scenario.ts';

describe('gather-scatter detector', () => {
  it('sees an account gather from several payers and then pay several payees', () => {
    const sc = new Scenario();
    for (let k = 0; k < 4; k++)
      sc.pay(`IN${k}`, 'V', 3000 + k * 50, T0 + k * 3 * H, { paymentFormat: 'Cheque' });
    for (let k = 0; k < 4; k++)
      sc.pay('V', `OUT${k}`, 2900 + k * 30, T0 + 20 * H + k * 3 * H, { paymentFormat: 'Cheque' });
    const run = runScenario(sc);
    expect(maxFinding(run, 'gather-scatter')).toBe(4);
    expect(run.alerts[0]?.typologies).toContain('GATHER-SCATTER');
  });

  it('counts exactly the bands’ floor of payers, and fewer when the configured bands start lower', () => {
    // the scatter walk is skipped only with fewer payers than the floor (3 by default; the value is min(payers, payees))
    const sc = (payers: number) => {
      const s = new Scenario();
      for (let k = 0; k < payers; k++)
        s.pay(`IN${k}`, 'V', 3000 + k * 50, T0 + k * 3 * H, { paymentFormat: 'Cheque' });
      for (let k = 0; k < 4; k++)
        s.pay('V', `OUT${k}`, (2900 + k * 30) * (payers / 4), T0 + 20 * H + k * 3 * H, {
          paymentFormat: 'Cheque',
        });
      return s;
    };
    expect(maxFinding(runScenario(sc(3)), 'gather-scatter')).toBe(3);
    expect(maxFinding(runScenario(sc(2)), 'gather-scatter')).toBe(0);
    const config = defaultMonitoringConfig();
    const gs = config.detectors['gather-scatter']!;
    const low = {
      ...config,
      detectors: { ...config.detectors, 'gather-scatter': { ...gs, bands: [2, 5, 8] as const } },
    };
    expect(maxFinding(runScenario(sc(2), undefined, low), 'gather-scatter')).toBe(2);
  });

  it('stays silent when credits and payments interleave (ordinary business flow)', () => {
    const sc = new Scenario();
    for (let k = 0; k < 4; k++) {
      sc.pay(`IN${k}`, 'V', 3000 + k * 50, T0 + k * 6 * H);
      sc.pay('V', `OUT${k}`, 2900 + k * 30, T0 + k * 6 * H + 2 * H);
    }
    expect(maxFinding(runScenario(sc), 'gather-scatter')).toBe(0);
  });

  it('finds a small gather-scatter of legs under USD 1,000 that passes on nearly all of it', () => {
    const sc = new Scenario();
    for (let k = 0; k < 5; k++) sc.pay(`IN${k}`, 'V', 620 + k * 25, T0 + k * 4 * H, { paymentFormat: 'ACH' });
    for (let k = 0; k < 5; k++)
      sc.pay('V', `OUT${k}`, 590 + k * 20, T0 + 30 * H + k * 4 * H, { paymentFormat: 'ACH' });
    const run = runScenario(sc);
    expect(maxFinding(run, 'gather-scatter')).toBe(5);
    expect(run.flagged.size).toBe(10);
  });

  it('stays silent when the account pays on only about half of what it gathered', () => {
    const sc = new Scenario();
    for (let k = 0; k < 4; k++)
      sc.pay(`IN${k}`, 'V', 3000 + k * 50, T0 + k * 3 * H, { paymentFormat: 'Cheque' });
    for (let k = 0; k < 3; k++)
      sc.pay('V', `OUT${k}`, 2300 + k * 30, T0 + 20 * H + k * 3 * H, { paymentFormat: 'Cheque' });
    expect(maxFinding(runScenario(sc), 'gather-scatter')).toBe(0);
  });
});
