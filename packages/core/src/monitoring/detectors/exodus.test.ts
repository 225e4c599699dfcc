import { describe, expect, it } from 'vitest';
import { H, maxFinding, reference, runScenario, Scenario, T0 } from '../testing/scenario.ts';

const ref = reference({ SY: 'SY', DE: 'DE', FR: 'FR', JO: 'JO', VN: 'VN' });

describe('exodus detector (TF-EXODUS)', () => {
  it('fires when a person in a conflict zone pays people in Europe again and again', () => {
    const sc = new Scenario();
    for (let k = 0; k < 5; k++)
      sc.pay('SY:A', `DE:B${k % 2}`, 12_000 + k * 700, T0 + k * 10 * H, { paymentFormat: 'Wire' });
    const run = runScenario(sc, ref);
    expect(maxFinding(run, 'exodus')).toBe(1);
    expect(run.flagged.size).toBeGreaterThanOrEqual(4);
  });

  it('follows the money through an intermediary outside Europe', () => {
    const sc = new Scenario();
    for (let k = 0; k < 3; k++) sc.pay('SY:A', 'JO:M', 20_000, T0 + k * 5 * H);
    for (let k = 0; k < 5; k++) sc.pay('JO:M', 'DE:B', 11_000, T0 + 20 * H + k * 5 * H);
    expect(maxFinding(runScenario(sc, ref), 'exodus')).toBeCloseTo(0.9, 5);
  });

  it('stays silent on one remittance, on flows inside Europe and on grey-list-only origins', () => {
    const sc = new Scenario();
    sc.pay('SY:A', 'DE:B', 12_000, T0);
    for (let k = 0; k < 5; k++) sc.pay('FR:C', 'DE:D', 12_000, T0 + k * H);
    for (let k = 0; k < 5; k++) sc.pay('VN:E', 'DE:F', 12_000, T0 + k * H);
    expect(maxFinding(runScenario(sc, ref), 'exodus')).toBe(0);
  });
});
