import { describe, expect, it } from 'vitest';
import { D, maxFinding, runScenario, Scenario, T0 } from '../testing/scenario.ts';

describe('structuring detector (T01)', () => {
  it('counts payments just below the reporting threshold', () => {
    const sc = new Scenario();
    for (const [k, a] of [9500, 9700, 9200, 9900].entries())
      sc.pay('A', `B${k}`, a, T0 + k * D, { paymentFormat: 'Cash' });
    expect(maxFinding(runScenario(sc), 'structuring')).toBe(4);
  });

  it('ignores amounts above the threshold or well below it', () => {
    const sc = new Scenario();
    for (const [k, a] of [12_000, 15_000, 7000, 9500].entries()) sc.pay('A', `B${k}`, a, T0 + k * D);
    expect(maxFinding(runScenario(sc), 'structuring')).toBe(0);
  });
});
