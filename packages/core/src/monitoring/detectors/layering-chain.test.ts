import { describe, expect, it } from 'vitest';
import { H, maxFinding, reference, runScenario, Scenario, T0 } from '../testing/scenario.ts';

describe('layering-chain detector (RANDOM)', () => {
  it('measures a chain of accounts each passing the amount on', () => {
    const sc = new Scenario();
    const chain = ['A', 'B', 'C', 'D', 'E', 'F'];
    for (let k = 0; k < 5; k++)
      sc.pay(chain[k]!, chain[k + 1]!, 10_000 * 0.96 ** k, T0 + k * 20 * H, { paymentFormat: 'Wire' });
    const run = runScenario(sc);
    expect(maxFinding(run, 'layering-chain')).toBe(5);
    expect(run.flagged.size).toBe(5);
  });

  it('treats a chain forwarded by businesses as trade', () => {
    const sc = new Scenario();
    const chain = ['A', 'B', 'C', 'D', 'E'];
    for (let k = 0; k < 4; k++) sc.pay(chain[k]!, chain[k + 1]!, 10_000 * 0.96 ** k, T0 + k * 20 * H);
    const ref = reference({}, { B: 'company', C: 'company', D: 'company' });
    expect(maxFinding(runScenario(sc, ref), 'layering-chain')).toBe(0);
  });

  it('still follows a chain of people that passes through two shell companies', () => {
    const sc = new Scenario();
    const chain = ['A', 'B', 'C', 'D', 'E', 'F'];
    for (let k = 0; k < 5; k++) sc.pay(chain[k]!, chain[k + 1]!, 10_000 * 0.96 ** k, T0 + k * 20 * H);
    const ref = reference({}, { B: 'company', D: 'company' });
    expect(maxFinding(runScenario(sc, ref), 'layering-chain')).toBe(5);
  });

  it('flags a short chain of three hops when every hop passes nearly all of it on within a day', () => {
    const sc = new Scenario();
    const chain = ['A', 'B', 'C', 'D'];
    for (let k = 0; k < 3; k++)
      sc.pay(chain[k]!, chain[k + 1]!, 12_000 * 0.97 ** k, T0 + k * 14 * H, { paymentFormat: 'Cash' });
    const run = runScenario(sc);
    expect(maxFinding(run, 'layering-chain')).toBe(3);
    expect([...run.flagged].sort((a, b) => a - b)).toEqual([0, 1, 2]);
  });

  it('leaves a short loose chain alone: a hop keeping 12 % back, or one two days later, is money moving on', () => {
    const kept = new Scenario();
    const late = new Scenario();
    const chain = ['A', 'B', 'C', 'D'];
    for (let k = 0; k < 3; k++) {
      kept.pay(chain[k]!, chain[k + 1]!, 12_000 * 0.88 ** k, T0 + k * 14 * H);
      late.pay(chain[k]!, chain[k + 1]!, 12_000 * 0.98 ** k, T0 + k * 48 * H);
    }
    expect(maxFinding(runScenario(kept), 'layering-chain')).toBe(0);
    expect(maxFinding(runScenario(late), 'layering-chain')).toBe(0);
    // The same loose hops in a long chain still count: length is the red flag there.
    const long = new Scenario();
    const six = ['A', 'B', 'C', 'D', 'E', 'F'];
    for (let k = 0; k < 5; k++) long.pay(six[k]!, six[k + 1]!, 12_000 * 0.9 ** k, T0 + k * 14 * H);
    expect(maxFinding(runScenario(long), 'layering-chain')).toBe(5);
  });
});
