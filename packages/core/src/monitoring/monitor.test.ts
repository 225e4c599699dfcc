import { describe, expect, it } from 'vitest';
import { fixedClock } from '../model/clock.ts';
import { defaultMonitoringConfig } from './config.ts';
import { createMonitor } from './monitor.ts';
import { D, H, runScenario, Scenario, T0 } from './testing/scenario.ts';

describe('createMonitor', () => {
  it('flags every leg of a fan-out retroactively and raises one merged alert', () => {
    const sc = new Scenario();
    for (let k = 0; k < 8; k++) sc.pay('S', `R${k}`, 1900 + k * 13, T0 + k * 3 * H);
    sc.pay('X', 'Y', 50, T0 + 5 * D);
    const scores = new Map<number, number>();
    const m = createMonitor({
      clock: fixedClock(0),
      onScore: (row, _id, score) => scores.set(row, Math.max(scores.get(row) ?? 0, score)),
    });
    for (const tx of sc.sorted()) m.process(tx);
    const alerts = m.finish();
    for (let row = 0; row < 8; row++) expect(scores.get(row), `row ${row}`).toBeGreaterThanOrEqual(0.5);
    expect(scores.has(8)).toBe(false);
    expect(alerts).toHaveLength(1);
    const a = alerts[0]!;
    expect(a.typologies).toContain('FAN-OUT');
    expect(a.rows).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(a.subgraph.nodes).toContain('1|S');
    expect(a.explanation.en).toMatch(/Fan-out/);
    expect(a.explanation.ar).toMatch(/توزيع/);
    expect(m.stats()).toEqual({ accounts: 11, transactions: 9, evicted: 0 });
  });

  it('flags a payment whose score is its flag threshold, though float32 holds 0.7 just below 0.7', () => {
    const sc = new Scenario();
    for (let k = 0; k < 8; k++) sc.pay('S', `R${k}`, 1900 + k * 13, T0 + k * 3 * H);
    const m = createMonitor({
      clock: fixedClock(0),
      config: { ...defaultMonitoringConfig(), flagThreshold: 0.7 },
    });
    const assessed = sc.sorted().map((tx) => m.process(tx));
    // the fan-out's band .02 weighs 0.7 (typologies.ts): the legs that reach it are held as float32 0.69999999
    expect(assessed.filter((a) => a.score === Math.fround(0.7))).toHaveLength(2);
    for (const a of assessed) expect(a.flag, `score ${a.score}`).toBe(a.score >= Math.fround(0.7));
  });

  it('gives the same alert ids on a rerun', () => {
    const sc = new Scenario();
    for (let k = 0; k < 8; k++) sc.pay(`P${k}`, 'T', 1700 + k, T0 + k * H);
    const run = () => {
      const m = createMonitor({ clock: fixedClock(0) });
      for (const tx of sc.sorted()) m.process(tx);
      return m.finish().map((a) => a.id);
    };
    const first = run();
    expect(first.length).toBe(1);
    expect(run()).toEqual(first);
  });

  it('traces proceeds one hop: quick onward payments of a flagged payee are flagged, card spending is not', () => {
    const sc = new Scenario();
    for (let k = 0; k < 7; k++) sc.pay('S', `R${k}`, 1500 + k * 40, T0 + k * 3 * H);
    const onward = sc.pay('R6', 'Z1', 900, T0 + 20 * H, { paymentFormat: 'Wire' });
    const card = sc.pay('R6', 'SHOP', 300, T0 + 21 * H, { paymentFormat: 'Credit Card' });
    const late = sc.pay('R5', 'Z2', 900, T0 + 4 * D);
    const run = runScenario(sc);
    expect(run.flagged.has(onward.row)).toBe(true);
    expect(run.flagged.has(card.row)).toBe(false);
    expect(run.flagged.has(late.row)).toBe(false);
  });

  it("traces what passes the proceeds on, not the payee's own small spending", () => {
    const sc = new Scenario();
    for (let k = 0; k < 7; k++) sc.pay('S', `R${k}`, 1500 + k * 40, T0 + k * 3 * H);
    // R6 received USD 1,740 flagged: a payment of about half of it moves the money on; USD 150 is its own spending
    const onward = sc.pay('R6', 'Z1', 800, T0 + 20 * H, { paymentFormat: 'ACH' });
    const spending = sc.pay('R6', 'Z2', 150, T0 + 22 * H, { paymentFormat: 'ACH' });
    const run = runScenario(sc);
    expect(run.flagged.has(onward.row)).toBe(true);
    expect(run.flagged.has(spending.row)).toBe(false);
    // with no lower bound, the spending is traced too
    const loose = runScenario(sc, undefined, {
      ...defaultMonitoringConfig(),
      fundsTracing: { ...defaultMonitoringConfig().fundsTracing, minShare: 0 },
    });
    expect(loose.flagged.has(spending.row)).toBe(true);
  });

  it('bounds the share by the smallest flagged credit of the run, and follows busy payees', () => {
    const sc = new Scenario();
    // R6 is paid in a fan-out of about USD 3,000 and then in one of about USD 1,700: two flagged credits, 20 h apart
    for (let k = 0; k < 7; k++) sc.pay('S2', k === 6 ? 'R6' : `Q${k}`, 3000 + k * 40, T0 + k * 2 * H);
    for (let k = 0; k < 7; k++) sc.pay('S', `R${k}`, 1500 + k * 40, T0 + 14 * H + k * 3 * H);
    // a shop paid 40 times a day by others: busier than the 10 legs a day that used to stop the trace
    for (let k = 0; k < 40; k++) sc.pay(`C${k}`, 'SHOP', 30 + k, T0 + 30 * H + k * 15 * 60_000);
    // 800 passes on 46 % of the smaller credit (USD 1,740) but only 16 % of both
    const onward = sc.pay('R6', 'Z1', 800, T0 + 40 * H, { paymentFormat: 'ACH' });
    const toShop = sc.pay('R6', 'SHOP', 900, T0 + 41 * H, { paymentFormat: 'ACH' });
    const run = runScenario(sc);
    expect(run.flagged.has(6)).toBe(true);
    expect(run.flagged.has(13)).toBe(true);
    expect(run.flagged.has(onward.row)).toBe(true);
    expect(run.flagged.has(toShop.row)).toBe(true);
  });

  it('takes a payment of exactly the lower share as passing it on', () => {
    const sc = new Scenario();
    for (let k = 0; k < 7; k++) sc.pay('S', `R${k}`, k === 6 ? 1500.15 : 1500 + k * 40, T0 + k * 3 * H);
    // 600.06 is 40 % of 1,500.15, though 0.4 × 1500.15 is 600.0600000000001 in floating point
    const exact = sc.pay('R6', 'Z1', 600.06, T0 + 20 * H, { paymentFormat: 'ACH' });
    const below = sc.pay('R6', 'Z2', 600.05, T0 + 21 * H, { paymentFormat: 'ACH' });
    const run = runScenario(sc);
    expect(run.flagged.has(exact.row)).toBe(true);
    expect(run.flagged.has(below.row)).toBe(false);
  });
});
