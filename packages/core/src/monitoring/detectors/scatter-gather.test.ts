import { describe, expect, it } from 'vitest';
import { defaultMonitoringConfig } from '../config.ts';
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

/**
 * Three middles paid by S forward to T, then X (paid by Y, what X forwards) pays T: on X's leg the middles are
 * walked newest first (X, M2, M1, M0), X's credit counts for Y alone, and S's three are exactly the bands' floor.
 */
function floorScenario(shared: number): { sc: Scenario; last: number } {
  const sc = new Scenario();
  for (let k = 0; k < shared; k++) sc.pay('S', `M${k}`, 4700 - k * 100, T0 + k * H);
  sc.pay('Y', 'X', 3050, T0 + 5 * H);
  for (let k = 0; k < shared; k++) sc.pay(`M${k}`, 'T', (4700 - k * 100) * 0.98, T0 + 10 * H + k * H);
  const last = sc.pay('X', 'T', 3000, T0 + 20 * H).row;
  return { sc, last };
}

describe('scatter-gather detector and the bands’ floor (walks skipped only when the value cannot count)', () => {
  it('counts a source shared by exactly the floor of middles after a middle that matched nothing', () => {
    // with one middle walked and its source at 1, the best source can still reach 3 with the three left: no early stop
    const { sc, last } = floorScenario(3);
    expect(runScenario(sc).findings.get(last)?.get('scatter-gather')).toBe(3);
  });

  it('counts a source shared by exactly as many candidate middles as the floor, with no other candidate', () => {
    // review of bf4be2c: "fewer candidate middles than the floor" must not become "no more than the floor"
    const sc = new Scenario();
    for (let k = 0; k < 3; k++) sc.pay('S', `M${k}`, 4700 - k * 100, T0 + k * H);
    let last = 0;
    for (let k = 0; k < 3; k++) last = sc.pay(`M${k}`, 'T', (4700 - k * 100) * 0.98, T0 + 10 * H + k * H).row;
    expect(runScenario(sc).findings.get(last)?.get('scatter-gather')).toBe(3);
  });

  it('returns nothing below the floor, and reads the floor from the configured bands', () => {
    const { sc, last } = floorScenario(2);
    expect(runScenario(sc).findings.get(last)?.get('scatter-gather')).toBeUndefined();
    const config = defaultMonitoringConfig();
    const sg = config.detectors['scatter-gather']!;
    const low = {
      ...config,
      detectors: { ...config.detectors, 'scatter-gather': { ...sg, bands: [2, 4, 6] as const } },
    };
    expect(runScenario(sc, undefined, low).findings.get(last)?.get('scatter-gather')).toBe(2);
  });
});

describe('scatter-gather detector: the current leg is a hop (v1.1.0)', () => {
  it('stays silent on a later credit of the target that forwards nothing: the pattern was judged on its own legs', () => {
    // S → M0…M3 → T, then X, paid an unrelated amount by Y, pays T: X's leg is no hop, whatever T's credits show
    const sc = new Scenario();
    for (let k = 0; k < 4; k++) sc.pay('S', `M${k}`, 4700 - k * 100, T0 + k * H);
    sc.pay('Y', 'X', 100, T0 + 5 * H);
    for (let k = 0; k < 4; k++) sc.pay(`M${k}`, 'T', (4700 - k * 100) * 0.98, T0 + 10 * H + k * H);
    const last = sc.pay('X', 'T', 3000, T0 + 20 * H).row;
    const run = runScenario(sc);
    expect(maxFinding(run, 'scatter-gather')).toBe(4);
    expect(run.findings.get(last)?.get('scatter-gather')).toBeUndefined();
  });

  it('walks none of the target’s credits when the payer received nothing it forwards', () => {
    // the trigger (X's newest credit) and X's one credit, then nothing: T's four credits are not read
    const sc = new Scenario();
    for (let k = 0; k < 3; k++) sc.pay(`P${k}`, 'T', 4000 + k * 10, T0 + k * H);
    sc.pay('Y', 'X', 100, T0 + 5 * H);
    sc.pay('X', 'T', 3000, T0 + 20 * H);
    expect(detectorSlotReads('scatter-gather', sc)).toBe(2);
  });
});

describe('scatter-gather detector walks', () => {
  it('walks no middle’s credits while the target has a single candidate middle', () => {
    // S → M → T, a small ACH credit of T (no candidate: below minBase) and a card payment to T (another instrument)
    const sc = new Scenario();
    sc.pay('S', 'M', 4700, T0 + H);
    sc.pay('C', 'T', 4500, T0 + 2 * H, { paymentFormat: 'Credit Card' });
    sc.pay('D', 'T', 120, T0 + 2 * H);
    sc.pay('M', 'T', 4600, T0 + 3 * H);
    expect(maxFinding(runScenario(sc), 'scatter-gather')).toBe(0);
    // the trigger (M's newest credit), M's hop (that credit again: S's payment) and T's three credits; M's credits
    // are not walked as a middle's
    expect(detectorSlotReads('scatter-gather', sc)).toBe(5);
  });

  it('walks nothing when the target had no other credit of the leg’s format (decision 0019)', () => {
    // S → M → T, and only a card payment to T before: M is the only possible middle
    const sc = new Scenario();
    sc.pay('S', 'M', 4700, T0 + H);
    sc.pay('C', 'T', 4500, T0 + 2 * H, { paymentFormat: 'Credit Card' });
    sc.pay('M', 'T', 4600, T0 + 3 * H);
    expect(maxFinding(runScenario(sc), 'scatter-gather')).toBe(0);
    expect(detectorSlotReads('scatter-gather', sc)).toBe(0);
  });
});
