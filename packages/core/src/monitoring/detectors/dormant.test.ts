import { describe, expect, it } from 'vitest';
import { D, maxFinding, runScenario, Scenario, T0 } from '../testing/scenario.ts';

describe('dormant detector (T18)', () => {
  it('measures the idle days before a large reactivation', () => {
    const sc = new Scenario();
    sc.pay('A', 'B', 100, T0);
    sc.pay('A', 'C', 20_000, T0 + 200 * D);
    expect(maxFinding(runScenario(sc), 'dormant')).toBeCloseTo(200, 5);
  });

  it('ignores short pauses, small amounts and accounts seen for the first time', () => {
    const sc = new Scenario();
    sc.pay('A', 'B', 100, T0);
    sc.pay('A', 'C', 20_000, T0 + 20 * D);
    sc.pay('A', 'C', 50, T0 + 300 * D);
    sc.pay('NEW', 'OTHER', 90_000, T0 + 301 * D);
    expect(maxFinding(runScenario(sc), 'dormant')).toBe(0);
  });
});
