import {
  type Alert,
  decodeTxMessage,
  encodeTransactionMessage,
  InProcessBus,
  type OutgoingPart,
  roundParts,
  TxPublisher,
} from '@raqib/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparable, drain, laneDeps, laneFixture } from './worker-lane.test-support.ts';
import { LaneRunner } from './worker-lane.ts';
import { MergerRunner } from './worker-merger.ts';
import { ensureTxStream, type TxStreamSpec } from './worker-stream.ts';

/**
 * Rounds on the stream (message versions 3 and 4, docs/decisions/0064-rounds.md, 0066-columns-parts.md): whatever the order of a round's parts,
 * whatever lies between them, a crash of the publisher between them, a part published twice or messages of older
 * versions before them, a worker processes the payments in the input's order and raises the single-process alerts.
 */
const stream: TxStreamSpec = { name: 'RAQIB_TX', subjectPrefix: 'raqib.tx', partitions: 4 };
const ROUND = { payments: 7 };
const fixture = laneFixture('rounds');
const { txs, embedded } = fixture;
beforeAll(() => fixture.load());
afterAll(() => fixture.close());

async function setup() {
  const database = await fixture.database();
  const bus = new InProcessBus();
  await ensureTxStream(bus, stream);
  const deps = laneDeps(bus, database, stream, 'test:1', 20);
  const send = async (part: OutgoingPart, msgId = part.msgId) =>
    bus.publish(`raqib.tx.${part.partition}.o`, new TextEncoder().encode(part.text), { msgId });
  return { bus, deps, send };
}

/** Reads on until the stream is exhausted; returns the runner's stats. */
/** Merges every committed firing into alerts and closes the open patterns. */
async function alertsOf(deps: Awaited<ReturnType<typeof setup>>['deps']): Promise<Alert[]> {
  const merger = new MergerRunner(deps);
  await merger.start();
  while ((await merger.step()) > 0 || !(await merger.caughtUp())) {
    // next page of firings
  }
  await merger.finish();
  return deps.alerts.listAlerts({ limit: 1_000_000 });
}

