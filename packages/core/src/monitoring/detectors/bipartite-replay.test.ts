import { describe, expect, it } from 'vitest';
import { seededRng } from '../../model/clock.ts';
import { defaultMonitoringConfig } from '../config.ts';
import { H, reference, runScenario, Scenario, T0 } from '../testing/scenario.ts';

/**
 * Dense random streams of similar legs across four countries: groups of every shape, payers whose walks end at
 * maxScan (three busy payers), a firm and an exchange house. `dense`: 30 accounts, cash only; else 80 accounts,
 * wider amounts, a third in ACH.
 */
function stream(seed: number, dense: boolean): Scenario {
  const rng = seededRng(seed);
  const sc = new Scenario();
  const n = dense ? 30 : 80;
  const acct = (k: number) => `${1 + (k % 4)}:A${k}`;
  for (let e = 0; e < 700; e++) {
    const busy = rng.next() < (dense ? 0.3 : 0.15);
    const from = busy ? Math.floor(rng.next() * 3) : Math.floor(rng.next() * n);
    let to = Math.floor(rng.next() * n);
    if (to === from) to = (to + 1) % n;
    const usd = 4000 * (dense ? 0.7 + 0.6 * rng.next() : 0.5 + 1.5 * rng.next());
    const paymentFormat = !dense && rng.next() < 0.3 ? 'ACH' : 'Cash';
    sc.pay(acct(from), acct(to), Math.round(usd), T0 + e * 0.25 * H, { paymentFormat });
  }
  return sc;
}

describe('bipartite detector: later passes replay the payers’ walks (decision 0025)', () => {
  // The payee counts, the edges and linked groups read each payer's legs again: since decision 0025 from the legs
  // its first walk recorded, not by following its list again. The figures below are those of the code that walked
  // the lists again (d6ebca3): same findings, same evidence. The pivot walk keeps its length of then (linkMaxScan
  // 16; 8 by default from v1.6.0).
  const ref = reference({ '1': 'GB', '2': 'CN', '3': 'FR', '4': 'LB' }, { '1:A3': 'company', '2:A5': 'msb' });
  const config = defaultMonitoringConfig();
  const bp = config.detectors.bipartite!;
  const walkedAgain = {
    ...config,
    detectors: { ...config.detectors, bipartite: { ...bp, params: { ...bp.params, linkMaxScan: 16 } } },
  };
  it.each([
    [1, true, 647, 58_125, 27_816_740, 124_750_500],
    [7, false, 333, 2_682, 1_257_738, 137_396_500],
    [11, false, 351, 3_164, 1_467_740, 142_399_509],
  ])(
    'seed %i (dense: %s): the findings and the alerts’ evidence of the walks',
    (seed, dense, n, sum, rowSum, evidence) => {
      const run = runScenario(stream(seed, dense), ref, walkedAgain);
      let findings = 0;
      let values = 0;
      let weighted = 0;
      for (const [row, f] of run.findings) {
        const v = f.get('bipartite');
        if (v === undefined) continue;
        findings++;
        values += v;
        weighted += row * v;
      }
      expect([findings, values, weighted]).toEqual([n, sum, rowSum]);
      // each BIPARTITE alert as (sum of its evidence rows) × 1000 + their number, summed
      let ev = 0;
      for (const a of run.alerts)
        if (a.typologies.includes('BIPARTITE'))
          ev += a.rows.reduce((x, y) => x + y, 0) * 1000 + a.rows.length;
      expect(ev).toBe(evidence);
    },
  );
});
