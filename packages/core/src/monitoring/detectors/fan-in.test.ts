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

  /** A shop in DE taking about 45 small card payments from its customers over three days. */
  function busyShop(): Scenario {
    const sc = new Scenario();
    for (let k = 0; k < 45; k++)
      sc.pay(`C${k % 30}`, 'SHOP', 30 + ((k * 37) % 70), T0 + k * 95 * 60_000, {
        paymentFormat: 'Credit Card',
      });
    return sc;
  }
  const shopRef = reference({ '1': 'DE' }, { SHOP: 'company' });

  it('finds a fan-in on a busy shop: large card payments from its own customers, far above its usual takings', () => {
    const sc = busyShop();
    const amounts = [3_500, 4_400, 2_900, 4_600, 3_600];
    for (let k = 0; k < amounts.length; k++)
      sc.pay(`M${k}`, 'SHOP', amounts[k]!, T0 + 60 * H + k * 3 * H, { paymentFormat: 'Credit Card' });
    const run = runScenario(sc, shopRef);
    expect(maxFinding(run, 'fan-in')).toBe(5);
    expect([...run.flagged].sort((a, b) => a - b)).toEqual([45, 46, 47, 48, 49]);
  });

  it('judges a firm however busy it is: people abroad paying it alike count, its customers at home do not', () => {
    // a firm in DE paid about 40 times a day by its customers at home (busier than busyRatePerDay, 25 legs a day),
    // then six people in the bank `wireBank` wire it about USD 3,000 each within a day
    const busyFirm = (wireBank: string): Scenario => {
      const sc = new Scenario();
      for (let k = 0; k < 120; k++)
        sc.pay(`DE:C${k % 60}`, 'DE:FIRM', 200 + ((k * 37) % 300), T0 + k * 36 * 60_000, {
          paymentFormat: 'Wire',
        });
      for (let k = 0; k < 6; k++)
        sc.pay(`${wireBank}:X${k}`, 'DE:FIRM', 2_800 + k * 90, T0 + 60 * H + k * 4 * H, {
          paymentFormat: 'Wire',
        });
      return sc;
    };
    const r = reference({ DE: 'DE', FR: 'FR' }, { 'DE:FIRM': 'company' });
    const run = runScenario(busyFirm('FR'), r);
    expect(maxFinding(run, 'fan-in')).toBe(6);
    expect([...run.flagged].sort((x, y) => x - y)).toEqual([120, 121, 122, 123, 124, 125]);
    // the same six wires from people at home are its trade
    expect(maxFinding(runScenario(busyFirm('DE'), r), 'fan-in')).toBe(0);
    // a busy state body taking fees from abroad stays silent
    const state = reference({ DE: 'DE', FR: 'FR' }, { 'DE:FIRM': 'government' });
    expect(maxFinding(runScenario(busyFirm('FR'), state), 'fan-in')).toBe(0);
  });

  it('does not count a payer whose country is not known as one abroad of a firm', () => {
    const wires = (bank: string): Scenario => {
      const sc = new Scenario();
      for (let k = 0; k < 6; k++)
        sc.pay(`${bank}:X${k}`, 'DE:FIRM', 2_800 + k * 90, T0 + k * 4 * H, { paymentFormat: 'Wire' });
      return sc;
    };
    const r = reference({ DE: 'DE', FR: 'FR' }, { 'DE:FIRM': 'company' });
    expect(maxFinding(runScenario(wires('FR'), r), 'fan-in')).toBe(6);
    // bank ZZ is not in banks.csv
    expect(maxFinding(runScenario(wires('ZZ'), r), 'fan-in')).toBe(0);
  });

  it("leaves a busy shop's ordinary day alone, big purchases included", () => {
    const sc = busyShop();
    // Customers buying something bigger now and then: 15–25 times the usual ticket, not a collection.
    const amounts = [1_100, 1_300, 1_050, 1_250, 1_150];
    for (let k = 0; k < amounts.length; k++)
      sc.pay(`M${k}`, 'SHOP', amounts[k]!, T0 + 60 * H + k * 3 * H, { paymentFormat: 'Credit Card' });
    expect(maxFinding(runScenario(sc, shopRef), 'fan-in')).toBe(0);
  });

  // The payee in GB; payers abroad (two of them firms) and firms at home.
  const homeRef = reference(
    { '1': 'GB', '2': 'DE', '3': 'US', '4': 'PK', '5': 'JP' },
    { '3:MSB': 'msb', '4:CO': 'company', '1:EMP0': 'company', '1:EMP1': 'company', '1:EMP2': 'company' },
  );

  it('counts firms abroad among the payers of a person', () => {
    const sc = new Scenario();
    const payers = ['2:P0', '3:MSB', '4:CO', '5:P1', '2:P2'];
    for (let k = 0; k < payers.length; k++) sc.pay(payers[k]!, 'T', 6_300 + k * 500, T0 + k * 10 * H);
    const run = runScenario(sc, homeRef);
    expect(maxFinding(run, 'fan-in')).toBe(5);
    expect(run.flagged.size).toBe(5);
  });

  it("stays silent on a person's domestic employers and clients paying it beside a friend abroad", () => {
    const sc = new Scenario();
    const payers = ['1:EMP0', '2:P0', '1:EMP1', '1:EMP2'];
    for (let k = 0; k < payers.length; k++) sc.pay(payers[k]!, 'T', 6_300 + k * 200, T0 + k * 10 * H);
    expect(maxFinding(runScenario(sc, homeRef), 'fan-in')).toBe(0);
  });

  // AMLworld builds a fan-in as the mirror of a fan-out: legs spread ±30 % around one unit. Judged from the last leg
  // (USD 2,742, band 1,828–4,113) the USD 1,800 leg is out; judged against the group (within 1.86×) all four count.
  const spreadFan = [2_900, 1_800, 2_745, 2_742];

  it('judges the legs against the group: a four-payer fan-in spread ±30 % is found', () => {
    const sc = new Scenario();
    spreadFan.forEach((usd, k) => {
      sc.pay(`P${k}`, 'T', usd, T0 + k * 6 * H, { paymentFormat: 'Wire' });
    });
    const run = runScenario(sc);
    expect(maxFinding(run, 'fan-in')).toBe(4);
    expect([...run.flagged].sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
  });

  it('counts in a group only payers seen once: a recurring payer is the payee’s own circle', () => {
    const sc = new Scenario();
    sc.pay('P1', 'T', 80, T0, { paymentFormat: 'Cash' });
    spreadFan.forEach((usd, k) => {
      sc.pay(`P${k}`, 'T', usd, T0 + (k + 1) * 6 * H, { paymentFormat: 'Wire' });
    });
    expect(maxFinding(runScenario(sc), 'fan-in')).toBe(0);
  });

  // USD 850–950 legs before a last one of USD 1,050 (the current leg must reach minBase 1,000)
  const smallFan = [850, 950, 900, 1_050];

  it('counts legs of USD 800–1,000 from payers abroad', () => {
    const sc = new Scenario();
    const payers = ['2:P0', '3:P1', '4:P2', '5:P3'];
    smallFan.forEach((usd, k) => {
      sc.pay(payers[k]!, 'T', usd, T0 + k * 9 * H);
    });
    const run = runScenario(sc, homeRef);
    expect(maxFinding(run, 'fan-in')).toBe(4);
    expect(run.flagged.size).toBe(4);
  });

  it('does not count them from payers at home', () => {
    const sc = new Scenario();
    smallFan.forEach((usd, k) => {
      sc.pay(`1:P${k}`, 'T', usd, T0 + k * 9 * H);
    });
    expect(maxFinding(runScenario(sc, homeRef), 'fan-in')).toBe(0);
  });

  // AMLworld draws one unit per fan (median USD 4,000, log-normal): about one fan in twenty-four has its unit below
  // USD 1,000, and its payers are picked across countries. Six payers abroad, each leg of USD 650–750.
  const smallAbroad = [650, 740, 700, 680, 720, 690];
  const abroadPayers = ['2:P0', '3:P1', '4:P2', '5:P3', '2:P4', '3:P5'];

  it('finds a fan-in whose legs all lie below USD 1,000 when its payers are abroad', () => {
    const sc = new Scenario();
    smallAbroad.forEach((usd, k) => {
      sc.pay(abroadPayers[k]!, 'T', usd, T0 + k * 9 * H);
    });
    const run = runScenario(sc, homeRef);
    expect(maxFinding(run, 'fan-in')).toBe(6);
    expect(run.flagged.size).toBe(6);
  });

  it('leaves the same small legs alone from payers at home', () => {
    const sc = new Scenario();
    smallAbroad.forEach((usd, k) => {
      sc.pay(`1:P${k}`, 'T', usd, T0 + k * 9 * H);
    });
    expect(maxFinding(runScenario(sc, homeRef), 'fan-in')).toBe(0);
  });
});
