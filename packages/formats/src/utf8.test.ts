import { describe, expect, it } from 'vitest';
import { firstBadUtf8 } from './utf8.ts';

const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('firstBadUtf8', () => {
  it('is undefined for UTF-8, a U+FFFD written in the text and an empty input included', () => {
    expect(firstBadUtf8(bytes('name\nJosé, Müller, عمر, 😀, \ufffd\n'))).toBeUndefined();
    expect(firstBadUtf8(new Uint8Array())).toBeUndefined();
  });

  it('names the line and offset of the first byte of the first sequence that is not UTF-8', () => {
    // José in ISO-8859-1: E9 is a 3-byte lead, the "," after it shows it broken; E9 is reported
    expect(firstBadUtf8(bytes('id,name\n1,Jos', [0xe9], ',x\n'))).toEqual({ line: 2, offset: 13 });
    // a stray continuation byte, an invalid lead, an overlong form, a surrogate, above U+10FFFF
    expect(firstBadUtf8(bytes('a\nb\nc', [0x80]))).toEqual({ line: 3, offset: 5 });
    expect(firstBadUtf8(bytes('é', [0xc0, 0x41]))).toEqual({ line: 1, offset: 2 });
    expect(firstBadUtf8(bytes('x', [0xe0, 0x80, 0x80]))).toEqual({ line: 1, offset: 1 });
    expect(firstBadUtf8(bytes('x', [0xed, 0xa0, 0x80]))).toEqual({ line: 1, offset: 1 });
    expect(firstBadUtf8(bytes('x', [0xf4, 0x90, 0x80, 0x80]))).toEqual({ line: 1, offset: 1 });
    // only the first is reported
    expect(firstBadUtf8(bytes('\n', [0xff], '\n', [0xfe]))).toEqual({ line: 2, offset: 1 });
  });

  it('reports a sequence cut off by the end of a line or of the input at its first byte', () => {
    expect(firstBadUtf8(bytes('ab', [0xe2, 0x82], '\ncd'))).toEqual({ line: 1, offset: 2 });
    expect(firstBadUtf8(bytes('ab\n😀', [0xf0, 0x9f, 0x98]))).toEqual({ line: 2, offset: 7 });
  });
});
