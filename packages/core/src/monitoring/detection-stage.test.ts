import { describe, expect, it } from 'vitest';
import { fixedClock } from '../model/clock.ts';
import type { Transaction } from '../model/transaction.ts';
import { defaultMonitoringConfig } from './config.ts';
import { createDetectionStage } from './detection-stage.ts';
import { type Firing, firingText, parseFiringText } from './firing.ts';
import { DEFAULT_JURISDICTIONS } from './jurisdictions.ts';
import { createInstanceMerger } from './monitor.ts';
import { partitionOf } from './partition.ts';
import { D, H, reference, Scenario, T0 } from './testing/scenario.ts';

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

describe('DetectionStage.lookAhead', () => {
  function run(
    announce: (txs: readonly Transaction[], from: number, to: number) => readonly Transaction[] | undefined,
  ) {
    const out: string[] = [];
    const stage = createDetectionStage({
      onFiring: (f) => out.push(firingText(f)),
      onScore: (row, id, score, typologies) => out.push(`${row} ${id} ${score} ${typologies.join(',')}`),
    });
    const txs = scenario().sorted();
    for (let from = 0; from < txs.length; from += 7) {
      const to = Math.min(txs.length, from + 7);
      const announced = announce(txs, from, to);
      if (announced !== undefined) stage.lookAhead(announced, 0, announced.length);
      for (let k = from; k < to; k++) {
        const a = stage.process(txs[k]!);
        out.push(`${k} ${a.score} ${a.flag} ${a.typologies.join(',')}`);
      }
    }
    return { out, stats: stage.stats() };
  }

  it('changes nothing: the same scores, firings and state with and without it', () => {
    const plain = run(() => undefined);
    expect(plain.out.length).toBeGreaterThan(50);
    expect(run((txs, from, to) => txs.slice(from, to))).toEqual(plain);
    // more announced than processed before the next announcement: the rest is dropped, in the same order
    expect(run((txs, from, to) => txs.slice(from, to + 3))).toEqual(plain);
  });

  it('leaves the same state, snapshot for snapshot, with bank countries and payment countries (review)', () => {
    // accounts created a batch ahead used to number their banks' countries before the payments' own countries
    const sc = new Scenario();
    for (let k = 0; k < 60; k++)
      sc.pay(`${k % 5}:A${k % 11}`, `${(k + 2) % 5}:B${k % 13}`, 900 + k * 17, T0 + k * H, {
        fromCountry: ['MA', 'CN', 'SA', 'US', 'RU'][k % 5],
        toCountry: ['BR', 'AE', 'MA', 'CN', 'DE'][k % 5],
      });
    const txs = sc.sorted();
    const banks = new Map(
      ['0', '1', '2', '3', '4'].map((id, k) => [
        id,
        { bankId: id, country: ['AE', 'BR', 'RU', 'US', 'SA'][k]! },
      ]),
    );
    const snapshotOf = (announce: boolean) => {
      const stage = createDetectionStage({ onFiring: () => {}, reference: { banks } });
      for (let from = 0; from < txs.length; from += 9) {
        const to = Math.min(txs.length, from + 9);
        if (announce) stage.lookAhead(txs, from, to);
        for (let k = from; k < to; k++) stage.process(txs[k]!);
      }
      return JSON.stringify(stage.snapshot());
    };
    expect(snapshotOf(true)).toEqual(snapshotOf(false));
  });

  it('is left, and each transaction looked up alone, when another transaction than the one announced comes', () => {
    const plain = run(() => undefined);
    // copies: equal transactions, other objects, so none is the one announced
    expect(run((txs, from, to) => txs.slice(from, to).map((tx) => ({ ...tx })))).toEqual(plain);
  });
});

