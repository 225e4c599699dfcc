import { describe, expect, it } from 'vitest';
import { H, maxFinding, runScenario, Scenario, T0 } from '../testing/scenario.ts';

describe('cycle detector', () => {
  it('closes a temporal cycle whose hops pass the amount on', () => {
    const sc = new Scenario();
    const path = ['A', 'B', 'C', 'D', 'E', 'A'];
    for (let k = 0; k < 5; k++) sc.pay(path[k]!, path[k + 1]!, 18_000 * 0.97 ** k, T0 + k * 12 * H);
    const run = runScenario(sc);
    expect(maxFinding(run, 'cycle')).toBe(5);
    expect(run.flagged.size).toBe(5);
    expect(run.alerts[0]?.typologies).toContain('CYCLE');
  });

  it('ignores a return payment that is not the money sent round', () => {
    const sc = new Scenario();
    sc.pay('A', 'B', 18_000, T0);
    sc.pay('B', 'C', 17_500, T0 + 12 * H);
    sc.pay('C', 'A', 2_000, T0 + 24 * H);
    expect(maxFinding(runScenario(sc), 'cycle')).toBe(0);
  });

  it('requires time order: a path whose hops run backwards in time is not a cycle', () => {
    const sc = new Scenario();
    sc.pay('B', 'C', 17_500, T0);
    sc.pay('A', 'B', 18_000, T0 + 12 * H);
    sc.pay('C', 'A', 17_000, T0 + 24 * H);
    expect(maxFinding(runScenario(sc), 'cycle')).toBe(0);
  });
});
