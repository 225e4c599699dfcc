import { describe, expect, it } from 'vitest';
import { H, maxFinding, reference, runScenario, Scenario, T0 } from '../testing/scenario.ts';

describe('fan-in detector', () => {
  it('counts distinct people paying one account similar amounts', () => {
    const sc = new Scenario();
    for (let k = 0; k < 8; k++)
      sc.pay(`P${k}`, 'T', 4000 + k * 150, T0 + k * 4 * H, { paymentFormat: 'Cash' });
    const run = runScenario(sc);
    expect(maxFinding(run, 'fan-in')).toBe(8);
    expect(run.flagged.size).toBe(8);
  });

  it('does not count businesses paying a person (salary, invoices), nor a shop paid by its domestic customers', () => {
    const salaries = new Scenario();
    const entities: Record<string, 'company'> = {};
    for (let k = 0; k < 8; k++) {
      salaries.pay(`CO${k}`, 'T', 4000 + k * 150, T0 + k * 4 * H);
      entities[`CO${k}`] = 'company';
    }
    expect(maxFinding(runScenario(salaries, reference({}, entities)), 'fan-in')).toBe(0);

    const shop = new Scenario();
    for (let k = 0; k < 40; k++) shop.pay(`C${k}`, 'SHOP', 1200 + (k % 50), T0 + k * 30 * 60_000);
    expect(maxFinding(runScenario(shop), 'fan-in')).toBeGreaterThan(0);
    const shopRef = reference({ '1': 'DE' }, { SHOP: 'company' });
    expect(maxFinding(runScenario(shop, shopRef), 'fan-in')).toBe(0);
  });
});
