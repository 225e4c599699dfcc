import { open } from 'node:fs/promises';
import { isAmlsimHeader } from './amlsim.ts';
import { amlworldHeaderKind } from './amlworld.ts';
import { InputFileError } from './input-file-error.ts';
import { openCheck } from './line-stream.ts';
import type { TransactionFormat } from './types.ts';

const SNIFF_BYTES = 64 * 1024;

async function head(path: string): Promise<string> {
  await openCheck(path);
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    let text = buf.subarray(0, bytesRead).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text;
  } finally {
    await handle.close();
  }
}

/**
 * Detects a transaction file's format from its content (the header line, the first JSON character, the XML
 * root), with the extension only as a tie-breaker. Throws an Error naming the file when nothing matches, so
 * that the user is asked for `--format` instead of getting a wall of rejections.
 */
export async function detectFormat(path: string): Promise<TransactionFormat> {
  const text = await head(path);
  const firstLine = text
    .slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length)
    .replace(/\r$/, '');
  if (amlworldHeaderKind(firstLine) !== undefined) return 'amlworld';
  if (isAmlsimHeader(firstLine)) return 'amlsim';
  const start = text.trimStart();
  if (start.startsWith('{')) return 'jsonl';
  if (start.startsWith('<')) {
    if (/FIToFICstmrCdtTrf|pacs\.008/.test(text)) return 'pacs008';
    throw new InputFileError(`${path}: XML, but not an ISO 20022 pacs.008 message (no FIToFICstmrCdtTrf)`);
  }
  const lower = path.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  throw new InputFileError(
    `${path}: cannot tell the format from the content (first line "${firstLine.slice(0, 120)}"); ` +
      'pass --format amlworld|jsonl|pacs008|amlsim',
  );
}
