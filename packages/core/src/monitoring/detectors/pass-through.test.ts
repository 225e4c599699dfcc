import { describe, expect, it } from 'vitest';
import { H, maxFinding, runScenario, Scenario, T0 } from '../testing/scenario.ts';

describe('pass-through detector (T02)', () => {
  it('pairs a payment with the similar credit it forwards shortly after', () => {
    const sc = new Scenario();
    sc.pay('X', 'MULE', 5000, T0);
    sc.pay('MULE', 'Y', 4900, T0 + 2 * H);
    sc.pay('X2', 'MULE', 7000, T0 + 5 * H);
    sc.pay('MULE', 'Y2', 6950, T0 + 6 * H);
    expect(maxFinding(runScenario(sc), 'pass-through')).toBe(2);
  });

  it('does not pair payments of another size, another instrument or too late', () => {
    const sc = new Scenario();
    sc.pay('X', 'A', 5000, T0);
    sc.pay('A', 'Y', 1000, T0 + 2 * H);
    sc.pay('A', 'Z', 4900, T0 + 3 * H, { paymentFormat: 'Wire' });
    sc.pay('A', 'W', 4900, T0 + 80 * H);
    expect(maxFinding(runScenario(sc), 'pass-through')).toBe(0);
  });
});
