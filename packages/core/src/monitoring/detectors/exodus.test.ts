import { describe, expect, it } from 'vitest';
import { createDetectionStage } from '../detection-stage.ts';
import type { Firing } from '../firing.ts';
import { H, maxFinding, reference, runScenario, Scenario, T0 } from '../testing/scenario.ts';

const ref = reference({
  SY: 'SY',
  DE: 'DE',
  FR: 'FR',
  JO: 'JO',
  VN: 'VN',
  LB: 'LB',
  TR: 'TR',
  CH: 'CH',
  SA: 'SA',
  GB: 'GB',
});

describe('exodus detector (TF-EXODUS)', () => {
  it('fires when a person in a conflict zone pays people in Europe again and again', () => {
    const sc = new Scenario();
    for (let k = 0; k < 5; k++)
      sc.pay('SY:A', `DE:B${k % 2}`, 12_000 + k * 700, T0 + k * 10 * H, { paymentFormat: 'Wire' });
    const run = runScenario(sc, ref);
    expect(maxFinding(run, 'exodus')).toBe(1);
    expect(run.flagged.size).toBeGreaterThanOrEqual(4);
  });

  it('fires on two large transfers by a person in a conflict zone into Europe, not on two small remittances', () => {
    const large = new Scenario();
    large.pay('SY:A', 'DE:B', 8_000, T0, { paymentFormat: 'Wire' });
    large.pay('SY:A', 'FR:C', 9_500, T0 + 30 * H, { paymentFormat: 'Wire' });
    const run = runScenario(large, ref);
    expect(maxFinding(run, 'exodus')).toBe(1);
    expect(run.flagged.size).toBe(2);
    const small = new Scenario();
    small.pay('SY:A', 'DE:B', 1_500, T0, { paymentFormat: 'Wire' });
    small.pay('SY:A', 'FR:C', 1_800, T0 + 30 * H, { paymentFormat: 'Wire' });
    expect(maxFinding(runScenario(small, ref), 'exodus')).toBe(0);
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

  it('flags a transit account relaying risky-country money to Europe in a few payments, both halves', () => {
    const sc = new Scenario();
    const w = { paymentFormat: 'Wire' } as const;
    sc.pay('LB:O', 'TR:M', 9_500, T0, w);
    sc.pay('LB:O', 'TR:M', 8_600, T0 + 9 * H, w);
    sc.pay('TR:M', 'CH:B', 9_200, T0 + 16 * H, w);
    sc.pay('TR:M', 'CH:B', 8_400, T0 + 29 * H, w);
    sc.pay('SY:P', 'TR:M', 11_800, T0 + 44 * H, w);
    sc.pay('TR:M', 'CH:B', 11_500, T0 + 63 * H, w);
    const run = runScenario(sc, ref);
    expect(maxFinding(run, 'exodus')).toBeGreaterThanOrEqual(0.5);
    // the credits from Lebanon and Syria are evidence, so the whole flow is flagged
    expect([...run.flagged].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('fires on a firm in a conflict zone sending a person in Europe nothing but large lump sums', () => {
    const w = { paymentFormat: 'Wire' } as const;
    const r = reference(
      { SY: 'SY', DE: 'DE' },
      { 'SY:F': 'company', 'DE:P': 'individual', 'DE:S': 'company' },
    );
    const lumps = new Scenario();
    for (let k = 0; k < 3; k++) lumps.pay('SY:F', 'DE:P', 15_000 + k * 1_000, T0 + k * 20 * H, w);
    const run = runScenario(lumps, r);
    expect(maxFinding(run, 'exodus')).toBe(1);
    expect([...run.flagged].sort()).toEqual([0, 1, 2]);
    expect(run.alerts.flatMap((a) => a.typologies)).toContain('TF-EXODUS');

    // two lump sums are not yet a pattern
    const two = new Scenario();
    for (let k = 0; k < 2; k++) two.pay('SY:F', 'DE:P', 15_000, T0 + k * 20 * H, w);
    expect(maxFinding(runScenario(two, r), 'exodus')).toBe(0);

    // the same firm also paying that person a small sum: an ordinary relationship (wages, refunds), not lump sums
    const ordinary = new Scenario();
    ordinary.pay('SY:F', 'DE:P', 900, T0 - 10 * H, { paymentFormat: 'ACH' });
    for (let k = 0; k < 3; k++) ordinary.pay('SY:F', 'DE:P', 15_000 + k * 1_000, T0 + k * 20 * H, w);
    expect(maxFinding(runScenario(ordinary, r), 'exodus')).toBe(0);

    // a firm in Europe is paid for trade, and a payee not known to be a person is not counted as one: the payment to
    // the one person is a single lump sum
    const trade = new Scenario();
    trade.pay('SY:F', 'DE:S', 15_000, T0, w);
    trade.pay('SY:F', 'DE:U', 15_000, T0 + 20 * H, w);
    trade.pay('SY:F', 'DE:P', 15_000, T0 + 40 * H, w);
    expect(maxFinding(runScenario(trade, r), 'exodus')).toBe(0);

    // a state body paying people abroad (pensions) is not a firm
    const state = new Scenario();
    for (let k = 0; k < 3; k++) state.pay('SY:G', 'DE:P', 15_000, T0 + k * 20 * H, w);
    const withState = reference({ SY: 'SY', DE: 'DE' }, { 'SY:G': 'government', 'DE:P': 'individual' });
    expect(maxFinding(runScenario(state, withState), 'exodus')).toBe(0);
  });

  it('centres the lump sums on the firm, and leaves them out of a relay alert when they do not make a pattern', () => {
    const w = { paymentFormat: 'Wire' } as const;
    const r = reference(
      { SY: 'SY', DE: 'DE', IQ: 'IQ' },
      { 'SY:F': 'company', 'DE:P': 'individual', 'DE:Q': 'individual', 'DE:R': 'individual' },
    );
    const firingsOf = (sc: Scenario): Firing[] => {
      const out: Firing[] = [];
      const stage = createDetectionStage({ reference: r, onFiring: (f) => out.push(f) });
      for (const tx of sc.sorted()) stage.process(tx);
      return out.filter((f) => f.typology === 'TF-EXODUS');
    };
    // three people, one lump sum each: no person is paid three times, so only the firm joins them
    const spread = new Scenario();
    spread.pay('SY:F', 'DE:P', 15_000, T0, w);
    spread.pay('SY:F', 'DE:Q', 16_000, T0 + 20 * H, w);
    spread.pay('SY:F', 'DE:R', 17_000, T0 + 40 * H, w);
    const fired = firingsOf(spread);
    expect(fired.map((f) => f.anchor)).toEqual(['SY|F']);
    expect(fired[0]?.evidence.map((e) => e.row).sort()).toEqual([0, 1, 2]);

    // one lump sum to a person, then the firm relays money it got from Iraq to a firm in Europe: the relay alert holds
    // the Iraqi credit and the onward payments, not the earlier lump sum (shape 5 did not fire)
    const relay = new Scenario();
    const firms = reference(
      { SY: 'SY', DE: 'DE', IQ: 'IQ' },
      { 'SY:F': 'company', 'DE:P': 'individual', 'DE:Q': 'individual', 'DE:S': 'company' },
    );
    relay.pay('SY:F', 'DE:P', 15_000, T0, w);
    relay.pay('IQ:Z', 'SY:F', 40_000, T0 + 10 * H, w);
    relay.pay('SY:F', 'DE:S', 10_000, T0 + 20 * H, w);
    relay.pay('SY:F', 'DE:S', 10_000, T0 + 25 * H, w);
    relay.pay('SY:F', 'DE:Q', 10_000, T0 + 30 * H, w);
    const relayRun = runScenario(relay, firms);
    expect(maxFinding(relayRun, 'exodus')).toBeGreaterThan(0);
    expect(relayRun.flagged.has(0)).toBe(false);
  });

  it('stays silent on a firm whose payments to Europe far exceed what it got from risky countries', () => {
    const sc = new Scenario();
    const w = { paymentFormat: 'Wire' } as const;
    const r = reference({ LB: 'LB', SA: 'SA', GB: 'GB' }, { 'SA:F': 'company', 'GB:S': 'company' });
    sc.pay('LB:O', 'SA:F', 5_000, T0, w);
    for (let k = 0; k < 6; k++) sc.pay('SA:F', 'GB:S', 20_000 + k * 1_000, T0 + (k + 1) * 6 * H, w);
    expect(maxFinding(runScenario(sc, r), 'exodus')).toBe(0);
  });
});
