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
});
