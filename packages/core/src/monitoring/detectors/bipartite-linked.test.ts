import { describe, expect, it } from 'vitest';
import { cashLegs as legs, maxFinding, reference, runScenario } from '../testing/scenario.ts';

// A 2×3 group sharing one payee (AMLworld draws a group's legs at random, so many share only one): P1 in GB and P2
// in CN both pay B in the US, and each pays a payee of its own (Q1 in LB, Q2 in FR), USD 3,900–4,500 in cash.
const borderRef = reference({ '1': 'PK', '2': 'GB', '3': 'CN', '4': 'FR', '5': 'LB', '6': 'US' }, {});

describe('bipartite detector: groups linked through one shared payee (v1.4.0)', () => {
  it('finds the group when its last leg is into the shared payee', () => {
    const run = runScenario(
      legs([
        ['2:P1', '5:Q1', 4_000],
        ['3:P2', '4:Q2', 4_300],
        ['2:P1', '6:B', 4_500],
        ['3:P2', '6:B', 3_900],
      ]),
      borderRef,
    );
    expect(maxFinding(run, 'bipartite')).toBe(4);
    expect(run.flagged.size).toBe(4);
  });

  it('finds it when its last leg is a payer’s leg to its own payee (the shared payee tried from the payer)', () => {
    const run = runScenario(
      legs([
        ['2:P1', '6:B', 4_500],
        ['3:P2', '6:B', 3_900],
        ['2:P1', '5:Q1', 4_000],
        ['3:P2', '4:Q2', 4_300],
      ]),
      borderRef,
    );
    expect(maxFinding(run, 'bipartite')).toBe(4);
    expect(run.flagged.size).toBe(4);
  });

  it('stays silent on the same payments between people at home: everyday transfers are domestic', () => {
    const run = runScenario(
      legs([
        ['1:P1', '1:Q1', 4_000],
        ['1:P2', '1:Q2', 4_300],
        ['1:P1', '1:B', 4_500],
        ['1:P2', '1:B', 3_900],
      ]),
      borderRef,
    );
    expect(maxFinding(run, 'bipartite')).toBe(0);
  });

  it('stays silent on two firms paying one supplier abroad beside their own staff at home (payroll is trade)', () => {
    const firms = reference({ '2': 'GB', '3': 'CN', '6': 'US' }, { '2:F1': 'company', '3:F2': 'company' });
    const run = runScenario(
      legs([
        ['2:F1', '2:S1', 4_000],
        ['3:F2', '3:S2', 4_300],
        ['2:F1', '6:B', 4_500],
        ['3:F2', '6:B', 3_900],
      ]),
      firms,
    );
    expect(maxFinding(run, 'bipartite')).toBe(0);
  });

  it('stays silent when a payer pays its own payee again: that payee is its circle', () => {
    const run = runScenario(
      legs([
        ['2:P1', '5:Q1', 150],
        ['2:P1', '5:Q1', 4_000],
        ['3:P2', '4:Q2', 4_300],
        ['2:P1', '6:B', 4_500],
        ['3:P2', '6:B', 3_900],
      ]),
      borderRef,
    );
    expect(maxFinding(run, 'bipartite')).toBe(0);
  });

  it('stays silent when the legs spread wider than a group’s ±30 % around one unit', () => {
    const run = runScenario(
      legs([
        ['2:P1', '5:Q1', 2_100],
        ['3:P2', '4:Q2', 7_800],
        ['2:P1', '6:B', 4_500],
        ['3:P2', '6:B', 3_900],
      ]),
      borderRef,
    );
    expect(maxFinding(run, 'bipartite')).toBe(0);
  });
});
