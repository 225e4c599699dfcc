import { describe, expect, it } from 'vitest';
import { FORMAT_EPOCH_MS } from './state.ts';
import { D, H, runScenario, Scenario, T0 } from './testing/scenario.ts';

/**
 * Decision 0019: walks that count only legs of the current format are skipped when the account's recent-format
 * masks say it had none. These patterns put their legs on both sides of a format epoch's start, the oldest a whole
 * window (8 days for scatter-gather, 4 for fan-out) before the current leg, and a leg of another format after the
 * epoch's start turns the masks over before the current leg: the masks must still say "maybe".
 */
const E = FORMAT_EPOCH_MS;
/** The first epoch start at least 20 days after T0. */
const EPOCH = Math.ceil((T0 + 20 * D) / E) * E;

describe('recent formats across an epoch start (decision 0019)', () => {
  it('scatter-gather: middles paid and paying before the epoch starts, the last middle after it, 8 days apart', () => {
    const now = EPOCH + 2 * H;
    const sc = new Scenario();
    // the window's first instant is now - 8 days: everything but the current leg lies in the previous epoch
    for (let k = 0; k < 4; k++) sc.pay('S', `M${k}`, 4700 - k * 100, now - 8 * D + k * H);
    for (let k = 0; k < 3; k++) sc.pay(`M${k}`, 'T', (4700 - k * 100) * 0.98, now - 8 * D + 5 * H + k * H);
    sc.pay('Z', 'T', 50, EPOCH + H, { paymentFormat: 'Credit Card' }); // turns T's masks over
    const last = sc.pay('M3', 'T', 4400 * 0.98, now).row;
    expect(runScenario(sc).findings.get(last)?.get('scatter-gather')).toBe(4);
  });

  it('fan-out: legs in the previous epoch up to the window’s first instant still count', () => {
    const now = EPOCH + H;
    const sc = new Scenario();
    sc.pay('S', 'R0', 1500, now - 4 * D); // exactly at the window's start
    for (let k = 1; k < 6; k++) sc.pay('S', `R${k}`, 1500 + k * 40, now - 4 * D + k * 5 * H);
    sc.pay('S', 'Z', 50, EPOCH + 10 * 60_000, { paymentFormat: 'Credit Card' }); // turns S's masks over
    const last = sc.pay('S', 'R6', 1540, now).row;
    expect(runScenario(sc).findings.get(last)?.get('fan-out')).toBe(7);
  });

  it('fan-in and gather-scatter: credits before the epoch, the current leg after it', () => {
    const now = EPOCH + 30 * 60_000;
    const sc = new Scenario();
    for (let k = 0; k < 4; k++)
      sc.pay(`IN${k}`, 'V', 3000 + k * 50, now - 5 * D + k * 3 * H, { paymentFormat: 'Cheque' });
    for (let k = 0; k < 3; k++)
      sc.pay('V', `OUT${k}`, 2900 + k * 30, now - 3 * H + k * H, { paymentFormat: 'Cheque' });
    sc.pay('Z', 'V', 50, EPOCH + 60_000, { paymentFormat: 'Credit Card' }); // turns V's masks over
    const last = sc.pay('V', 'OUT3', 2990, now, { paymentFormat: 'Cheque' }).row;
    expect(runScenario(sc).findings.get(last)?.get('gather-scatter')).toBe(4);
    const fanIn = new Scenario();
    for (let k = 0; k < 6; k++) fanIn.pay(`P${k}`, 'B', 1500 + k * 30, now - 4 * D + k * 4 * H);
    fanIn.pay('Z', 'B', 50, EPOCH + 60_000, { paymentFormat: 'Credit Card' }); // turns B's masks over
    const lastIn = fanIn.pay('P6', 'B', 1530, now).row;
    expect(runScenario(fanIn).findings.get(lastIn)?.get('fan-in')).toBe(7);
  });
});
