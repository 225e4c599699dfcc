const encoder = new TextEncoder();

/** Encodes text once, for fields that repeat on millions of rows (account refs, timestamps, currency names). */
export function bytesOf(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Many short ASCII fields packed into one byte array; field i is bytes[offsets[i], offsets[i + 1]). */
export interface PackedFields {
  readonly bytes: Uint8Array;
  readonly offsets: Int32Array;
}

export function packFields(fields: readonly string[]): PackedFields {
  const offsets = new Int32Array(fields.length + 1);
  const parts = fields.map((f) => encoder.encode(f));
  for (let i = 0; i < parts.length; i++) offsets[i + 1] = (offsets[i] ?? 0) + (parts[i]?.length ?? 0);
  const bytes = new Uint8Array(offsets[fields.length] ?? 0);
  for (let i = 0; i < parts.length; i++) bytes.set(parts[i] as Uint8Array, offsets[i] ?? 0);
  return { bytes, offsets };
}

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];
const digits = new Uint8Array(24);

export function copyBytes(dst: Uint8Array, p: number, src: Uint8Array, start: number, end: number): number {
  for (let i = start; i < end; i++) dst[p++] = src[i] as number;
  return p;
}

/**
 * Integer minor units as a decimal with exactly `exponent` fractional digits (as formatMinorUnits writes it).
 * Digits come from int32 arithmetic whenever the value allows (nearly always): a float floor-division per digit
 * was a large part of the row cost.
 */
export function writeAmount(dst: Uint8Array, p: number, minor: number, exponent: number): number {
  const scale = POW10[exponent] ?? 10 ** exponent;
  let whole = Math.floor(minor / scale);
  const frac = minor - whole * scale;
  let n = 0;
  while (whole >= 2147483648) {
    const q = Math.floor(whole / 10);
    digits[n++] = 48 + (whole - q * 10);
    whole = q;
  }
  let w = whole | 0;
  do {
    const q = (w / 10) | 0;
    digits[n++] = 48 + (w - q * 10);
    w = q;
  } while (w > 0);
  while (n > 0) dst[p++] = digits[--n] as number;
  if (exponent === 0) return p;
  dst[p++] = 46;
  let f = frac | 0;
  for (let i = exponent - 1; i >= 0; i--) {
    const q = (f / 10) | 0;
    dst[p + i] = 48 + (f - q * 10);
    f = q;
  }
  return p + exponent;
}

/**
 * Writes CSV rows straight into a byte buffer. Building millions of rows as template strings spent almost half
 * the generator's time in garbage collection; copying pre-encoded fields and writing amounts digit by digit does
 * not allocate per row. `take()` hands over the filled bytes as one chunk.
 */
export class RowWriter {
  private buf: Uint8Array;
  private pos = 0;
  private readonly digits = new Uint8Array(24);

  constructor(capacity = 1 << 21) {
    this.buf = new Uint8Array(capacity);
  }

  get length(): number {
    return this.pos;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  bytes(b: Uint8Array): this {
    const n = b.length;
    this.ensure(n);
    // a plain loop beats TypedArray#set for the short fields rows are made of
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = b[i] as number;
    this.pos = p;
    return this;
  }

  /** Copies `src[start, end)`: fields packed into one flat array stay cache-friendly at 250k accounts. */
  range(src: Uint8Array, start: number, end: number): this {
    this.ensure(end - start);
    const buf = this.buf;
    let p = this.pos;
    for (let i = start; i < end; i++) buf[p++] = src[i] as number;
    this.pos = p;
    return this;
  }

  char(code: number): this {
    this.ensure(1);
    this.buf[this.pos++] = code;
    return this;
  }

  /** A non-negative integer. */
  integer(value: number): this {
    let v = Math.floor(value);
    let n = 0;
    do {
      const q = Math.floor(v / 10);
      this.digits[n++] = 48 + (v - q * 10);
      v = q;
    } while (v > 0);
    this.ensure(n);
    while (n > 0) this.buf[this.pos++] = this.digits[--n] ?? 48;
    return this;
  }

  /** Integer minor units as a decimal with exactly `exponent` fractional digits (as formatMinorUnits does). */
  amount(minor: number, exponent: number): this {
    this.ensure(40);
    this.pos = writeAmount(this.buf, this.pos, minor, exponent);
    return this;
  }

  /**
   * The underlying buffer with at least `n` free bytes after `length`, for hot loops that write a whole row with
   * local indexes and then call `setLength` (no per-field method call or capacity check).
   */
  reserve(n: number): Uint8Array {
    this.ensure(n);
    return this.buf;
  }

  setLength(length: number): void {
    this.pos = length;
  }

  /** The bytes written so far, as a new chunk; the writer starts empty again. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.pos);
    this.pos = 0;
    return out;
  }
}
