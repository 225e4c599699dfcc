import { describe, expect, it } from 'vitest';
import { fixedClock } from '../model/clock.ts';
import { createDetectionStage } from './detection-stage.ts';
import { type Firing, firingText, parseFiringText } from './firing.ts';
import { createInstanceMerger } from './monitor.ts';
import { partitionOf } from './partition.ts';
import { D, H, Scenario, T0 } from './testing/scenario.ts';

/** A fan-out, a fan-in and quiet background payments between the same accounts. */
function scenario(): Scenario {
  const sc = new Scenario();
  for (let k = 0; k < 8; k++) sc.pay('S', `R${k}`, 1900 + k * 13, T0 + k * 3 * H);
  for (let k = 0; k < 7; k++) sc.pay(`P${k}`, 'T', 1700 + k * 7, T0 + D + k * H);
  for (let k = 0; k < 30; k++) sc.pay(`R${k % 8}`, `P${k % 7}`, 40 + k, T0 + 2 * D + k * H);
  return sc;
}

function firingsOf(judge: (payer: string) => boolean): Firing[] {
  const out: Firing[] = [];
  const stage = createDetectionStage({ onFiring: (f) => out.push(f) });
  for (const tx of scenario().sorted()) stage.process(tx, judge(`${tx.fromBank}|${tx.fromAccount}`));
  return out;
}

describe('createDetectionStage', () => {
  it('judges a transaction the same whether or not it judged the others (the state is kept either way)', () => {
    const all = firingsOf(() => true);
    expect(all.length).toBeGreaterThan(2);
    // split by payer partition, as scale-out lanes do: the union of the parts is the whole, in the same order
    const parts = [0, 1, 2].map((p) => firingsOf((payer) => partitionOf(payer, 3) === p));
    expect(parts.filter((f) => f.length > 0).length).toBeGreaterThan(1);
    const byTx = (fs: Firing[]) => fs.map((f) => `${f.evidence.at(-1)?.txId}:${firingText(f)}`).sort();
    expect(byTx(parts.flat())).toEqual(byTx(all));
  });

  it('gives firings that survive their text form and make the same alerts', () => {
    const all = firingsOf(() => true);
    const alertsOf = (fs: readonly Firing[]) => {
      const merger = createInstanceMerger({ clock: fixedClock(0) });
      for (const f of fs) merger.record(f);
      merger.closeAll();
      return merger.drain();
    };
    const again = all.map((f, i) => parseFiringText(firingText(f), `firing ${i}`));
    expect(again).toEqual(all);
    expect(alertsOf(again)).toEqual(alertsOf(all));
    expect(alertsOf(all).length).toBeGreaterThanOrEqual(2);
  });
});

describe('parseFiringText', () => {
  it('names the firing and the problem', () => {
    expect(() => parseFiringText('{', 'firing S#3/0')).toThrow(/firing S#3\/0: not JSON/);
    expect(() =>
      parseFiringText('{"t":"FAN-IN","s":1,"ts":0,"w":0,"a":null,"f":[],"e":[[1]]}', 'f#1'),
    ).toThrow(/f#1: evidence edge 0 is not an 8-item array/);
    expect(() => parseFiringText('{"t":"FAN-IN","s":"x","ts":0,"w":0}', 'f#2')).toThrow(
      /f#2: typology, score/,
    );
  });
});
