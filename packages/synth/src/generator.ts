import { seededRng } from '@raqib/core';
import {
  AMLWORLD_FORMATS,
  AMLWORLD_HEADER,
  currencyName,
  formatAmlworldTimestamp,
  formatAmountAt,
} from './amlworld-text.ts';
import { BackgroundDay, TX_PER_ACCOUNT_DAY } from './background.ts';
import { DayBuffer, MINUTES_PER_DAY } from './day-buffer.ts';
import { writeRows } from './day-rows.ts';
import { buildEconomy } from './economy.ts';
import { FxReference } from './fx-reference.ts';
import {
  DAY_MS,
  MINUTE_MS,
  PATTERN_NOTES,
  PATTERN_TYPES,
  PatternContext,
  type PatternType,
  type PlannedTx,
} from './laundering-plan.ts';
import { holderName } from './names.ts';
import {
  bipartite,
  cycle,
  fanIn,
  fanOut,
  gatherScatter,
  randomWalk,
  scatterGather,
  stack,
} from './patterns-amlworld.ts';
import { cellFunding, exodus, fxPremium } from './patterns-tf.ts';
import { bytesOf, packFields, RowWriter } from './row-writer.ts';
import { subSeed } from './sampling.ts';
import { UN_LISTED_NAMES } from './sanctioned-names.ts';
import { addUntyped } from './untyped.ts';
import { buildWorld, countryOf, entityTypeName, ROLE, type World } from './world.ts';

export interface GenerateOptions {
  readonly accounts: number;
  readonly days: number;
  readonly seed: number;
  /** Share of transactions that are laundering (default 0.001, like AMLworld HI). */
  readonly rate?: number;
  /** Epoch ms of the first day (default 2022-09-01T00:00Z, AMLworld's start). */
  readonly startTime?: number;
  /** Fewest instances of each pattern type, whatever the rate (default 3), so every type can be evaluated. */
  readonly minPerType?: number;
}

export const DEFAULT_RATE = 0.001;
export const DEFAULT_START = Date.UTC(2022, 8, 1);
/** Share of positives that belong to no pattern block (AMLworld: about 35 %). */
export const UNTYPED_SHARE = 0.35;
const MEAN_LEGS_PER_INSTANCE = 9;

const BUILDERS: Readonly<Record<PatternType, (ctx: PatternContext) => void>> = {
  'FAN-OUT': fanOut,
  'FAN-IN': fanIn,
  CYCLE: cycle,
  'SCATTER-GATHER': scatterGather,
  'GATHER-SCATTER': gatherScatter,
  BIPARTITE: bipartite,
  STACK: stack,
  RANDOM: randomWalk,
  'TF-EXODUS': exodus,
  'TF-CELL-FUNDING': cellFunding,
  'TF-FX-PREMIUM': fxPremium,
};

export interface DatasetSummary {
  readonly seed: number;
  readonly accounts: number;
  readonly banks: number;
  readonly days: number;
  readonly transactions: number;
  readonly laundering: number;
  readonly untyped: number;
  readonly patterns: Readonly<Record<string, { readonly instances: number; readonly transactions: number }>>;
}

/**
 * A synthetic AMLworld-style data set. Pure and deterministic per seed: the files come out as chunks (strings for
 * the small files, bytes for transactions.csv) that a writer streams to disk. All laundering is planned in the
 * constructor; `transactionChunks()` then holds one day at a time in typed arrays, never all rows.
 */
export class SyntheticDataset {
  readonly options: Required<GenerateOptions>;
  readonly world: World;
  readonly fx: FxReference;
  private readonly background: BackgroundDay;
  private readonly plan: PatternContext;
  private readonly untyped: number;
  private readonly listedHolders = new Map<number, string>();
  private rows = 0;

