import { constants } from 'node:buffer';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readUtf8TextFile } from './utf8-text-file.ts';

function file(bytes: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'raqib-utf8-')), 'c.csv');
  writeFileSync(path, bytes);
  return path;
}

function error(bytes: Buffer): string {
  try {
    readUtf8TextFile(file(bytes));
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('readUtf8TextFile', () => {
  it('reads UTF-8 without its byte-order mark', () => {
    expect(readUtf8TextFile(file(Buffer.from('\ufeffid,name\nC1,José\n', 'utf8')))).toBe(
      'id,name\nC1,José\n',
    );
  });

  it('names the first byte of a broken sequence, not the byte after it that shows it broken', () => {
    // é (E9) and ñ (F1) read as the leads of 3- and 4-byte sequences that the next ASCII byte breaks
    expect(error(Buffer.from('id,name\nC1,José Bar\n', 'latin1'))).toContain(
      'line 2: not UTF-8 (byte 0xE9 at byte offset 14)',
    );
    expect(error(Buffer.from('id,name\nC1,Señor\n', 'latin1'))).toContain(
      'line 2: not UTF-8 (byte 0xF1 at byte offset 13)',
    );
    // ü (FC) starts no sequence: the decoder fails on it
    expect(error(Buffer.from('id,name\nC1,Müller\n', 'latin1'))).toContain(
      'line 2: not UTF-8 (byte 0xFC at byte offset 12)',
    );
    // a sequence cut short by the end of the line
    expect(error(Buffer.from('id,name\nC1,Jos\xe9\n', 'latin1'))).toContain(
      'line 2: not UTF-8 (byte 0xE9 at byte offset 14)',
    );
    // a continuation byte after ASCII is the bad byte itself
    expect(error(Buffer.from([0x61, 0x80, 0x62]))).toContain(
      'line 1: not UTF-8 (byte 0x80 at byte offset 1)',
    );
  });

  it('says a UTF-16 file without a byte-order mark looks like UTF-16', () => {
    expect(error(Buffer.from('id,name\nC1,Jane Smith\n', 'utf16le'))).toContain(
      'looks like UTF-16 LE without a byte-order mark',
    );
    const be = Buffer.from('id,name\nC1,Jane Smith\n', 'utf16le').swap16();
    expect(error(be)).toContain('looks like UTF-16 BE without a byte-order mark');
    // Arabic letters in UTF-16 LE hold no NUL (محمد is 45 06 2D 06 45 06 2F 06): the ASCII ones still give it away
    expect(error(Buffer.from('id,name\nC1,محمد عبدالله الأحمد بن سليمان الحسيني\n', 'utf16le'))).toContain(
      'looks like UTF-16 LE without a byte-order mark',
    );
    expect(error(Buffer.from('id,name\nC1,Jane\0\0\0\0\n'))).toContain(
      'line 2: a NUL byte at byte offset 15',
    );
    expect(error(Buffer.from('\ufeffid,name\n', 'utf16le'))).toContain(
      'line 1: UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8',
    );
  });
});

describe('readUtf8TextFile size and byte-order mark', () => {
  it('refuses a file longer than V8 can hold in one string before reading it, naming file, size and limit', () => {
    // before: the limit was 512 MiB, 24 bytes over V8's longest string: such a file was read whole, then failed as
    // "Invalid string length"
    const dir = mkdtempSync(join(tmpdir(), 'raqib-text-'));
    try {
      const path = join(dir, 'customers.csv');
      writeFileSync(path, 'id,name\n');
      truncateSync(path, constants.MAX_STRING_LENGTH + 1); // sparse: no disk used; under 512 MiB
      expect(() => readUtf8TextFile(path)).toThrow(
        `${path}: ${constants.MAX_STRING_LENGTH + 1} bytes is over the ${constants.MAX_STRING_LENGTH}-byte limit`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads UTF-8 text without its byte-order mark', () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-text-'));
    try {
      const path = join(dir, 'pairs.csv');
      writeFileSync(path, '\uFEFFa,b\nMüller,رقيب\n');
      expect(readUtf8TextFile(path)).toBe('a,b\nMüller,رقيب\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