describe('rounds of payments on the stream (versions 3 and 4)', () => {
  it('processes the payments in the input order when parts come reversed and interleaved with the next round', async () => {
    const { deps, send } = await setup();
    const rounds = roundParts(txs, 4, ROUND).map((parts) => [...parts].reverse());
    expect(rounds.filter((r) => r.length > 1).length).toBeGreaterThan(rounds.length / 2);
    // every round but the first completes only after the next round's other parts were published
    for (const part of rounds[0]!.slice(0, -1)) await send(part);
    for (let k = 0; k < rounds.length; k++) {
      for (const part of rounds[k + 1]?.slice(0, -1) ?? []) await send(part);
      await send(rounds[k]!.at(-1)!);
    }
    const runner = new LaneRunner([0, 1, 2, 3], deps);
    await runner.start();
    const stats = await drain(runner);
    expect(stats).toMatchObject({ processed: txs.length, skipped: 0, rejected: 0, openRounds: 0 });
    expect(comparable(await alertsOf(deps))).toEqual(comparable(embedded));
  });

  it('completes a round the publisher died in the middle of when it runs again, across a worker restart from a snapshot', async () => {
    const { deps, send } = await setup();
    const half = Math.floor(txs.length / 2);
    const publisher = new TxPublisher(deps.bus, stream, { roundPayments: ROUND.payments });
    // the first run publishes the first half's rounds and dies after the first part of the middle round
    const first = roundParts(txs.slice(0, half), 4, ROUND);
    const middle = Math.floor(first.length / 2);
    for (const round of first.slice(0, middle)) for (const part of round) await send(part);
    expect(first[middle]!.length).toBeGreaterThan(1);
    await send(first[middle]![0]!);
    // a worker reads all of it, storing a snapshot after every batch: the last one holds the open round's part
    const crashed = new LaneRunner([0, 1, 2, 3], { ...deps, snapshotEvery: 1 });
    await crashed.start();
    expect(await drain(crashed)).toMatchObject({ openRounds: 1 });
    const snapshot = (await deps.store.latestSnapshot(stream.name, Number.MAX_SAFE_INTEGER))!;
    expect(JSON.parse(snapshot.payload).heldParts).toHaveLength(1);
    await crashed.close();
    // the operator runs the ingest again: the parts already stored are de-duplicated, the missing ones stored
    const rerun = await publisher.publish(txs.slice(0, half));
    expect(rerun.parts).toBe(first.slice(middle).reduce((n, r) => n + r.length, 0) - 1);
    await publisher.publish(txs.slice(half));
    const restarted = new LaneRunner([0, 1, 2, 3], deps);
    await restarted.start();
    expect(restarted.stats()).toMatchObject({ restoredFrom: snapshot.seq, openRounds: 1 });
    expect(await drain(restarted)).toMatchObject({ openRounds: 0, skipped: 0 });
    const judged = (await deps.checkpoints.list(stream.name)).reduce((n, c) => n + c.processed, 0);
    expect(judged).toBe(txs.length); // nothing lost, nothing twice
    expect(comparable(await alertsOf(deps))).toEqual(comparable(embedded));
  });

  it('passes over a part published twice (after the de-duplication window), open or complete', async () => {
    const { deps, send } = await setup();
    const rounds = roundParts(txs, 4, ROUND);
    const k = rounds.findIndex((r) => r.length > 2);
    for (const [i, round] of rounds.entries()) {
      for (const [j, part] of round.entries()) {
        await send(part);
        if (i === k && j === 0) await send(part, 'late:open'); // its round is still open
        if (i === k + 1 && j === 0) await send(rounds[k]![1]!, 'late:done'); // its round is complete
      }
    }
    const runner = new LaneRunner([0, 1, 2, 3], deps);
    await runner.start();
    expect(await drain(runner)).toMatchObject({
      processed: txs.length,
      // the part of a complete round is known by the round's name: it opens no round that could never complete
      duplicateParts: 2,
      openRounds: 0,
      skipped: 0,
      rejected: 0,
    });
    expect(comparable(await alertsOf(deps))).toEqual(comparable(embedded));
  });

  it('reads a stream that holds version 1, then version 2 messages, then rounds of version 3 and 4', async () => {
    const { deps, bus, send } = await setup();
    const quarter = Math.floor(txs.length / 4);
    for (const tx of txs.slice(0, quarter)) {
      await bus.publish('raqib.tx.0.o', new TextEncoder().encode(JSON.stringify({ v: 1, tx })));
    }
    for (const tx of txs.slice(quarter, 2 * quarter))
      await bus.publish('raqib.tx.0.o', encodeTransactionMessage(tx));
    // a stream outlives its writer: parts of the older format, then the publisher's own (columns)
    const older = roundParts(txs.slice(2 * quarter, 3 * quarter), 4, { ...ROUND, version: 3 });
    for (const round of older) for (const part of round) await send(part);
    expect(older[0]![0]!.text.startsWith('[3,')).toBe(true);
    await new TxPublisher(bus, stream, { roundPayments: ROUND.payments }).publish(txs.slice(3 * quarter));
    const runner = new LaneRunner([0, 1, 2, 3], deps);
    await runner.start();
    expect(await drain(runner)).toMatchObject({ processed: txs.length, rejected: 0, openRounds: 0 });
    expect(comparable(await alertsOf(deps))).toEqual(comparable(embedded));
  });

  it('drops a round whose other parts never come at a fixed stream position, recording its payments', async () => {
    const { deps, send } = await setup();
    const rounds = roundParts(txs, 4, ROUND);
    const k = rounds.findIndex((r, i) => i > 3 && r.length > 2);
    let heldSeq = 0;
    for (const [i, round] of rounds.entries()) {
      if (i !== k) for (const part of round) await send(part);
      else heldSeq = (await send(round[0]!)).seq; // the publisher died after the round's first part
    }
    const runner = new LaneRunner([0, 1, 2, 3], { ...deps, roundLimits: { maxAge: 20 } });
    await runner.start();
    const lost = rounds[k]!.reduce((n, p) => n + p.payments, 0);
    expect(await drain(runner)).toMatchObject({
      processed: txs.length - lost,
      openRounds: 0,
      droppedParts: 1,
    });
    const held = rounds[k]![0]!;
    const decoded = decodeTxMessage(new TextEncoder().encode(held.text));
    if (decoded.kind !== 'part') throw new Error('not a part');
    const ids = decoded.part.entries.map((e) => e.tx.id);
    const name = held.msgId.split(':')[0]!;
    const rejects = await deps.store.rejects(stream.name);
    expect(rejects.map((r) => [r.seq, r.lane, r.subject, r.payload])).toEqual([
      [heldSeq, `p${held.partition}`, `raqib.tx.${held.partition}.o`, held.text],
    ]);
    expect(rejects[0]!.reason).toBe(
      `round ${name} still lacks parts 20 positions after its first; part at #${heldSeq} dropped at #${heldSeq + 21} with payments ${ids.join(', ')}`,
    );
    // the round's other parts, published late, are recorded as rejects, not held again
    const late: number[] = [];
    for (const part of rounds[k]!.slice(1)) late.push((await send(part)).seq);
    expect(await drain(runner)).toMatchObject({ openRounds: 0, rejected: rounds[k]!.length - 1 });
    expect((await deps.store.rejects(stream.name)).map((r) => [r.seq, r.reason])).toEqual([
      [heldSeq, rejects[0]!.reason],
      ...late.map((seq) => [seq, `round ${name} was dropped at #${heldSeq + 21}`]),
    ]);
  });

  it('rejects parts that cannot belong to the stream, and the held parts of their rounds, naming each', async () => {
    const { deps, bus } = await setup();
    // rounds of other payments (other ids: other names), each with parts of several partitions
    const other = roundParts(
      txs.slice(0, 60).map((tx) => ({ ...tx, id: `x${tx.id}` })),
      4,
      ROUND,
    ).filter((r) => r.length > 2);
    const [tooMany, noPartition, wrongPartition, disagreeing] = other;
    const raw = async (subject: string, text: string) =>
      (await bus.publish(subject, new TextEncoder().encode(text))).seq;
    const head = (p: OutgoingPart) => JSON.parse(p.text) as unknown[];
    const edited = (p: OutgoingPart, at: number, value: number) =>
      JSON.stringify(head(p).map((v, i) => (i === at ? value : v)));
    const s1 = await raw(`raqib.tx.${tooMany![0]!.partition}.o`, edited(tooMany![0]!, 2, 5));
    const s2 = await raw('raqib.tx.x.o', noPartition![0]!.text);
    const s3 = await raw(`raqib.tx.${(wrongPartition![0]!.partition + 1) % 4}.o`, wrongPartition![0]!.text);
    const s4 = await raw(`raqib.tx.${wrongPartition![1]!.partition}.o`, wrongPartition![1]!.text);
    const s5 = await raw(`raqib.tx.${disagreeing![0]!.partition}.o`, disagreeing![0]!.text);
    const s6 = await raw(`raqib.tx.${disagreeing![1]!.partition}.o`, edited(disagreeing![1]!, 3, 99));
    await new TxPublisher(bus, stream, { roundPayments: ROUND.payments }).publish(txs);
    const runner = new LaneRunner([0, 1, 2, 3], deps);
    await runner.start();
    expect(await drain(runner)).toMatchObject({
      processed: txs.length,
      rejected: 5,
      droppedParts: 1,
      openRounds: 0,
    });
    const name = (r: readonly OutgoingPart[] | undefined) => r![0]!.msgId.split(':')[0]!;
    const rejects = await deps.store.rejects(stream.name);
    expect(rejects.map((r) => [r.seq, r.lane])).toEqual([
      [s1, `p${tooMany![0]!.partition}`],
      [s2, 'p0'],
      [s3, `p${(wrongPartition![0]!.partition + 1) % 4}`],
      [s4, `p${wrongPartition![1]!.partition}`],
      [s5, `p${disagreeing![0]!.partition}`],
      [s6, `p${disagreeing![1]!.partition}`],
    ]);
    expect(rejects.map((r) => r.reason)).toEqual([
      `round ${name(tooMany)}: 5 parts on a stream of 4 partitions`,
      `round ${name(noPartition)}: subject raqib.tx.x.o names none of the stream's 4 partitions`,
      expect.stringMatching(
        new RegExp(
          `^round ${name(wrongPartition)}: payments x\\S.* have their payer in another partition than`,
        ),
      ),
      `round ${name(wrongPartition)} was dropped at #${s3}`,
      expect.stringMatching(
        new RegExp(
          `^round ${name(disagreeing)}: a part says .*; part at #${s5} dropped at #${s6} with payments x`,
        ),
      ),
      expect.stringMatching(/a part says \d+ parts and 99 payments/),
    ]);
    expect(comparable(await alertsOf(deps))).toEqual(comparable(embedded));
  });

  it('restores the recent round names and open rounds from a snapshot, naming a held part it cannot restore', async () => {
    const { deps, send } = await setup();
    const rounds = roundParts(txs, 4, ROUND);
    const m = rounds.findIndex((r, i) => i > 3 && r.length > 1);
    for (const round of rounds.slice(0, m)) for (const part of round) await send(part);
    const heldSeq = (await send(rounds[m]![0]!)).seq;
    const crashed = new LaneRunner([0, 1, 2, 3], { ...deps, snapshotEvery: 1 });
    await crashed.start();
    expect(await drain(crashed)).toMatchObject({ openRounds: 1 });
    await crashed.close();
    // a part of a round completed before the snapshot comes again, after the de-duplication window
    const late = rounds.slice(0, m).find((r) => r.length > 1)!;
    await send(late[0]!, 'late');
    const restarted = new LaneRunner([0, 1, 2, 3], deps);
    await restarted.start();
    // every worker, restarted or not, knows it completed: it opens no round
    expect(await drain(restarted)).toMatchObject({ openRounds: 1, duplicateParts: 1, rejected: 0 });
    await restarted.close();
    // a snapshot whose held part no longer decodes: the error names the part's position
    const snapshot = (await deps.store.latestSnapshot(stream.name, Number.MAX_SAFE_INTEGER))!;
    const payload = JSON.parse(snapshot.payload) as { heldParts: { seq: number; text: string }[] };
    expect(payload.heldParts.map((h) => h.seq)).toEqual([heldSeq]);
    payload.heldParts[0]!.text = payload.heldParts[0]!.text.replace(/^\[(\d),"[^"]+"/, '[$1,"a name!"');
    const store = Object.assign(Object.create(deps.store) as typeof deps.store, {
      latestSnapshot: () => Promise.resolve({ ...snapshot, payload: JSON.stringify(payload) }),
      seenEntries: deps.store.seenEntries.bind(deps.store),
    });
    await expect(new LaneRunner([0, 1, 2, 3], { ...deps, store }).start()).rejects.toThrow(
      `snapshot ${stream.name}#${snapshot.seq}: held part at #${heldSeq}: round part name "a name!" is not`,
    );
  });
});
