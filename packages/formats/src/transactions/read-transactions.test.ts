import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AMLWORLD_HEADER } from './amlworld.ts';
import { detectFormat } from './detect-format.ts';
import { InputFileError } from './input-file-error.ts';
import { readTransactions } from './read-transactions.ts';
import { collect, fixture } from './test-support.ts';

describe('detectFormat', () => {
  it('recognises each format from its content', async () => {
    expect(await detectFormat(fixture('amlworld-sample.csv'))).toBe('amlworld');
    expect(await detectFormat(fixture('amlworld-unlabelled-crlf.csv'))).toBe('amlworld');
    expect(await detectFormat(fixture('transactions.jsonl'))).toBe('jsonl');
    expect(await detectFormat(fixture('amlsim-transactions.csv'))).toBe('amlsim');
    expect(await detectFormat(fixture('amlsim-tx.csv'))).toBe('amlsim');
    expect(await detectFormat(fixture('amlsim-tx_log.csv'))).toBe('amlsim');
  });

  it('asks for --format when the content matches nothing, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-detect-'));
    const path = join(dir, 'ledger.csv');
    writeFileSync(path, 'date;debit;credit\n');
    await expect(detectFormat(path)).rejects.toThrow(/ledger\.csv: cannot tell the format.*--format/);
    await expect(detectFormat(join(dir, 'missing.csv'))).rejects.toThrow(
      /cannot read .*missing\.csv: no such file/,
    );
  });
});

describe('readTransactions', () => {
  it('dispatches on the detected format', async () => {
    const aw = await collect(readTransactions(fixture('amlworld-sample.csv')));
    const js = await collect(readTransactions(fixture('transactions.jsonl')));
    const sim = await collect(readTransactions(fixture('amlsim-tx.csv')));
    expect([aw.accepted.length, js.accepted.length, sim.accepted.length]).toEqual([11, 4, 45]);
  });

  it('uses the given format over detection', async () => {
    await expect(
      collect(readTransactions(fixture('transactions.jsonl'), { format: 'amlworld' })),
    ).rejects.toThrow(/not an AMLworld header/);
  });

  it('throws InputFileError for file-level problems of every format, so a CLI can print them plainly', async () => {
    const cases: Array<[string, 'amlworld' | 'jsonl' | 'pacs008' | 'amlsim' | undefined]> = [
      ['/nonexistent/input.csv', undefined],
      [fixture('banks.csv'), undefined],
      [fixture('banks.csv'), 'amlworld'],
      [fixture('banks.csv'), 'amlsim'],
      [fixture('pacs008-doctype.xml'), 'pacs008'],
      ['/nonexistent/input.jsonl', 'jsonl'],
    ];
    for (const [path, format] of cases) {
      const err = await collect(readTransactions(path, format ? { format } : {})).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, `${path} ${format}`).toBeInstanceOf(InputFileError);
      expect((err as Error).message.includes(path), (err as Error).message).toBe(true);
    }
  });

  it('reports progress in bytes up to the file size', async () => {
    const seen: Array<[number, number]> = [];
    await collect(readTransactions(fixture('amlworld-sample.csv'), { onBytes: (b, t) => seen.push([b, t]) }));
    const last = seen.at(-1)!;
    expect(last[0]).toBe(last[1]);
    expect(last[1]).toBeGreaterThan(1000);
  });

  it('stops on an aborted signal in every format', async () => {
    const controller = new AbortController();
    controller.abort(new Error('interrupted'));
    for (const name of ['amlworld-sample.csv', 'transactions.jsonl', 'pacs008-bulk.xml', 'amlsim-tx.csv']) {
      await expect(
        collect(readTransactions(fixture(name), { signal: controller.signal })),
        name,
      ).rejects.toThrow('interrupted');
    }
  });

  it('reads only as far as the consumer pulls (backpressure)', async () => {
    const row = '2022/09/01 00:20,010,8000EBD30,011,8000EBD31,3697.34,US Dollar,3697.34,US Dollar,Wire,0';
    const path = join(mkdtempSync(join(tmpdir(), 'raqib-bp-')), 'big.csv');
    writeFileSync(path, `${AMLWORLD_HEADER}\n${`${row}\n`.repeat(100_000)}`); // ≈ 9 MB
    let bytes = 0;
    let total = 0;
    for await (const batch of readTransactions(path, {
      batchSize: 100,
      onBytes: (b, t) => {
        bytes = b;
        total = t;
      },
    })) {
      expect(batch.accepted).toHaveLength(100);
      break;
    }
    expect(total).toBeGreaterThan(8_000_000);
    expect(bytes).toBeLessThan(total / 2);
  });
});