describe('stage snapshots', () => {
  it('judges countries by the risk of the jurisdictions file in force after a restore (review: numbers shifted)', () => {
    // the snapshot numbered its countries under the old file; the new file lists one more country first, so every
    // listed country has another number in the new stage: the risk tables must follow the snapshot's numbering
    const ref = reference({ SY: 'SY', DE: 'DE', FR: 'FR' });
    const newer = {
      ...DEFAULT_JURISDICTIONS,
      version: 'newer',
      fatfCallForAction: ['ZZ', ...DEFAULT_JURISDICTIONS.fatfCallForAction],
    };
    const warmUp = new Scenario();
    warmUp.pay('FR:W', 'DE:V', 300, T0 - D);
    const sc = new Scenario();
    for (let k = 0; k < 5; k++)
      sc.pay('SY:A', `DE:B${k % 2}`, 12_000 + k * 700, T0 + k * 10 * H, { paymentFormat: 'Wire' });
    const firingsOf = (stage: ReturnType<typeof createDetectionStage>, out: string[]) => {
      for (const tx of sc.sorted()) stage.process(tx);
      return out;
    };
    const old = createDetectionStage({ onFiring: () => {}, reference: ref });
    for (const tx of warmUp.sorted()) old.process(tx);
    const restoredOut: string[] = [];
    const restored = createDetectionStage({
      onFiring: (f) => restoredOut.push(f.typology),
      reference: { ...ref, jurisdictions: newer },
      restore: old.snapshot(),
    });
    const freshOut: string[] = [];
    const fresh = createDetectionStage({
      onFiring: (f) => freshOut.push(f.typology),
      reference: { ...ref, jurisdictions: newer },
    });
    for (const tx of warmUp.sorted()) fresh.process(tx);
    expect(firingsOf(fresh, freshOut)).toContain('TF-EXODUS');
    expect(firingsOf(restored, restoredOut)).toEqual(freshOut);
  });

  it('restore a stage that then judges the rest of the stream exactly as an uninterrupted one, ring wrapped', () => {
    // a ring of 1,024 slots over 3,000 payments: the snapshot holds a wrapped window, not the whole history
    const config = { ...defaultMonitoringConfig(), retainTransactions: 1024 };
    const sc = new Scenario();
    for (let k = 0; k < 3000; k++)
      sc.pay(`A${k % 37}`, `B${(k * 7) % 41}`, 30 + (k % 13) * 11, T0 + k * 9 * 60_000);
    for (let k = 0; k < 8; k++) sc.pay('S', `R${k}`, 1900 + k * 13, T0 + 15 * D + k * 3 * H);
    for (let k = 0; k < 7; k++) sc.pay(`P${k}`, 'T', 1700 + k * 7, T0 + 15 * D + 4 * H + k * 2 * H);
    const txs = sc.sorted();
    // the cut falls inside both patterns: their later legs must find the earlier ones in the restored state
    const cut = txs.findIndex((tx) => tx.ts >= T0 + 15 * D + 10 * H);
    const whole: string[] = [];
    const straight = createDetectionStage({ config, onFiring: (f) => whole.push(firingText(f)) });
    txs.forEach((tx, i) => {
      if (i === cut) whole.length = 0; // only the firings after the cut are compared
      straight.process(tx);
    });
    expect(whole.length).toBeGreaterThan(1);

    const first = createDetectionStage({ config, onFiring: () => {} });
    for (const tx of txs.slice(0, cut)) first.process(tx, false);
    const snapshot = structuredClone(first.snapshot()); // nothing shared with the stage it came from
    const after: string[] = [];
    const resumed = createDetectionStage({
      config,
      restore: snapshot,
      onFiring: (f) => after.push(firingText(f)),
    });
    expect(resumed.stats()).toEqual(first.stats());
    expect(resumed.watermark()).toBe(first.watermark());
    for (const tx of txs.slice(cut)) resumed.process(tx);
    expect(after).toEqual(whole);
  });

  it('restore an older build’s snapshot (no recent formats, the amount variance) without a shortcut, exactly', () => {
    // decision 0019: bytes that held the variance now hold the recent formats; a snapshot without them must not be
    // read as "no format seen" (the patterns below would then be skipped after the cut)
    const sc = new Scenario();
    for (let k = 0; k < 8; k++) sc.pay('S', `R${k}`, 1900 + k * 13, T0 + k * 3 * H);
    for (let k = 0; k < 7; k++) sc.pay(`P${k}`, 'T', 1700 + k * 7, T0 + 4 * H + k * 2 * H);
    const txs = sc.sorted();
    const cut = txs.findIndex((tx) => tx.ts >= T0 + 10 * H);
    // every score report after the cut, not only the firings: a skipped walk shows in the first legs' scores
    const whole: string[] = [];
    const straight = createDetectionStage({
      onFiring: (f) => whole.push(firingText(f)),
      onScore: (row, _id, score) => whole.push(`${row}:${score}`),
    });
    txs.forEach((tx, i) => {
      if (i === cut) whole.length = 0;
      straight.process(tx);
    });
    expect(whole.length).toBeGreaterThan(1);
    // judged before the cut too, so that the ring's scores are those of the uninterrupted stage
    const first = createDetectionStage({ onFiring: () => {} });
    for (const tx of txs.slice(0, cut)) first.process(tx);
    const s = structuredClone(first.snapshot());
    const older = Object.fromEntries(
      Object.entries(s.accountArrays).filter(([name]) => !name.startsWith('fmt')),
    );
    older.outLogM2 = new Float32Array(s.banks.length);
    const after: string[] = [];
    const resumed = createDetectionStage({
      restore: { ...s, accountArrays: older },
      onFiring: (f) => after.push(firingText(f)),
      onScore: (row, _id, score) => after.push(`${row}:${score}`),
    });
    for (const tx of txs.slice(cut)) resumed.process(tx);
    expect(after).toEqual(whole);
  });

  it('refuses a snapshot that does not fit', () => {
    const stage = createDetectionStage({ onFiring: () => {} });
    const s = stage.snapshot();
    expect(() => createDetectionStage({ onFiring: () => {}, restore: { ...s, version: 2 as 1 } })).toThrow(
      /version 2 is not supported/,
    );
    expect(() =>
      createDetectionStage({
        onFiring: () => {},
        restore: { ...s, accountArrays: { nope: new Int32Array(0) } },
      }),
    ).toThrow(/no field "nope"/);
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
