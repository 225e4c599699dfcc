import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_LENGTH, NotUtf8Lines, streamLines } from './line-stream.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

async function lines(path: string, chunkSize?: number): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of streamLines(path, { chunkSize })) out.push(...batch);
  return out;
}

function temp(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'raqib-lines-')), name);
  writeFileSync(path, content);
  return path;
}

describe('streamLines', () => {
  it('drops a BOM, strips CR before LF, keeps a last line without newline', async () => {
    expect(await lines(temp('a.txt', '\uFEFFa,b\r\nc\n\nd'))).toEqual(['a,b', 'c', '', 'd']);
  });

  it('yields no line for a file holding only a BOM', async () => {
    expect(await lines(temp('bom.txt', '\uFEFF'))).toEqual([]);
    expect(await lines(temp('bom.txt', '\uFEFF'), 1)).toEqual([]);
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

  it('reports each line that is not UTF-8, in any chunking, and tells it from a U+FFFD written in the file', async () => {
    // before: the bytes silently became U+FFFD. cp1252 "Müller" (FC), a cut sequence, a lone continuation byte
    const path = temp(
      'latin1.csv',
      bytes(
        'ok\n',
        'M',
        [0xfc],
        'ller\n',
        'real \uFFFD is text\n',
        'caf',
        [0xc3],
        '\r\n',
        'é\n',
        [0x80],
        'x',
      ),
    );
    for (const chunkSize of [undefined, 1, 3, 7]) {
      const bad: number[] = [];
      const out: string[] = [];
      for await (const batch of streamLines(path, { chunkSize, onNotUtf8: (line) => bad.push(line) })) {
        out.push(...batch);
      }
      expect(bad).toEqual([2, 4, 6]);
      expect(out).toEqual(['ok', 'M\uFFFDller', 'real \uFFFD is text', 'caf\uFFFD', 'é', '\uFFFDx']);
    }
  });

  it('NotUtf8Lines keeps the reported lines for the reader to take, each once, before their chunk', async () => {
    const path = temp('mixed.csv', bytes('ok\nM', [0xfc], 'ller\nfine\n', [0xff], '\n'));
    const notUtf8 = new NotUtf8Lines();
    const taken: [string, boolean][] = [];
    let lineNo = 0;
    for await (const batch of streamLines(path, { chunkSize: 3, onNotUtf8: notUtf8.report })) {
      for (const line of batch) taken.push([line, notUtf8.take(++lineNo)]);
    }
    expect(taken).toEqual([
      ['ok', false],
      ['M\uFFFDller', true],
      ['fine', false],
      ['\uFFFD', true],
    ]);
    expect(notUtf8.take(2)).toBe(false);
  });

  it('refuses a file with a line that is not UTF-8, naming the line, when nobody quarantines it', async () => {
    const path = temp('cp1252.csv', bytes('a\nb\n', 'M', [0xfc], 'ller\n'));
    await expect(lines(path)).rejects.toThrow(`${path}: line 3: not valid UTF-8; save the file as UTF-8`);
  });

  it('names a directory given as the file', async () => {
    await expect(lines(tmpdir())).rejects.toThrow(`cannot read ${tmpdir()}: not a regular file`);
  });
});
