/**
 * A/B of the lane runner between source trees, in ONE process (as bench/monitor-ab.ts does for the monitor): each
 * tree publishes the same payments as rounds to its own in-process bus, and every round runs each tree's
 * `LaneRunner` (all four lanes, SQLite in memory) over its stream, the trees alternating, so that the load other jobs
 * put on a shared machine falls on both alike. Prints each tree's CPU seconds per round (user + system of this
 * process, start to drained) and their medians. Used for decision 0064's limits and rejects: what the checks cost.
 *
 * Usage: node --expose-gc --import tsx bench/lane-runner-ab.ts ROUNDS TREE_A TREE_B…  (each tree with its own
 * node_modules; run it again with the trees in the other order: the tree measured first in a round can differ).
 * `TREE@0,1` runs that tree with lanes 0 and 1 only (default RAQIB_AB_LANES, else all four): `A@0,1,2,3 A@0,1` is one
 * worker against each of two, alternating in one process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Core from '@raqib/core';
import type * as Formats from '@raqib/formats';
import type * as Store from '@raqib/store-sql';
import type * as Synth from '@raqib/synth';
import type * as Lane from '../apps/cli/src/commands/worker-lane.ts';
import type * as StreamSpec from '../apps/cli/src/commands/worker-stream.ts';

const [roundsArg, ...trees] = process.argv.slice(2);
if (!roundsArg || trees.length === 0) throw new Error('usage: lane-runner-ab.ts ROUNDS TREE_A [TREE_B…]');
const rounds = Number(roundsArg);
// RAQIB_AB_LANES=0 measures what a worker of a quarter of the lanes spends: mostly what every worker repeats
const lanes = (process.env.RAQIB_AB_LANES ?? '0,1,2,3').split(',').map(Number);
const load = async <T>(tree: string, path: string): Promise<T> =>
  (await import(pathToFileURL(join(tree, path)).href)) as T;

const first = trees[0]!.split('@')[0]!;
const synth = await load<typeof Synth>(first, 'packages/synth/src/index.ts');
const formats = await load<typeof Formats>(first, 'packages/formats/src/index.ts');
const dir = mkdtempSync(join(tmpdir(), 'raqib-lane-ab-'));
// the bench:scale payments
await synth.writeDataset(dir, { accounts: 6000, days: 10, seed: 7, rate: 0.002 });
const txs: Core.Transaction[] = [];
// RAQIB_AB_STREAM_IDS=1: the ids `raqib ingest` gives AMLworld rows on the stream (`transactions.csv#<row>`), as in
// bench:scale, instead of the bare row
const streamIds = process.env.RAQIB_AB_STREAM_IDS === '1';
for await (const b of formats.readTransactions(join(dir, 'transactions.csv')))
  txs.push(
    ...(streamIds ? b.accepted.map((tx) => ({ ...tx, id: `transactions.csv#${tx.id}` })) : b.accepted),
  );
rmSync(dir, { recursive: true, force: true });

const setups = await Promise.all(
  trees.map(async (label) => {
    // TREE@0,1: that tree with those lanes (several entries may name one tree: e.g. all lanes against half of them)
    const [tree = label, only] = label.split('@');
    const lanesOf = only === undefined ? lanes : only.split(',').map(Number);
    const core = await load<typeof Core>(tree, 'packages/core/src/index.ts');
    const store = await load<typeof Store>(tree, 'packages/store-sql/src/index.ts');
    const lane = await load<typeof Lane>(tree, 'apps/cli/src/commands/worker-lane.ts');
    const spec = await load<typeof StreamSpec>(tree, 'apps/cli/src/commands/worker-stream.ts');
    const stream = { name: 'RAQIB_TX', subjectPrefix: 'raqib.tx', partitions: 4 };
    const bus = new core.InProcessBus();
    await spec.ensureTxStream(bus, stream);
    await new core.TxPublisher(bus, stream).publish(txs);
    const config = { ...core.defaultMonitoringConfig(), retainTransactions: 1 << 18 };
    return { tree: label, lanes: lanesOf, core, store, lane, stream, bus, config, cpu: [] as number[] };
  }),
);

for (let r = 0; r < rounds; r++) {
  for (const s of setups) {
    const database = s.store.openDatabase(':memory:');
    await s.store.migrateToLatest(database);
    const runner = new s.lane.LaneRunner(s.lanes, {
      bus: s.bus,
      stream: s.stream,
      store: new s.store.SqlLaneStore(database.db),
      checkpoints: new s.store.SqlCheckpointStore(database.db),
      config: s.config,
      reference: {},
      worker: 'ab:1',
      batchSize: 8000,
    });
    // the previous tree's garbage is collected outside the measured span (node --expose-gc), else whichever tree
    // runs second in a round pays for the first's
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.cpuUsage();
    await runner.start();
    while ((await runner.step(0)) > 0) {
      // next batch
    }
    await runner.flush();
    const used = process.cpuUsage(before);
    const stats = runner.stats();
    if (stats.processed + stats.followed !== txs.length)
      throw new Error(`${s.tree}: read ${stats.processed + stats.followed} of ${txs.length}`);
    s.cpu.push((used.user + used.system) / 1e6);
    await runner.close();
    await database.close();
  }
}
const median = (a: readonly number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
console.log(`${txs.length} payments, ${rounds} rounds, CPU s per round (user + system):`);
for (const s of setups) {
  console.log(`${s.tree}: ${s.cpu.map((c) => c.toFixed(3)).join(', ')}; median ${median(s.cpu).toFixed(3)}`);
}
const base = median(setups[0]!.cpu);
for (const s of setups.slice(1)) console.log(`${s.tree} / ${first}: ${(median(s.cpu) / base).toFixed(3)}`);
