import type { HeldPart, RecentRound, StageSnapshot } from '@raqib/core';

const ARRAY_TYPES = {
  Int8Array,
  Uint8Array,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;
type NumArray = StageSnapshot['ringArrays'][string];

interface EncodedArray {
  readonly t: ArrayTypeName;
  readonly b: string;
}

function encodeArrays(arrays: Readonly<Record<string, NumArray>>): Record<string, EncodedArray> {
  const out: Record<string, EncodedArray> = {};
  for (const [name, a] of Object.entries(arrays)) {
    out[name] = {
      t: a.constructor.name as ArrayTypeName,
      b: Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64'),
    };
  }
  return out;
}

function decodeArrays(v: unknown, where: string): Record<string, NumArray> {
  if (typeof v !== 'object' || v === null) throw new Error(`${where}: not an object of arrays`);
  const out: Record<string, NumArray> = {};
  for (const [name, e] of Object.entries(v as Record<string, EncodedArray>)) {
    const Type = ARRAY_TYPES[e?.t];
    if (Type === undefined || typeof e.b !== 'string')
      throw new Error(`${where}: field ${name} is not a typed array`);
    const bytes = Buffer.from(e.b, 'base64');
    if (bytes.byteLength % Type.BYTES_PER_ELEMENT !== 0)
      throw new Error(`${where}: field ${name} has a torn length`);
    // copy into a fresh, aligned buffer of the right type
    const a = new Type(bytes.byteLength / Type.BYTES_PER_ELEMENT);
    new Uint8Array(a.buffer).set(bytes);
    out[name] = a as NumArray;
  }
  return out;
}

/**
 * A stage snapshot as text (typed arrays in base64), for the `scale_snapshots` table, with the parts of rounds still
 * open at its position and the rounds recently completed or dropped (docs/decisions/0064-rounds.md): a restart reads
 * the stream only after it, and must treat a late part as every other worker does.
 */
export function snapshotText(
  s: StageSnapshot,
  held: readonly HeldPart[] = [],
  recent: readonly RecentRound[] = [],
): string {
  return JSON.stringify({
    ...s,
    accountArrays: encodeArrays(s.accountArrays),
    ringArrays: encodeArrays(s.ringArrays),
    // JSON has no infinity: a stage that has seen nothing has watermark -Infinity
    watermark: Number.isFinite(s.watermark) ? s.watermark : null,
    heldParts: held,
    recentRounds: recent,
  });
}

export interface ParsedSnapshot {
  readonly stage: StageSnapshot;
  /** Parts of rounds open at the snapshot's position (none in a snapshot written before rounds). */
  readonly held: readonly HeldPart[];
  /** Rounds completed or dropped shortly before the snapshot (none in a snapshot written before 0064's limits). */
  readonly recent: readonly RecentRound[];
}

function recentRounds(v: unknown, where: string): RecentRound[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new Error(`${where}: recentRounds is not a list`);
  for (const r of v as RecentRound[]) {
    if (
      typeof r?.round !== 'string' ||
      typeof r.seq !== 'number' ||
      (r.outcome !== 'complete' && r.outcome !== 'dropped')
    ) {
      throw new Error(`${where}: a recent round lacks its name, outcome or position`);
    }
  }
  return v as RecentRound[];
}

function heldParts(v: unknown, where: string): HeldPart[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new Error(`${where}: heldParts is not a list`);
  for (const h of v as HeldPart[]) {
    if (typeof h?.seq !== 'number' || typeof h.partition !== 'number' || typeof h.text !== 'string') {
      throw new Error(`${where}: a held part lacks its position, partition or text`);
    }
  }
  return v as HeldPart[];
}

/** Parses snapshotText output; throws an Error naming `where` and the problem. */
export function parseSnapshotText(text: string, where: string): ParsedSnapshot {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${where}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (o.version !== 1) throw new Error(`${where}: version ${String(o.version)} is not supported`);
  if (!Array.isArray(o.banks) || !Array.isArray(o.accounts) || o.banks.length !== o.accounts.length) {
    throw new Error(`${where}: banks and accounts are not two lists of one length`);
  }
  if (typeof o.ringHead !== 'number' || typeof o.processed !== 'number') {
    throw new Error(`${where}: ring head or processed count missing`);
  }
  const { heldParts: held, recentRounds: recent, ...stage } = o;
  return {
    stage: {
      ...(stage as unknown as StageSnapshot),
      accountArrays: decodeArrays(o.accountArrays, `${where} accounts`),
      ringArrays: decodeArrays(o.ringArrays, `${where} ring`),
      watermark: typeof o.watermark === 'number' ? o.watermark : Number.NEGATIVE_INFINITY,
    },
    held: heldParts(held, where),
    recent: recentRounds(recent, where),
  };
}
