import { describe, expect, it } from 'vitest';
import { H, maxFinding, runScenario, Scenario, T0 } from '../testing/scenario.ts';

function market(sc: Scenario): void {
  // 30 ordinary USD → EUR exchanges at 0.92 EUR per USD (±1 %).
  for (let k = 0; k < 30; k++) {
    sc.pay(`C${k}`, `X${k}`, 1000, T0 + k * H, {
      currencyReceived: 'EUR',
      received: 920 * (1 + ((k % 3) - 1) / 100),
    });
  }
}

describe('fx-premium detector (TF-FX-PREMIUM)', () => {
  it('measures how far an exchange is from the market rate derived from the data', () => {
    const sc = new Scenario();
    market(sc);
    sc.pay('VICTIM', 'OFFICE', 1000, T0 + 40 * H, { currencyReceived: 'EUR', received: 644 });
    expect(maxFinding(runScenario(sc), 'fx-premium')).toBeCloseTo(0.3, 2);
  });

  it('judges gold dinars against their gold value once the gold price is known from the feed', () => {
    const sc = new Scenario();
    // Gold at USD 2,400 an ounce: `received` is scaled by 100 into minor units, and XAU has 4 decimals, so 100 = 1 oz.
    for (let k = 0; k < 12; k++)
      sc.pay(`G${k}`, 'BULLION', 2400, T0 + k * H, { currencyReceived: 'XAU', received: 100 });
    // Gold value of a 4.25 g dinar ≈ USD 328; sold at USD 450.
    for (let k = 0; k < 25; k++) {
      sc.pay(`C${k}`, 'OFFICE', 4500, T0 + (20 + k) * H, {
        paymentFormat: 'Cash',
        currencyReceived: 'XGD',
        received: 10,
      });
    }
    expect(maxFinding(runScenario(sc), 'fx-premium')).toBeGreaterThan(0.25);
  });

  it('stays silent at the market rate', () => {
    const sc = new Scenario();
    market(sc);
    sc.pay('A', 'B', 1000, T0 + 40 * H, { currencyReceived: 'EUR', received: 921 });
    expect(maxFinding(runScenario(sc), 'fx-premium')).toBe(0);
  });
});
