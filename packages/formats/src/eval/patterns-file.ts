import { readFile } from 'node:fs/promises';
import type { Transaction } from '@raqib/core';
import { parseAmlworldLine } from '../transactions/amlworld.ts';
import { openCheck } from '../transactions/line-stream.ts';

/** One BEGIN…END block of an AMLworld patterns file: a laundering instance and its transactions. */
export interface PatternInstance {
  /** `FAN-OUT`, `CYCLE`, `TF-EXODUS`… as written after `BEGIN LAUNDERING ATTEMPT - `. */
  readonly type: string;
  /** The text after `TYPE:` on the BEGIN line (e.g. `Max 16-degree Fan-Out`), empty when none. */
  readonly note: string;
  /** 1-based line number of the BEGIN line. */
  readonly line: number;
  readonly transactions: readonly Transaction[];
}

/** Largest patterns file accepted: AMLworld's biggest (LI-Large) is a few MB; the answer key is read whole. */
export const MAX_PATTERNS_BYTES = 256 << 20;

const BEGIN = /^BEGIN LAUNDERING ATTEMPT - ([A-Z][A-Z0-9-]*?)(?::\s*(.*))?$/;
const END = /^END LAUNDERING ATTEMPT - ([A-Z][A-Z0-9-]*)$/;

/**
 * Parses the text of an AMLworld `*_Patterns.txt` (also what `raqib generate` writes). Rows inside a block are
 * AMLworld CSV lines with the label column. Throws an Error naming `source` and the line for anything that is
 * not a well-formed block: the answer key must not silently lose instances.
 */
export function parsePatterns(text: string, source: string): PatternInstance[] {
  const lines = text.split('\n');
  const out: PatternInstance[] = [];
  let open: { type: string; note: string; line: number; transactions: Transaction[] } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    // CRLF and trailing blanks are tolerated: some copies of IBM's files carry them
    const line = raw.trimEnd();
    const lineNo = i + 1;
    if (line.trim().length === 0) continue;
    const begin = BEGIN.exec(line);
    if (begin) {
      if (open)
        throw new Error(`${source}: line ${lineNo}: BEGIN inside the block opened at line ${open.line}`);
      open = { type: begin[1] ?? '', note: (begin[2] ?? '').trim(), line: lineNo, transactions: [] };
      continue;
    }
    const end = END.exec(line);
    if (end) {
      if (!open) throw new Error(`${source}: line ${lineNo}: END without a BEGIN`);
      if (end[1] !== open.type) {
        throw new Error(
          `${source}: line ${lineNo}: END ${end[1]} closes the ${open.type} block of line ${open.line}`,
        );
      }
      out.push(open);
      open = undefined;
      continue;
    }
    if (!open)
      throw new Error(
        `${source}: line ${lineNo}: a row outside any BEGIN…END block: "${line.slice(0, 120)}"`,
      );
    const tx = parseAmlworldLine(line, -1, true);
    if (typeof tx === 'string') throw new Error(`${source}: line ${lineNo}: ${tx}`);
    open.transactions.push(tx);
  }
  if (open) throw new Error(`${source}: the ${open.type} block opened at line ${open.line} has no END`);
  return out;
}

/** Reads and parses a patterns file; a missing or unreadable file throws an Error naming it. */
export async function readPatternsFile(path: string): Promise<PatternInstance[]> {
  const size = await openCheck(path);
  if (size > MAX_PATTERNS_BYTES)
    throw new Error(`${path}: ${size} bytes, larger than the ${MAX_PATTERNS_BYTES} accepted`);
  return parsePatterns(await readFile(path, 'utf8'), path);
}

/**
 * The fields a pattern row is matched to a data row by: everything but the row index and the label, with
 * amounts as exact minor units (so `5331.4` and `5331.40` match).
 */
export function matchKey(tx: Transaction): string {
  return (
    `${tx.ts}|${tx.fromBank}|${tx.fromAccount}|${tx.toBank}|${tx.toAccount}|${tx.amountPaid}|${tx.currencyPaid}|` +
    `${tx.amountReceived}|${tx.currencyReceived}|${tx.paymentFormat}`
  );
}
