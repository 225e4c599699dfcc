import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_LENGTH, streamLines } from './line-stream.ts';

async function lines(path: string, chunkSize?: number): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of streamLines(path, { chunkSize })) out.push(...batch);
  return out;
}

function temp(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'raqib-lines-')), name);
  writeFileSync(path, content);
  return path;
}

describe('streamLines', () => {
  it('drops a BOM, strips CR before LF, keeps a last line without newline', async () => {
    expect(await lines(temp('a.txt', '\uFEFFa,b\r\nc\n\nd'))).toEqual(['a,b', 'c', '', 'd']);
  });

  it('joins lines split across read chunks, multi-byte characters included', async () => {
    const text = Array.from({ length: 200 }, (_, i) => `رقيب-${i}-é`).join('\n');
    expect(await lines(temp('b.txt', text), 7)).toEqual(text.split('\n'));
  });

  it('refuses a file whose line exceeds the limit, naming the file', async () => {
    const path = temp('no-newlines.csv', 'x'.repeat(MAX_LINE_LENGTH + 10));
    await expect(lines(path)).rejects.toThrow(
      /no-newlines\.csv: line 1: a line is longer than 1048576 characters/,
    );
  });

  it('names the line that exceeds the limit', async () => {
    const path = temp('long-line.csv', `a\nb\r\n\n${'x'.repeat(2 * MAX_LINE_LENGTH)}\nc\n`);
    await expect(lines(path, 1 << 16)).rejects.toThrow(
      /long-line\.csv: line 4: a line is longer than 1048576 characters/,
    );
  });

  it('names a directory given as the file', async () => {
    await expect(lines(tmpdir())).rejects.toThrow(`cannot read ${tmpdir()}: not a regular file`);
  });
});