  constructor(options: GenerateOptions) {
    const o = {
      rate: DEFAULT_RATE,
      startTime: DEFAULT_START,
      minPerType: 3,
      ...options,
    };
    this.options = o;
    this.fx = new FxReference(seededRng(subSeed(o.seed, 'fx')), o.days);
    const expected = o.accounts * TX_PER_ACCOUNT_DAY * o.days * 0.92;
    const patternTarget = expected * o.rate * (1 - UNTYPED_SHARE);
    const perType = Math.max(
      o.minPerType,
      Math.round(patternTarget / MEAN_LEGS_PER_INSTANCE / PATTERN_TYPES.length),
    );
    // new accounts: cell-funding beneficiaries (≤ 15 an instance) and scatter-gather mules (≤ 8)
    const fresh = Math.min(Math.floor(o.accounts / 10), perType * 23 + 16);
    this.world = buildWorld(seededRng(subSeed(o.seed, 'world')), this.fx, o.accounts, fresh);
    const economy = buildEconomy(seededRng(subSeed(o.seed, 'economy')), this.world);
    this.background = new BackgroundDay(this.world, economy, this.fx);
    const ctx = new PatternContext(
      seededRng(subSeed(o.seed, 'patterns')),
      this.world,
      this.fx,
      this.background,
      o.startTime,
      o.days,
    );
    for (let i = 0; i < perType; i++) for (const type of PATTERN_TYPES) BUILDERS[type](ctx);
    const typed = ctx.txs.length;
    this.untyped = addUntyped(ctx, Math.round((typed * UNTYPED_SHARE) / (1 - UNTYPED_SHARE)), economy);
    this.plan = ctx;
    this.pickListedHolders(seededRng(subSeed(o.seed, 'listed')));
  }

  /** UN-listed names go first to the sources of TF instances (so screening hits line up with alerts), then to
   * random individuals. */
  private pickListedHolders(rng: { next(): number }): void {
    // as a bank would hold them: Arabic script, or the Latin form in title case rather than the list's capitals
    const names = UN_LISTED_NAMES.map((n) => (rng.next() < 0.5 ? titleCase(n.latin) : n.arabic));
    const candidates: number[] = [];
    for (const p of this.plan.patterns) {
      if (!p.type.startsWith('TF-') || p.type === 'TF-FX-PREMIUM') continue;
      const first = this.plan.txs[p.txs[0] ?? -1];
      if (first && this.world.role[first.from] === ROLE.person) candidates.push(first.from);
    }
    let i = 0;
    for (const a of candidates.slice(0, 5)) this.listedHolders.set(a, names[i++] ?? '');
    while (i < names.length) {
      const a = Math.floor(rng.next() * this.world.active);
      if (this.world.role[a] === ROLE.person && !this.listedHolders.has(a))
        this.listedHolders.set(a, names[i++] ?? '');
    }
  }

  banksCsv(): string {
    return `bank_id,country_iso2\n${this.world.banks.map((b) => `${b.id},${b.country.iso2}\n`).join('')}`;
  }

