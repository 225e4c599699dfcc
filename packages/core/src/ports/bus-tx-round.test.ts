import { describe, expect, it } from 'vitest';
import type { Transaction } from '../model/transaction.ts';
import { payerPartition } from '../monitoring/partition.ts';
import { encodeTransactionMessage } from './bus-tx-message.ts';
import {
  decodeTxMessage,
  MAX_ROUND_PART_BYTES,
  roundEntryProblem,
  roundName,
  roundParts,
} from './bus-tx-round.ts';
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

describe('round parts (message versions 3 and 4)', () => {
  it.each([3, 4] as const)(
    'cut the input into rounds, each split by payer partition, and decode back to the same payments (version %i)',
    (version) => {
      const rounds = roundParts(txs, 4, { payments: 16, version });
      expect(rounds[0]![0]!.text.startsWith(`[${version},`)).toBe(true);
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
      expect(roundParts(txs, 4, { payments: 16, version })).toEqual(rounds);
      expect(roundParts(txs.slice(1), 4, { payments: 16, version })[0]![0]!.msgId).not.toBe(
        rounds[0]![0]!.msgId,
      );
      // the same rounds and names in either format: a republish in the other one is de-duplicated by JetStream
      expect(
        roundParts(txs, 4, { payments: 16, version: version === 3 ? 4 : 3 }).map((r) =>
          r.map((p) => p.msgId),
        ),
      ).toEqual(rounds.map((r) => r.map((p) => p.msgId)));
    },
  );

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
    const [part] = roundParts(txs.slice(0, 3), 1, { version: 3 })[0]!;
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

  it('refuse a round name outside the strict pattern and payments past the version 2 limits', () => {
    const [part] = roundParts(txs.slice(0, 3), 1, { version: 3 })[0]!;
    const a = JSON.parse(part!.text) as unknown[];
    const bad = (edit: (x: unknown[]) => unknown[]) => () =>
      decodeTxMessage(bytes(JSON.stringify(edit(structuredClone(a)))));
    expect(bad((x) => [x[0], 'r'.repeat(65), ...x.slice(2)])).toThrow(/round part name "r+" is not 1 to 64/);
    expect(bad((x) => [x[0], 'a:b', ...x.slice(2)])).toThrow(/is not 1 to 64/);
    expect(bad((x) => [x[0], 'r'.repeat(64), ...x.slice(2)])).not.toThrow();
    const entry = (i: number, value: string) => (x: unknown[]) => {
      const e = x[4] as unknown[];
      e[i] = value;
      return x;
    };
    // an id or an account of a megabyte, as version 3 used to accept
    expect(bad(entry(1, 'i'.repeat(129)))).toThrow('round part entry 0: id has 129 characters, over 128');
    expect(bad(entry(5, 'a'.repeat(1 << 19)))).toThrow(
      'round part entry 0: fromAccount has 524288 characters, over 128',
    );
    expect(bad(entry(1, 'i'.repeat(128)))).not.toThrow();
    // a name of 22,000 three-byte characters: 66,000 bytes, over 64 KiB
    expect(bad(entry(16, 'ن'.repeat(11_000) + 'ب'.repeat(11_000)))).not.toThrow(); // two-byte letters: 44,000
    expect(bad(entry(16, '€'.repeat(22_000)))).toThrow(
      /round part entry 0 has 660\d\d bytes of fields, over 65536/,
    );
  });

  it('refuse a part that is not valid UTF-8, and give the text that encodes back to its bytes', () => {
    const [part] = roundParts(txs.slice(0, 3), 1)[0]!;
    const good = bytes(part!.text);
    const m = decodeTxMessage(good);
    expect(m).toMatchObject({ kind: 'part', text: part!.text });
    // a byte that is not UTF-8 inside a string: decoded leniently it became U+FFFD (3 bytes), so a part just under
    // the limit re-encoded above it when a snapshot was restored
    const broken = new Uint8Array(good);
    broken[good.indexOf(0x41)] = 0xff; // an 'A' of an account name
    expect(() => decodeTxMessage(broken)).toThrow('round part is not valid UTF-8');
    // the same bytes behind a space are no longer recognised as a part: refused, not decoded leniently
    const spaced = new Uint8Array(broken.length + 1);
    spaced[0] = 0x20;
    spaced.set(broken, 1);
    expect(() => decodeTxMessage(spaced)).toThrow(/round part must begin with "\[\d,"/);
    const spacedGood = new Uint8Array(good.length + 1);
    spacedGood[0] = 0x20;
    spacedGood.set(good, 1);
    expect(() => decodeTxMessage(spacedGood)).toThrow(/round part must begin with/);
  });

  it('refuse to publish a payment that every worker would reject with its whole part', () => {
    const long = { ...base, id: `file.csv#${'i'.repeat(125)}` };
    expect(roundEntryProblem(long)).toBe('id has 134 characters, over 128');
    expect(roundEntryProblem({ ...base, purpose: '€'.repeat(22_000) })).toMatch(
      /^its fields take 66\d\d\d bytes/,
    );
    expect(roundEntryProblem(base)).toBeUndefined();
    expect(() => roundParts([base, long], 4)).toThrow(`payment ${long.id}: id has 134 characters, over 128`);
  });

  it('name rounds so that ids holding a newline cannot collide', () => {
    expect(roundName([{ ...base, id: 'a\nb' }])).not.toBe(
      roundName([
        { ...base, id: 'a' },
        { ...base, id: 'b' },
      ]),
    );
    expect(roundName([{ ...base, id: 'ab' }])).toMatch(/^[A-Za-z0-9_-]{22}$/);
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
      else {
        expect(got).toEqual({
          kind: 'complete',
          txs: txs.slice(0, 20),
          partitions: txs.slice(0, 20).map((tx) => payerPartition(tx, 4)),
          // each payment's own part's position: reversed parts were read at 10, 11, …
          partSeqs: txs
            .slice(0, 20)
            .map((tx) => 10 + reversed.findIndex((q) => q.partition === payerPartition(tx, 4))),
        });
      }
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

  const ids = (p: { readonly part: { readonly entries: readonly { readonly tx: Transaction }[] } }) =>
    p.part.entries.map((e) => e.tx.id);

  it('drops a round whose parts disagree, giving out every part it held and refusing its later parts', () => {
    const round = parts(txs.slice(0, 20));
    expect(round.length).toBeGreaterThan(2);
    const assembler = new RoundAssembler();
    assembler.add(round[0]!.partition, 1, round[0]!.part, round[0]!.text);
    const liar = { ...round[1]!.part, count: 21 };
    expect(assembler.add(round[1]!.partition, 2, liar, '')).toMatchObject({
      kind: 'invalid',
      reason: /a part says \d+ parts and 21 payments/,
    });
    expect(assembler.open).toBe(0);
    // the first part's payments are not lost without a trace
    expect(assembler.takeDropped()).toEqual([
      {
        held: { seq: 1, partition: round[0]!.partition, text: round[0]!.text },
        round: round[0]!.part.round,
        ids: ids(round[0]!),
        reason: expect.stringMatching(/a part says/),
      },
    ]);
    expect(assembler.takeDropped()).toEqual([]);
    // the round's next part opens no new round that could never complete
    expect(assembler.add(round[2]!.partition, 3, round[2]!.part, round[2]!.text)).toEqual({
      kind: 'invalid',
      reason: `round ${round[0]!.part.round} was dropped at #2`,
    });
    expect(assembler.open).toBe(0);
    // a part that repeats another's payments under a second partition: the round has one missing and one twice
    const twice = new RoundAssembler();
    for (const [i, p] of round.entries()) {
      const got = twice.add(i === 0 ? 99 : p.partition, i, i === 1 ? round[0]!.part : p.part, p.text);
      if (i === round.length - 1) expect(got).toEqual({ kind: 'dropped' });
    }
    const dropped = twice.takeDropped();
    expect(dropped.map((d) => d.held.seq)).toEqual(round.map((_, i) => i));
    expect(dropped[0]!.reason).toMatch(/in two parts/);
  });

  it('drops a round whose last part never comes, by stream position, and passes over late parts', () => {
    const round = parts(txs.slice(0, 20));
    const assembler = new RoundAssembler({ maxAge: 10 });
    expect(assembler.add(round[0]!.partition, 5, round[0]!.part, round[0]!.text).kind).toBe('waiting');
    assembler.expire(15);
    expect(assembler.open).toBe(1);
    assembler.expire(16);
    expect(assembler.open).toBe(0);
    expect(assembler.held()).toEqual([]);
    expect(assembler.heldBytes).toBe(0);
    expect(assembler.takeDropped()).toEqual([
      {
        held: { seq: 5, partition: round[0]!.partition, text: round[0]!.text },
        round: round[0]!.part.round,
        ids: ids(round[0]!),
        reason: `round ${round[0]!.part.round} still lacks parts 10 positions after its first`,
      },
    ]);
    expect(assembler.add(round[1]!.partition, 17, round[1]!.part, round[1]!.text)).toMatchObject({
      kind: 'invalid',
      reason: /was dropped at #16/,
    });
    // a late part of a completed round is a duplicate, not a new round that never completes
    const done = new RoundAssembler();
    for (const [i, p] of round.entries()) done.add(p.partition, i, p.part, p.text);
    expect(done.add(round[1]!.partition, 50, round[1]!.part, round[1]!.text)).toEqual({ kind: 'duplicate' });
    expect(done.open).toBe(0);
    expect(done.recent()).toEqual([
      { round: round[0]!.part.round, outcome: 'complete', seq: round.length - 1 },
    ]);
  });

  it('caps the open rounds and held bytes, dropping the oldest round first', () => {
    const rounds = [0, 10, 20].map((k) => parts(txs.slice(k, k + 10)));
    const size = (r: number) => bytes(rounds[r]![0]!.text).byteLength;
    const few = new RoundAssembler({ maxOpen: 2 });
    for (const [i, r] of rounds.entries()) few.add(r[0]!.partition, i + 1, r[0]!.part, r[0]!.text);
    expect(few.open).toBe(2);
    expect(few.takeDropped().map((d) => [d.round, d.held.seq])).toEqual([[rounds[0]![0]!.part.round, 1]]);
    const small = new RoundAssembler({ maxHeldBytes: size(1) + Math.max(size(0), size(2)) });
    for (const [i, r] of rounds.entries()) small.add(r[0]!.partition, i + 1, r[0]!.part, r[0]!.text);
    expect(small.takeDropped().map((d) => d.round)).toEqual([rounds[0]![0]!.part.round]);
    expect(small.heldBytes).toBe(size(1) + size(2));
    // the names remembered are bounded too: past them a late part opens a round again (that expires, recorded)
    const forgetful = new RoundAssembler({ recent: 1 });
    for (const r of rounds.slice(0, 2))
      for (const [i, p] of r.entries()) forgetful.add(p.partition, i, p.part, p.text);
    expect(forgetful.recent().map((r) => r.round)).toEqual([rounds[1]![0]!.part.round]);
    expect(forgetful.add(rounds[0]![0]!.partition, 9, rounds[0]![0]!.part, rounds[0]![0]!.text).kind).toBe(
      'waiting',
    );
  });
});
