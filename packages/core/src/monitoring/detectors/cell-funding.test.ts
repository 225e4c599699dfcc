import { describe, expect, it } from 'vitest';
import { H, maxFinding, reference, runScenario, Scenario, T0 } from '../testing/scenario.ts';

describe('cell-funding detector (TF-CELL-FUNDING)', () => {
  it('counts many individuals abroad paid small similar amounts', () => {
    const sc = new Scenario();
    const countries = ['FR', 'DE', 'SE', 'NL', 'BE', 'AT', 'DK'];
    for (const [k, c] of countries.entries())
      sc.pay('GB:S', `${c}:R${k}`, 500 + k * 8, T0 + k * H, { paymentFormat: 'Wire' });
    const ref = reference(Object.fromEntries([...countries, 'GB'].map((c) => [c, c])));
    const run = runScenario(sc, ref);
    expect(maxFinding(run, 'cell-funding')).toBe(7);
    expect(run.flagged.size).toBe(7);
  });

  it('ignores domestic payroll and dissimilar amounts', () => {
    const payroll = new Scenario();
    for (let k = 0; k < 10; k++) payroll.pay('GB:CO', `GB:E${k}`, 1500, T0 + k * H);
    expect(maxFinding(runScenario(payroll, reference({ GB: 'GB' })), 'cell-funding')).toBe(0);

    const mixed = new Scenario();
    const countries = ['FR', 'DE', 'SE', 'NL', 'BE', 'AT'];
    for (const [k, c] of countries.entries()) mixed.pay('GB:S', `${c}:R${k}`, 100 + k * 350, T0 + k * H);
    const ref = reference(Object.fromEntries([...countries, 'GB'].map((c) => [c, c])));
    expect(maxFinding(runScenario(mixed, ref), 'cell-funding')).toBe(0);
  });

  it("finds the series even when the payer's other small payments abroad are of all sizes", () => {
    const sc = new Scenario();
    const countries = ['FR', 'DE', 'SE', 'NL', 'BE', 'AT', 'DK'];
    // Everyday remittances of the payer to relatives abroad, USD 60–1,900, over the preceding weeks.
    const family = [60, 1_900, 240, 1_200, 95, 1_650];
    for (const [k, usd] of family.entries()) sc.pay('GB:S', `FR:FAMILY${k % 2}`, usd, T0 + k * 2 * 24 * H);
    for (const [k, c] of countries.entries())
      sc.pay('GB:S', `${c}:R${k}`, 520 + k * 6, T0 + 14 * 24 * H + k * H, { paymentFormat: 'Wire' });
    const ref = reference(Object.fromEntries([...countries, 'GB'].map((c) => [c, c])));
    const run = runScenario(sc, ref);
    expect(maxFinding(run, 'cell-funding')).toBe(7);
    expect([...run.flagged].sort((a, b) => a - b)).toEqual([6, 7, 8, 9, 10, 11, 12]);
  });
});
