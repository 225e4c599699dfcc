import { describe, expect, it } from 'vitest';
import { defaultMonitoringConfig } from '../config.ts';
import { type Leg, cashLegs as legs, maxFinding, reference, runScenario } from '../testing/scenario.ts';

// A 2×2 group with three legs (AMLworld forces P1→B and P2→Q, and draws P2→B with probability 0.6): P1 in GB and
// P2 in CN pay B in the US, and P2 pays Q in FR, USD 3,900–4,500 in cash. The payers are known people (accounts.csv):
// an account of unknown type may be a firm, whose payments abroad are its trade.
const people = { '2:P1': 'individual', '3:P2': 'individual' } as const;
const borderRef = reference({ '1': 'PK', '2': 'GB', '3': 'CN', '4': 'FR', '6': 'US' }, people);

const group: readonly Leg[] = [
  ['2:P1', '6:B', 4_000],
  ['3:P2', '4:Q', 4_300],
  ['3:P2', '6:B', 3_900],
];

describe('bipartite detector: three-leg groups (v1.5.0)', () => {
  it('finds two people abroad paying one payee, one of them paying another payee alike', () => {
    const run = runScenario(legs(group), borderRef);
    expect(maxFinding(run, 'bipartite')).toBe(3);
    expect(run.flagged.size).toBe(3);
  });

  it('finds it when the last leg is the payer’s leg to its own payee', () => {
    const run = runScenario(legs([group[0]!, group[2]!, group[1]!]), borderRef);
    expect(maxFinding(run, 'bipartite')).toBe(3);
    expect(run.flagged.size).toBe(3);
  });

  it('needs two payers paying an account of their own with linkPaying 2 (the fourth round’s rule)', () => {
    const config = defaultMonitoringConfig();
    const d = config.detectors.bipartite!;
    const old = {
      ...config,
      detectors: { ...config.detectors, bipartite: { ...d, params: { ...d.params, linkPaying: 2 } } },
    };
    expect(maxFinding(runScenario(legs(group), borderRef, old), 'bipartite')).toBe(0);
  });

  it('stays silent when one leg stays at home: one payer paying b alone is all that links the group', () => {
    const home: readonly Leg[] = [['6:P1', '6:B', 4_000], group[1]!, group[2]!];
    const ref = reference(
      { '1': 'PK', '2': 'GB', '3': 'CN', '4': 'FR', '6': 'US' },
      { ...people, '6:P1': 'individual' },
    );
    expect(maxFinding(runScenario(legs(home), ref), 'bipartite')).toBe(0);
  });

  it('stays silent on a payer’s leg beside the group (to its own circle): the group must hold the current leg', () => {
    const run = runScenario(legs([['3:P2', '1:X', 600], ...group, ['3:P2', '1:X', 4_100]]), borderRef);
    expect(maxFinding(run, 'bipartite')).toBe(3);
    expect(run.findings.get(4)?.get('bipartite')).toBeUndefined();
  });

  it('stays silent when a payer is a firm or an exchange house: paying abroad is their trade', () => {
    for (const t of ['company', 'msb'] as const) {
      for (const payer of ['2:P1', '3:P2']) {
        const ref = reference(
          { '1': 'PK', '2': 'GB', '3': 'CN', '4': 'FR', '6': 'US' },
          { ...people, [payer]: t },
        );
        expect(maxFinding(runScenario(legs(group), ref), 'bipartite')).toBe(0);
      }
    }
  });

  it('stays silent when the shared payee is a firm: people abroad paying one firm alike are its customers', () => {
    const ref = reference(
      { '1': 'PK', '2': 'GB', '3': 'CN', '4': 'FR', '6': 'US' },
      { ...people, '6:B': 'company' },
    );
    expect(maxFinding(runScenario(legs(group), ref), 'bipartite')).toBe(0);
  });

  it('stays silent when a third person abroad pays the shared payee alike: a household paid from abroad', () => {
    const ref = reference(
      { '1': 'PK', '2': 'GB', '3': 'CN', '4': 'FR', '5': 'AE', '6': 'US' },
      { ...people, '5:P3': 'individual' },
    );
    const run = runScenario(legs([['5:P3', '6:B', 4_200], ...group]), ref);
    expect(maxFinding(run, 'bipartite')).toBe(0);
  });

  it('stays silent when the legs spread wider than a group’s ±30 % around one unit', () => {
    const run = runScenario(
      legs([
        ['2:P1', '6:B', 2_100],
        ['3:P2', '4:Q', 4_300],
        ['3:P2', '6:B', 3_900],
      ]),
      borderRef,
    );
    expect(maxFinding(run, 'bipartite')).toBe(0);
  });
});
