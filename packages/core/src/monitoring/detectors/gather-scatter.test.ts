import { describe, expect, it } from 'vitest';
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

  it('stays silent when credits and payments interleave (ordinary business flow)', () => {
    const sc = new Scenario();
    for (let k = 0; k < 4; k++) {
      sc.pay(`IN${k}`, 'V', 3000 + k * 50, T0 + k * 6 * H);
      sc.pay('V', `OUT${k}`, 2900 + k * 30, T0 + k * 6 * H + 2 * H);
    }
    expect(maxFinding(runScenario(sc), 'gather-scatter')).toBe(0);
  });
});
