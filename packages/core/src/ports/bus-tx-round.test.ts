import { describe, expect, it } from 'vitest';
import type { Transaction } from '../model/transaction.ts';
import { payerPartition } from '../monitoring/partition.ts';
import { encodeTransactionMessage } from './bus-tx-message.ts';
import { decodeTxMessage, MAX_ROUND_PART_BYTES, roundParts } from './bus-tx-round.ts';
import { RoundAssembler } from './tx-round-assembler.ts';

const base: Transaction = {
  id: '0',
  row: 0,
  ts: Date.UTC(2022, 8, 1),
  fromBank: '070',
  fromAccount: 'A0',
  toBank: '0012',
  toAccount: 'B0',
  amountPaid: 1000,
  currencyPaid: 'USD',
  amountReceived: 1000,
  currencyReceived: 'USD',
  paymentFormat: 'Wire',
};
const txs: Transaction[] = Array.from({ length: 40 }, (_, i) => ({
  ...base,
  id: String(i),
  row: i,
  ts: base.ts + i * 60_000,
  fromAccount: `A${i % 9}`,
  ...(i % 5 === 0 ? { debtorName: 'أحمد "x"' } : {}),
}));
const bytes = (text: string) => new TextEncoder().encode(text);

describe('round parts (message version 3)', () => {
  it('cut the input into rounds, each split by payer partition, and decode back to the same payments', () => {
    const rounds = roundParts(txs, 4, { payments: 16 });
    expect(rounds.map((r) => r.reduce((n, p) => n + p.payments, 0))).toEqual([16, 16, 8]);
    for (const [r, parts] of rounds.entries()) {
      expect(parts.map((p) => p.partition)).toEqual([...new Set(parts.map((p) => p.partition))].sort());
      for (const p of parts) {
        const m = decodeTxMessage(bytes(p.text));
        if (m.kind !== 'part') throw new Error('not a part');
        expect(p.msgId).toBe(`${m.part.round}:${p.partition}`);
        expect(m.part).toMatchObject({ parts: parts.length, count: r === 2 ? 8 : 16 });
        for (const e of m.part.entries) {
          expect(e.tx).toEqual(txs[r * 16 + e.ordinal]);
          expect(payerPartition(e.tx, 4)).toBe(p.partition);
        }
      }
    }
    // named by content: the same input gives the same names (a re-run is de-duplicated), other input others
    expect(roundParts(txs, 4, { payments: 16 })).toEqual(rounds);
    expect(roundParts(txs.slice(1), 4, { payments: 16 })[0]![0]!.msgId).not.toBe(rounds[0]![0]!.msgId);
  });

  it('cut a round early when its fields would pass the byte limit', () => {
    const rounds = roundParts(txs, 2, { payments: 1000, bytes: 1000 });
    expect(rounds.length).toBeGreaterThan(1);
    for (const parts of rounds) {
      const chars = parts.reduce((n, p) => n + p.text.length, 0);
      expect(chars).toBeLessThan(1000 + 200 * parts.length);
    }
    expect(rounds.flat().reduce((n, p) => n + p.payments, 0)).toBe(txs.length);
  });

  it('still decode version 1 and 2 messages as single transactions', () => {
    expect(decodeTxMessage(encodeTransactionMessage(txs[3]!))).toEqual({ kind: 'tx', tx: txs[3] });
    expect(decodeTxMessage(bytes(JSON.stringify({ v: 1, tx: txs[4] })))).toEqual({ kind: 'tx', tx: txs[4] });
  });

  it('refuse parts that are malformed, naming the problem', () => {
    const [part] = roundParts(txs.slice(0, 3), 1)[0]!;
    const a = JSON.parse(part!.text) as unknown[];
    const bad = (edit: (x: unknown[]) => unknown[]) => () =>
      decodeTxMessage(bytes(JSON.stringify(edit(structuredClone(a)))));
    expect(bad((x) => [x[0], '', ...x.slice(2)])).toThrow('round part names no round');
    expect(bad((x) => [...x.slice(0, 2), 0, ...x.slice(3)])).toThrow('round part count 0');
    expect(bad((x) => [...x.slice(0, 3), 2, ...x.slice(4)])).toThrow('has ordinal 2 (after 1, below 2)');
    expect(bad((x) => x.slice(0, 4))).toThrow('carries no payment');
    expect(bad((x) => [...x.slice(0, 4), [0, 'only an id']])).toThrow(
      'round part entry 0: message has 1 fields',
    );
    expect(() =>
      decodeTxMessage(new Uint8Array(MAX_ROUND_PART_BYTES + 1).fill(0x5b).fill(0x33, 1, 2).fill(0x2c, 2, 3)),
    ).toThrow(/exceeds/);
  });
});

describe('round assembler', () => {
  const parts = (input: readonly Transaction[]) =>
    roundParts(input, 4, { payments: 100 })[0]!.map((p) => {
      const m = decodeTxMessage(bytes(p.text));
      if (m.kind !== 'part') throw new Error('not a part');
      return { ...p, part: m.part };
    });

  it('gives the payments in round order at the last part, whatever the order of the parts', () => {
    const round = parts(txs.slice(0, 20));
    expect(round.length).toBeGreaterThan(2);
    const assembler = new RoundAssembler();
    const reversed = [...round].reverse();
    for (const [i, p] of reversed.entries()) {
      const got = assembler.add(p.partition, 10 + i, p.part, p.text);
      if (i < reversed.length - 1) expect(got).toEqual({ kind: 'waiting' });
      else expect(got).toEqual({ kind: 'complete', txs: txs.slice(0, 20) });
    }
    expect(assembler.open).toBe(0);
  });

  it('passes over a part it already holds, and keeps the parts of open rounds for a snapshot', () => {
    const round = parts(txs.slice(0, 20));
    const assembler = new RoundAssembler();
    expect(assembler.add(round[0]!.partition, 5, round[0]!.part, round[0]!.text).kind).toBe('waiting');
    expect(assembler.add(round[0]!.partition, 9, round[0]!.part, round[0]!.text).kind).toBe('duplicate');
    expect(assembler.held()).toEqual([{ seq: 5, partition: round[0]!.partition, text: round[0]!.text }]);
  });

  it('drops a round whose parts disagree', () => {
    const round = parts(txs.slice(0, 20));
    const assembler = new RoundAssembler();
    assembler.add(round[0]!.partition, 1, round[0]!.part, round[0]!.text);
    const liar = { ...round[1]!.part, count: 21 };
    expect(assembler.add(round[1]!.partition, 2, liar, '')).toMatchObject({ kind: 'invalid' });
    expect(assembler.open).toBe(0);
    // a part that repeats another's payments under a second partition: the round has one missing and one twice
    const twice = new RoundAssembler();
    for (const [i, p] of round.entries()) {
      const got = twice.add(i === 0 ? 99 : p.partition, i, i === 1 ? round[0]!.part : p.part, p.text);
      if (i === round.length - 1) expect(got).toMatchObject({ kind: 'invalid', reason: /in two parts/ });
    }
  });
});
