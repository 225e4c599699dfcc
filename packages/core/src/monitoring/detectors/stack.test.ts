import { describe, expect, it } from 'vitest';
import { detectorSlotReads } from '../testing/detector-reads.ts';
import { H, maxFinding, reference, runScenario, Scenario, T0 } from '../testing/scenario.ts';

/** U1, U2 → S1, S2 (upper layer), then S1, S2 → B1, B2 (lower layer), two hours apart, with the given amounts. */
function twoLayers(amounts: (k: number) => number, upper = ['U1', 'U2']): Scenario {
  const sc = new Scenario();
  const legs: [string, string][] = [];
  for (const u of upper) for (const s of ['S1', 'S2']) legs.push([u, s]);
  for (const s of ['S1', 'S2']) for (const b of ['B1', 'B2']) legs.push([s, b]);
  legs.forEach(([from, to], k) => {
    sc.pay(from, to, amounts(k), T0 + (k + 1) * 2 * H);
  });
  return sc;
}

describe('stack detector', () => {
  it('finds two layers of group-to-group payments', () => {
    const run = runScenario(twoLayers((k) => 12_000 - k * 60));
    expect(maxFinding(run, 'stack')).toBeGreaterThanOrEqual(6);
    expect(run.flagged.size).toBe(8);
  });

  it('stays silent when the layers carry unrelated amounts', () => {
    const amounts = [1200, 9000, 2500, 14_000, 3000, 11_000, 1800, 7000];
    expect(maxFinding(runScenario(twoLayers((k) => amounts[k]!)), 'stack')).toBe(0);
  });

  it('finds two layers moving amounts under USD 1,000', () => {
    const run = runScenario(twoLayers((k) => 850 - k * 6));
    expect(maxFinding(run, 'stack')).toBeGreaterThanOrEqual(6);
    expect(run.flagged.size).toBe(8);
  });

  it('counts the whole lower layer, not only the payments into the current payee', () => {
    // U1 pays S1 and S2, U2 pays S1; S1 and S2 each pay B once and someone else once (AMLworld's sparse layers).
    const sc = new Scenario();
    const legs: [string, string][] = [
      ['U1', 'S1'],
      ['U1', 'S2'],
      ['U2', 'S1'],
      ['S1', 'C1'],
      ['S2', 'C2'],
      ['S1', 'B'],
      ['S2', 'B'],
    ];
    legs.forEach(([from, to], k) => {
      sc.pay(from, to, 8_000 - k * 90, T0 + (k + 1) * 5 * H);
    });
    const run = runScenario(sc);
    expect(maxFinding(run, 'stack')).toBe(7);
    expect(run.flagged.size).toBe(7);
  });

  // The middle group and its payees at bank 1 (DE); upper payers are firms at home (bank 1) or abroad (bank 2, AE).
  const firmsRef = reference(
    { '1': 'DE', '2': 'AE' },
    { '1:F1': 'company', '1:F2': 'company', '2:F1': 'company', '2:F2': 'company' },
  );

  it('counts firms abroad in the upper layer, but not domestic firms paying people (salary, invoices)', () => {
    const abroad = runScenario(
      twoLayers((k) => 12_000 - k * 60, ['2:F1', '2:F2']),
      firmsRef,
    );
    expect(maxFinding(abroad, 'stack')).toBeGreaterThanOrEqual(6);
    expect(abroad.flagged.size).toBe(8);
    const home = runScenario(
      twoLayers((k) => 12_000 - k * 60, ['1:F1', '1:F2']),
      firmsRef,
    );
    expect(maxFinding(home, 'stack')).toBe(0);
  });
});

describe('stack detector walks', () => {
  it('does not walk the members’ credits a second time when no upstream payer is shared', () => {
    // U1 → S1 and U2 → S2: two payers of B, each with its own upstream payer (no upper layer)
    const sc = new Scenario();
    sc.pay('U1', 'S1', 5000, T0 + 2 * H);
    sc.pay('U2', 'S2', 5100, T0 + 4 * H);
    sc.pay('S1', 'B', 4900, T0 + 6 * H);
    sc.pay('S2', 'B', 5000, T0 + 8 * H);
    expect(maxFinding(runScenario(sc), 'stack')).toBe(0);
    // B's two credits, then one credit of each of S1 and S2; nothing more
    expect(detectorSlotReads('stack', sc)).toBe(4);
  });
});
