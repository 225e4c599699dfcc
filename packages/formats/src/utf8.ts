import { isUtf8 } from 'node:buffer';

/**
 * Where `bytes` stop being UTF-8: the byte offset (0-based) of the first byte of the first sequence that is not
 * UTF-8, and its line (1-based, counting 0x0A bytes before it); undefined when all of `bytes` is UTF-8. The start of
 * a broken sequence is reported, not the byte that shows it broken (José in ISO-8859-1: the E9, not the space after
 * it), a sequence cut off by the end of `bytes` included. The rules are WHATWG's decoder's (no overlong forms, no
 * surrogates, nothing above U+10FFFF). Whole lines are checked at native speed; only the bad one is walked byte by
 * byte, so this is for an error path, not for checking every chunk.
 */
export function firstBadUtf8(bytes: Uint8Array): { line: number; offset: number } | undefined {
  let start = 0;
  let line = 1;
  for (; ; line++) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl === -1 ? bytes.length : nl;
    if (!isUtf8(bytes.subarray(start, end))) break;
    if (nl === -1) return undefined;
    start = nl + 1;
  }
  // a newline is never a continuation byte, so a sequence cut by the end of the line is reported at its lead byte
  let i = start;
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return { line, offset: i };
    for (let k = 1; k <= n; k++) {
      const d = bytes[i + k];
      if (d === undefined || d < lo || d > hi) return { line, offset: i };
      lo = 0x80;
      hi = 0xbf;
    }
    i += n + 1;
  }
  return undefined;
}
