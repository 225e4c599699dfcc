import { describe, expect, it } from 'vitest';
import { H, maxFinding, runScenario, Scenario, T0 } from '../testing/scenario.ts';

describe('amount-spike detector (T07)', () => {
  it("compares a payment with the payer's own typical amount", () => {
    const sc = new Scenario();
    for (let k = 0; k < 6; k++) sc.pay('A', `B${k}`, 100, T0 + k * H);
    sc.pay('A', 'C', 5000, T0 + 10 * H);
    const run = runScenario(sc);
    expect(maxFinding(run, 'amount-spike')).toBeGreaterThan(45);
    expect(run.flagged.size).toBe(0); // a booster: never flags alone
  });

  it('needs enough history first', () => {
    const sc = new Scenario();
    for (let k = 0; k < 3; k++) sc.pay('A', `B${k}`, 100, T0 + k * H);
    sc.pay('A', 'C', 5000, T0 + 10 * H);
    expect(maxFinding(runScenario(sc), 'amount-spike')).toBe(0);
  });
});
