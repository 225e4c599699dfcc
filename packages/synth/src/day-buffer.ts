/** Minutes in a day: AMLworld timestamps have minute resolution, so a day sorts with a counting sort. */
export const MINUTES_PER_DAY = 1440;

/**
 * One day of transactions as parallel typed arrays. Rows are appended in any order and read back in time order
 * (stable counting sort on the minute), so the file is written in event-time order without holding more than a
 * day in memory and without an object per row.
 */
export class DayBuffer {
  length = 0;
  minute: Uint16Array;
  from: Int32Array;
  to: Int32Array;
  paid: Float64Array;
  received: Float64Array;
  currencyPaid: Uint8Array;
  currencyReceived: Uint8Array;
  format: Uint8Array;
  label: Uint8Array;
  private order: Uint32Array;
  private readonly counts = new Uint32Array(MINUTES_PER_DAY + 1);

  constructor(capacity = 1024) {
    this.minute = new Uint16Array(capacity);
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.paid = new Float64Array(capacity);
    this.received = new Float64Array(capacity);
    this.currencyPaid = new Uint8Array(capacity);
    this.currencyReceived = new Uint8Array(capacity);
    this.format = new Uint8Array(capacity);
    this.label = new Uint8Array(capacity);
    this.order = new Uint32Array(capacity);
  }

  clear(): void {
    this.length = 0;
  }

  push(
    minute: number,
    from: number,
    to: number,
    paid: number,
    currencyPaid: number,
    received: number,
    currencyReceived: number,
    format: number,
    label: number,
  ): void {
    if (this.length === this.minute.length) this.grow();
    const i = this.length++;
    this.minute[i] = minute;
    this.from[i] = from;
    this.to[i] = to;
    this.paid[i] = paid;
    this.currencyPaid[i] = currencyPaid;
    this.received[i] = received;
    this.currencyReceived[i] = currencyReceived;
    this.format[i] = format;
    this.label[i] = label;
  }

  /** Row indexes in time order; ties keep insertion order. Valid until the next push. */
  sorted(): Uint32Array {
    const counts = this.counts;
    counts.fill(0);
    const n = this.length;
    for (let i = 0; i < n; i++) counts[(this.minute[i] ?? 0) + 1]!++;
    for (let m = 1; m <= MINUTES_PER_DAY; m++) counts[m]! += counts[m - 1] ?? 0;
    const order = this.order;
    for (let i = 0; i < n; i++) order[counts[this.minute[i] ?? 0]!++] = i;
    return order.subarray(0, n);
  }

  private grow(): void {
    const cap = this.minute.length * 2;
    const grow = <T extends Uint16Array | Int32Array | Float64Array | Uint8Array | Uint32Array>(
      a: T,
      make: (n: number) => T,
    ): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.minute = grow(this.minute, (n) => new Uint16Array(n));
    this.from = grow(this.from, (n) => new Int32Array(n));
    this.to = grow(this.to, (n) => new Int32Array(n));
    this.paid = grow(this.paid, (n) => new Float64Array(n));
    this.received = grow(this.received, (n) => new Float64Array(n));
    this.currencyPaid = grow(this.currencyPaid, (n) => new Uint8Array(n));
    this.currencyReceived = grow(this.currencyReceived, (n) => new Uint8Array(n));
    this.format = grow(this.format, (n) => new Uint8Array(n));
    this.label = grow(this.label, (n) => new Uint8Array(n));
    this.order = new Uint32Array(cap);
  }
}
