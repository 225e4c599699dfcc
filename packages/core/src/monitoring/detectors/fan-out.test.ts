import { describe, expect, it } from 'vitest';
import { detectorEntityReads } from '../testing/detector-reads.ts';
import { H, MIN, maxFinding, reference, runScenario, Scenario, T0 } from '../testing/scenario.ts';

describe('fan-out detector', () => {
  it('counts distinct people paid similar amounts by one payer and flags every leg', () => {
    const sc = new Scenario();
    for (let k = 0; k < 7; k++) sc.pay('S', `R${k}`, 1500 + k * 40, T0 + k * 5 * H);
    const run = runScenario(sc);
    expect(maxFinding(run, 'fan-out')).toBe(7);
    expect([...run.flagged].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(run.alerts.map((a) => a.typologies[0])).toEqual(['FAN-OUT']);
  });

  it('stays silent on a payroll batch and on payments to businesses', () => {
    const payroll = new Scenario();
    for (let k = 0; k < 12; k++) payroll.pay('EMPLOYER', `E${k}`, 2500 + k, T0 + 9 * H);
    expect(maxFinding(runScenario(payroll), 'fan-out')).toBe(0);

    const bills = new Scenario();
    const entities: Record<string, 'company'> = {};
    for (let k = 0; k < 7; k++) {
      bills.pay('S', `SHOP${k}`, 1500 + k * 40, T0 + k * 5 * H);
      entities[`SHOP${k}`] = 'company';
    }
    expect(maxFinding(runScenario(bills, reference({}, entities)), 'fan-out')).toBe(0);
  });

  it('counts only legs of the same instrument and of similar size', () => {
    const same = new Scenario();
    const mixed = new Scenario();
    for (let k = 0; k < 8; k++) {
      same.pay('S', `R${k}`, 1500, T0 + k * H);
      mixed.pay('S', `R${k}`, k === 7 ? 40_000 : 1500, T0 + k * H + MIN, {
        paymentFormat: k % 3 === 0 ? 'ACH' : k % 3 === 1 ? 'Wire' : 'Cheque',
      });
    }
    expect(maxFinding(runScenario(same), 'fan-out')).toBe(8);
    expect(maxFinding(runScenario(mixed), 'fan-out')).toBe(0);
  });

  it('finds a small fan-out of four similar payments, but not four of very different sizes', () => {
    const small = new Scenario();
    const spread = new Scenario();
    const amounts = [1_500, 2_400, 900, 4_000];
    for (let k = 0; k < 4; k++) {
      small.pay('S', `R${k}`, 1_500 + k * 150, T0 + k * 7 * H, { paymentFormat: 'Wire' });
      spread.pay('S', `R${k}`, amounts[k]!, T0 + k * 7 * H, { paymentFormat: 'Wire' });
    }
    const run = runScenario(small);
    expect(maxFinding(run, 'fan-out')).toBe(4);
    expect(run.flagged.size).toBe(4);
    expect(maxFinding(runScenario(spread), 'fan-out')).toBe(0);
  });

  // AMLworld spreads a fan's legs ±30 % around one unit: judged from the last leg (USD 2,742, band 1,828–4,113) the
  // USD 1,800 leg is out, judged against the group (1,800–2,900, within 1.86×) all four are one fan.
  const spreadFan = [2_900, 1_800, 2_745, 2_742];

  it('judges a fan’s legs against the group: a four-leg fan spread ±30 % is found', () => {
    const sc = new Scenario();
    spreadFan.forEach((usd, k) => {
      sc.pay('S', `R${k}`, usd, T0 + k * 6 * H, { paymentFormat: 'Wire' });
    });
    const run = runScenario(sc);
    expect(maxFinding(run, 'fan-out')).toBe(4);
    expect([...run.flagged].sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
  });

  it('counts in a group only accounts paid once: a recurring payee is the payer’s own circle', () => {
    const sc = new Scenario();
    sc.pay('S', 'R1', 80, T0, { paymentFormat: 'Cash' });
    spreadFan.forEach((usd, k) => {
      sc.pay('S', `R${k}`, usd, T0 + (k + 1) * 6 * H, { paymentFormat: 'Wire' });
    });
    expect(maxFinding(runScenario(sc), 'fan-out')).toBe(0);
  });

  // Banks 1–5 in five countries: the payer in AE, its payees abroad.
  const abroadRef = reference(
    { '1': 'AE', '2': 'TR', '3': 'GB', '4': 'PK', '5': 'US' },
    {
      '5:CO': 'company',
      '1:SHOP0': 'company',
      '1:SHOP1': 'company',
      '1:SHOP2': 'company',
      '1:SHOP3': 'company',
    },
  );

  it('counts a firm abroad among the payees: a laundering fan mixes people and firms across borders', () => {
    const sc = new Scenario();
    const payees = ['2:R0', '3:R1', '5:CO', '4:R2'];
    for (let k = 0; k < payees.length; k++) sc.pay('S', payees[k]!, 1_500 + k * 120, T0 + k * 9 * H);
    const run = runScenario(sc, abroadRef);
    expect(maxFinding(run, 'fan-out')).toBe(4);
    expect([...run.flagged].sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
  });

  // USD 850–950 legs before a last one of USD 1,050 (the current leg must reach minBase 1,000)
  const smallFan = [850, 950, 900, 1_050];

  it('counts legs of USD 800–1,000 to people abroad', () => {
    const sc = new Scenario();
    const payees = ['2:R0', '3:R1', '4:R2', '5:R3'];
    smallFan.forEach((usd, k) => {
      sc.pay('S', payees[k]!, usd, T0 + k * 9 * H);
    });
    const run = runScenario(sc, abroadRef);
    expect(maxFinding(run, 'fan-out')).toBe(4);
    expect(run.flagged.size).toBe(4);
  });

  it('does not count them to people at home', () => {
    const sc = new Scenario();
    smallFan.forEach((usd, k) => {
      sc.pay('S', `1:R${k}`, usd, T0 + k * 9 * H);
    });
    expect(maxFinding(runScenario(sc, abroadRef), 'fan-out')).toBe(0);
  });

  it('stays silent on a person paying domestic firms (bills, shops) alongside people abroad', () => {
    const sc = new Scenario();
    const payees = ['1:SHOP0', '2:R0', '1:SHOP1', '3:R1', '1:SHOP2', '1:SHOP3'];
    for (let k = 0; k < payees.length; k++) sc.pay('S', payees[k]!, 1_500 + k * 60, T0 + k * 9 * H);
    expect(maxFinding(runScenario(sc, abroadRef), 'fan-out')).toBe(0);
  });

  // A firm in AE (bank 1) with a busy domestic trade: one payment every 70 minutes for four days (about 20 a day,
  // below the busy rate), more legs in the window than the walk examines (maxScan 64).
  const firmRef = reference(
    { '1': 'AE', '2': 'TR', '3': 'GB', '4': 'PK', '5': 'US' },
    { '1:FIRM': 'company' },
  );
  function busyFirm(fan: readonly string[]): Scenario {
    const sc = new Scenario();
    for (let k = 0; k < 80; k++) sc.pay('1:FIRM', `1:D${k % 40}`, 150 + (k % 9) * 35, T0 + k * 70 * MIN);
    fan.forEach((payee, k) => {
      sc.pay('1:FIRM', payee, 1_200 + k * 50, T0 + 3 * 24 * H + k * 3 * H, { paymentFormat: 'Cash' });
    });
    return sc;
  }

  it('finds a busy firm paying people abroad though its walk is cut by maxScan', () => {
    const run = runScenario(busyFirm(['2:R0', '3:R1', '4:R2', '5:R3', '2:R4']), firmRef);
    expect(maxFinding(run, 'fan-out')).toBe(5);
    expect(run.flagged.size).toBe(5);
  });

  it('stays silent on the same busy firm paying people at home alike', () => {
    const run = runScenario(busyFirm(['1:R0', '1:R1', '1:R2', '1:R3', '1:R4']), firmRef);
    expect(maxFinding(run, 'fan-out')).toBe(0);
  });
});

describe('fan-out detector walks', () => {
  it('reads no payee’s state for a person’s legs outside the similar-amount band', () => {
    // USD 5,000 now: 5,100 is similar (within 1.5×); 9,800 is only inside the wider band kept for firms' routine
    // legs (1.95×), beyond a group's spread (1.86×)
    const sc = new Scenario();
    sc.pay('P', 'R1', 9800, T0 + H);
    sc.pay('P', 'R2', 9800, T0 + 2 * H);
    sc.pay('P', 'R3', 5100, T0 + 3 * H);
    sc.pay('P', 'R4', 5000, T0 + 4 * H);
    // the centre's own entity, then R4 and R3; not R1 or R2
    expect(detectorEntityReads('fan-out', sc)).toBe(3);
  });

  it('reads a group candidate’s state only when its group would raise the degree', () => {
    // 9,500 is inside the wide band (1.95× of 5,000) but 1.9× the smallest leg: no group of three within 1.86×
    const sc = new Scenario();
    sc.pay('P', 'R1', 9500, T0 + H);
    sc.pay('P', 'R3', 5100, T0 + 3 * H);
    sc.pay('P', 'R4', 5000, T0 + 4 * H);
    expect(detectorEntityReads('fan-out', sc)).toBe(3);
  });
});
