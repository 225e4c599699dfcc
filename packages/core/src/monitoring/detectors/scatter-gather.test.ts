import { describe, expect, it } from 'vitest';
import { detectorSlotReads } from '../testing/detector-reads.ts';
import { D, H, maxFinding, runScenario, Scenario, T0 } from '../testing/scenario.ts';

describe('scatter-gather detector', () => {
  it('finds a source split over intermediaries that all forward to one target', () => {
    const sc = new Scenario();
    for (let k = 0; k < 4; k++) sc.pay('S', `M${k}`, 4700 - k * 100, T0 + k * H);
    for (let k = 0; k < 4; k++) sc.pay(`M${k}`, 'T', (4700 - k * 100) * 0.98, T0 + 10 * H + k * H);
    const run = runScenario(sc);
    expect(maxFinding(run, 'scatter-gather')).toBe(4);
    expect(run.flagged.size).toBe(8);
  });

  it('does not link intermediaries that pay on amounts unrelated to what they received', () => {
    const sc = new Scenario();
    for (let k = 0; k < 4; k++) sc.pay('S', `M${k}`, 4700, T0 + k * H);
    for (let k = 0; k < 4; k++) sc.pay(`M${k}`, 'T', 1500, T0 + 10 * H + k * H);
    expect(maxFinding(runScenario(sc), 'scatter-gather')).toBe(0);
  });

  it('counts intermediaries that are ordinary accounts with a busy history (60 credits in ten days)', () => {
    const sc = new Scenario();
    // Two of the four middles are everyday accounts: six small credits a day for ten days before the scheme.
    for (let k = 0; k < 60; k++) {
      sc.pay(`C${k}`, 'M0', 80 + k, T0 + k * 4 * H);
      sc.pay(`D${k}`, 'M1', 90 + k, T0 + k * 4 * H + H);
    }
    const t1 = T0 + 10 * D;
    for (let k = 0; k < 4; k++) sc.pay('S', `M${k}`, 4700 - k * 100, t1 + k * H);
    for (let k = 0; k < 4; k++) sc.pay(`M${k}`, 'T', (4700 - k * 100) * 0.98, t1 + 10 * H + k * H);
    const run = runScenario(sc);
    expect(maxFinding(run, 'scatter-gather')).toBe(4);
    expect(run.flagged.size).toBe(8);
  });
});

describe('scatter-gather detector walks', () => {
  it('walks no middle’s credits while the target has a single candidate middle', () => {
    // S → M → T, and a card payment to T that is no candidate (another instrument)
    const sc = new Scenario();
    sc.pay('S', 'M', 4700, T0 + H);
    sc.pay('C', 'T', 4500, T0 + 2 * H, { paymentFormat: 'Credit Card' });
    sc.pay('M', 'T', 4600, T0 + 3 * H);
    expect(maxFinding(runScenario(sc), 'scatter-gather')).toBe(0);
    // the trigger (M's newest credit) and T's two credits; M's credits are not walked
    expect(detectorSlotReads('scatter-gather', sc)).toBe(3);
  });
});
