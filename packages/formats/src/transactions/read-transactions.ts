import { readAmlsim } from './amlsim.ts';
import { readAmlworld } from './amlworld.ts';
import { detectFormat } from './detect-format.ts';
import { readJsonl } from './jsonl.ts';
import { readPacs008 } from './pacs008.ts';
import type { ReadOptions, TransactionFormat, TxBatch } from './types.ts';

/**
 * Streams a transaction file in batches (pull-based: the file is read only as fast as the batches are
 * consumed). The format is detected when not given. A missing or unreadable file throws an Error naming it.
 */
export async function* readTransactions(path: string, options: ReadOptions = {}): AsyncGenerator<TxBatch> {
  const format: TransactionFormat = options.format ?? (await detectFormat(path));
  switch (format) {
    case 'amlworld':
      yield* readAmlworld(path, options);
      return;
    case 'jsonl':
      yield* readJsonl(path, options);
      return;
    case 'amlsim':
      yield* readAmlsim(path, options);
      return;
    case 'pacs008':
      yield* readPacs008(path, options);
      return;
  }
}