  *accountsCsv(): Generator<string> {
    const rng = seededRng(subSeed(this.options.seed, 'names'));
    let chunk = 'bank_id,account,entity_name,entity_type\n';
    const w = this.world;
    for (let a = 0; a < w.count; a++) {
      const type = entityTypeName(w, a);
      const generated = holderName(rng, type, countryOf(w, a).group);
      const name = this.listedHolders.get(a) ?? generated;
      chunk += `${w.csvRef[a]},${csvField(name)},${type}\n`;
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = '';
      }
    }
    yield chunk;
  }

  /** `date,currency,usd_per_unit`: the day reference rates the generator converted at (TF-FX-PREMIUM's baseline). */
  fxRatesCsv(): string {
    let out = 'date,currency,usd_per_unit\n';
    for (let d = 0; d < this.options.days; d++) {
      const date = new Date(this.options.startTime + d * DAY_MS).toISOString().slice(0, 10);
      this.fx.codes.forEach((code, c) => {
        out += `${date},${code},${Number(this.fx.usdPerUnit(c, d).toPrecision(8))}\n`;
      });
    }
    return out;
  }

  /** transactions.csv in event-time order, one chunk per day (or ≈ 1 MB). */
  *transactionChunks(onDay?: (day: number, rows: number) => void): Generator<Uint8Array> {
    const o = this.options;
    const rng = seededRng(subSeed(o.seed, 'background'));
    const buf = new DayBuffer(Math.max(1024, o.accounts * TX_PER_ACCOUNT_DAY * 1.2));
    const planned = [...this.plan.txs].sort((a, b) => a.ts - b.ts);
    let next = 0;
    this.rows = 0;
    const out = new RowWriter();
    const refs = packFields(this.world.csvRef);
    yield bytesOf(`${AMLWORLD_HEADER}\n`);
    for (let day = 0; day < o.days; day++) {
      buf.clear();
      this.background.generate(buf, rng, day, o.startTime);
      const dayStart = o.startTime + day * DAY_MS;
      while (next < planned.length && (planned[next]?.ts ?? Infinity) < dayStart + DAY_MS) {
        const t = planned[next++] as PlannedTx;
        const minute = Math.floor((t.ts - dayStart) / MINUTE_MS);
        buf.push(minute, t.from, t.to, t.paid, t.currencyPaid, t.received, t.currencyReceived, t.format, 1);
      }
      const stamps: Uint8Array[] = [];
      for (let m = 0; m < MINUTES_PER_DAY; m++)
        stamps.push(bytesOf(formatAmlworldTimestamp(dayStart + m * MINUTE_MS)));
      const order = buf.sorted();
      for (let k = 0; k < order.length; ) {
        k = writeRows(out, buf, order, k, stamps, refs);
        if (out.length > 1 << 20) yield out.take();
      }
      this.rows += order.length;
      if (out.length > 0) yield out.take();
      onDay?.(day + 1, this.rows);
    }
  }

  /** The answer key in AMLworld's format: one BEGIN…END block per instance, rows in time order. */
  patternsTxt(): string {
    let out = '';
    for (const p of this.plan.patterns) {
      if (p.txs.length === 0) continue;
      const note = PATTERN_NOTES[p.type];
      out += `BEGIN LAUNDERING ATTEMPT - ${p.type}${note ? `:  ${note}` : ''}\n`;
      const txs = p.txs.map((i) => this.plan.txs[i] as PlannedTx).sort((a, b) => a.ts - b.ts);
      for (const t of txs) out += `${this.line(t)}\n`;
      out += `END LAUNDERING ATTEMPT - ${p.type}\n\n`;
    }
    return out;
  }

  /** One AMLworld row for a planned transaction (the same text transactionChunks() writes). */
  line(t: PlannedTx): string {
    const ref = this.world.csvRef;
    return (
      `${formatAmlworldTimestamp(t.ts)},${ref[t.from]},${ref[t.to]},` +
      `${formatAmountAt(t.received, t.currencyReceived)},${currencyName(t.currencyReceived)},` +
      `${formatAmountAt(t.paid, t.currencyPaid)},${currencyName(t.currencyPaid)},${AMLWORLD_FORMATS[t.format]},1`
    );
  }

  /** Figures of the data set; `transactions` counts rows produced so far by transactionChunks(). */
  summary(): DatasetSummary {
    const patterns: Record<string, { instances: number; transactions: number }> = {};
    for (const type of PATTERN_TYPES) patterns[type] = { instances: 0, transactions: 0 };
    for (const p of this.plan.patterns) {
      if (p.txs.length === 0) continue;
      const s = patterns[p.type];
      if (s) {
        s.instances++;
        s.transactions += p.txs.length;
      }
    }
    return {
      seed: this.options.seed,
      accounts: this.world.count,
      banks: this.world.banks.length,
      days: this.options.days,
      transactions: this.rows,
      laundering: this.plan.txs.length,
      untyped: this.untyped,
      patterns,
    };
  }

  /** Planned laundering transactions (tests check them against the written files). */
  launderingLines(): { readonly typed: string[]; readonly untyped: string[] } {
    const typed: string[] = [];
    const untyped: string[] = [];
    for (const t of this.plan.txs) (t.pattern >= 0 ? typed : untyped).push(this.line(t));
    return { typed, untyped };
  }
}

function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
