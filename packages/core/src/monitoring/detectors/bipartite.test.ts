import { describe, expect, it } from 'vitest';
import { H, maxFinding, reference, runScenario, Scenario, T0 } from '../testing/scenario.ts';

function grid(sc: Scenario, payers = ['P1', 'P2', 'P3'], payees = ['Q1', 'Q2', 'Q3']): void {
  let t = T0;
  for (const p of payers) {
    for (const q of payees) {
      sc.pay(p, q, 6000 + ((t / H) % 7) * 100, t, { paymentFormat: 'Cash' });
      t += 2 * H;
    }
  }
}

describe('bipartite detector', () => {
  it('finds a set of payers paying a set of payees', () => {
    const sc = new Scenario();
    grid(sc);
    const run = runScenario(sc);
    expect(maxFinding(run, 'bipartite')).toBeGreaterThanOrEqual(6);
    expect(run.flagged.size).toBeGreaterThanOrEqual(7);
  });

  it('ignores exchange houses collecting from several customers', () => {
    const sc = new Scenario();
    grid(sc);
    const ref = reference({}, { Q1: 'msb', Q2: 'msb', Q3: 'msb' });
    expect(maxFinding(runScenario(sc, ref), 'bipartite')).toBe(0);
  });

  // Exchange houses in DK (bank 1); customers at home (bank 1) or abroad (banks 2–4).
  const exchangeRef = reference(
    { '1': 'DK', '2': 'AE', '3': 'CN', '4': 'OM' },
    { '1:Q1': 'msb', '1:Q2': 'msb', '1:Q3': 'msb' },
  );

  it('stays silent on an exchange house’s local customers', () => {
    const sc = new Scenario();
    grid(sc, ['1:P1', '1:P2', '1:P3'], ['1:Q1', '1:Q2', '1:Q3']);
    expect(maxFinding(runScenario(sc, exchangeRef), 'bipartite')).toBe(0);
  });

  it('counts exchange houses paid from abroad: a group abroad paying foreign exchange houses is hawala-like', () => {
    const sc = new Scenario();
    grid(sc, ['2:P1', '3:P2', '4:P3'], ['1:Q1', '1:Q2', '1:Q3']);
    const run = runScenario(sc, exchangeRef);
    expect(maxFinding(run, 'bipartite')).toBeGreaterThanOrEqual(6);
    expect(run.flagged.size).toBeGreaterThanOrEqual(7);
  });

  it('finds a bipartite group moving amounts under USD 1,000', () => {
    const sc = new Scenario();
    let t = T0;
    for (const p of ['P1', 'P2', 'P3'])
      for (const q of ['Q1', 'Q2']) {
        sc.pay(p, q, 700 + ((t / H) % 5) * 20, t, { paymentFormat: 'Cheque' });
        t += 3 * H;
      }
    const run = runScenario(sc);
    expect(maxFinding(run, 'bipartite')).toBe(6);
    expect(run.flagged.size).toBe(6);
  });

  // P1 pays Q1, then sixteen small card payments, then Q2: its walk (maxScan 16) ends before its leg into Q1.
  function busyPayer(): Scenario {
    const sc = new Scenario();
    sc.pay('P1', 'Q1', 6_000, T0, { paymentFormat: 'Cash' });
    for (let k = 0; k < 16; k++)
      sc.pay('P1', `D${k}`, 100, T0 + H + k * 20 * 60_000, { paymentFormat: 'Credit Card' });
    sc.pay('P1', 'Q2', 6_200, T0 + 8 * H, { paymentFormat: 'Cash' });
    sc.pay('P2', 'Q2', 5_900, T0 + 10 * H, { paymentFormat: 'Cash' });
    sc.pay('P2', 'Q1', 6_100, T0 + 12 * H, { paymentFormat: 'Cash' });
    return sc;
  }

  it('counts a busy person’s leg into the current payee, known from the payee’s side, though its walk ended before it', () => {
    const run = runScenario(busyPayer());
    expect(maxFinding(run, 'bipartite')).toBe(4);
    expect([...run.flagged].sort((a, b) => a - b)).toEqual([0, 17, 18, 19]);
  });

  it('does not for a busy firm: its files pay staff and suppliers that other firms pay too', () => {
    const run = runScenario(busyPayer(), reference({}, { P1: 'company' }));
    expect(maxFinding(run, 'bipartite')).toBe(0);
  });

  // Payers in GB, CN and FR (banks 2–4) paying people in LB and the US (banks 5, 6) about USD 450, the last leg
  // USD 520 (the current leg must reach minBase 500); at home (bank 1) the smaller legs stay below materiality.
  const borderRef = reference({ '1': 'PK', '2': 'GB', '3': 'CN', '4': 'FR', '5': 'LB', '6': 'US' }, {});
  function smallGroup(payers: readonly string[], payees: readonly string[]): Scenario {
    const sc = new Scenario();
    let t = T0;
    for (const p of payers)
      for (const q of payees) {
        const last = p === payers.at(-1) && q === payees.at(-1);
        sc.pay(p, q, last ? 520 : 440 + ((t / H) % 5) * 10, t, { paymentFormat: 'Cash' });
        t += 3 * H;
      }
    return sc;
  }

  it('finds a cross-border group moving USD 400–500 a leg', () => {
    const run = runScenario(smallGroup(['2:P1', '3:P2', '4:P3'], ['5:Q1', '6:Q2']), borderRef);
    expect(maxFinding(run, 'bipartite')).toBe(6);
    expect(run.flagged.size).toBe(6);
  });

  it('stays silent on the same amounts paid at home', () => {
    const run = runScenario(smallGroup(['1:P1', '1:P2', '1:P3'], ['1:Q1', '1:Q2']), borderRef);
    expect(maxFinding(run, 'bipartite')).toBe(0);
  });
});
