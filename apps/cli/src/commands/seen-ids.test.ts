import { describe, expect, it } from 'vitest';
import { SeenIds } from './seen-ids.ts';

describe('SeenIds', () => {
  it('counts an id as seen only while its payment is within the horizon, and forgets it after', () => {
    const seen = new SeenIds();
    seen.add('a', 100);
    seen.add('b', 105);
    seen.add('c', 103); // a little disorder
    expect(seen.has('a', 50)).toBe(true);
    expect(seen.has('a', 101)).toBe(false); // held, but behind the cutoff: decides nothing
    seen.expire(104);
    // a is forgotten; c waits behind b, which is still within the horizon
    expect(seen.size).toBe(2);
    expect(seen.firstIndex).toBe(1);
    expect(seen.entriesFrom(0).map((e) => [e.id, e.index])).toEqual([
      ['b', 1],
      ['c', 2],
    ]);
    expect(seen.count).toBe(3);
  });

  it('keeps an id added again after it fell behind the cutoff, when the older entry is forgotten', () => {
    const seen = new SeenIds();
    seen.add('a', 100);
    seen.add('a', 200); // a different payment reusing the id, judged because the first was behind the horizon
    seen.expire(150);
    expect(seen.has('a', 150)).toBe(true);
    expect(seen.entriesFrom(0)).toEqual([{ id: 'a', ts: 200, index: 1 }]);
  });

  it('restores the entries within the horizon and goes on numbering after the count the snapshot covers', () => {
    const seen = new SeenIds();
    seen.restore(
      [
        { id: 'old', ts: 10, index: 4 },
        { id: 'new', ts: 90, index: 5 },
      ],
      50,
      7,
    );
    expect(seen.size).toBe(1);
    expect(seen.has('new', 50)).toBe(true);
    seen.add('next', 95);
    expect(seen.entriesFrom(6)).toEqual([{ id: 'next', ts: 95, index: 7 }]);
    expect(() => new SeenIds().restore([{ id: 'x', ts: 1, index: 3 }], 0, 3)).toThrow(
      /index 3, beyond the 3/,
    );
  });
});

describe('SeenIds against a Map of the same ids', () => {
  // The table is open addressing with backward-shift deletion: a wrong shift loses ids that probed past a forgotten
  // one, and a wrong move at compaction points slots at the wrong entries. Thousands of ids, many re-added, checked
  // against the plain model after every step.
  it('answers as the model through growth, forgetting, re-adding and compaction', () => {
    let state = 12345;
    const random = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    const seen = new SeenIds();
    const model = new Map<string, number>();
    const order: { id: string; ts: number }[] = [];
    let head = 0;
    let ts = 0;
    for (let step = 0; step < 40_000; step++) {
      ts += Math.floor(random() * 3);
      const id = `tx${Math.floor(random() * 30_000)}`;
      const cutoff = ts - 500;
      const inModel = (model.get(id) ?? Number.NEGATIVE_INFINITY) >= cutoff;
      expect(seen.admit(id, ts, cutoff)).toBe(!inModel);
      if (!inModel) {
        model.set(id, ts);
        order.push({ id, ts });
      }
      if (step % 397 === 0) {
        seen.expire(cutoff);
        while (head < order.length && order[head]!.ts < cutoff) {
          const e = order[head++]!;
          if (model.get(e.id) === e.ts) model.delete(e.id);
        }
        expect(seen.size).toBe(model.size);
        for (const [k, t] of model) expect(seen.has(k, t)).toBe(true);
      }
    }
    expect(seen.count).toBe(order.length);
    expect(seen.entriesFrom(0).map((e) => e.id)).toEqual(order.slice(head).map((e) => e.id));
  });

  // Event times arrive a little out of order (a worker's cutoff follows the latest time), and a worker restarted from
  // a snapshot holds only what `restore` kept: it must pass over exactly what the never-stopped worker passes over.
  it('admits as a never-stopped set with out-of-order times, restored from its entries again and again', () => {
    let state = 777;
    const random = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    const plain = new SeenIds();
    let restarted = new SeenIds();
    let latest = 0;
    let restores = 0;
    for (let step = 0; step < 30_000; step++) {
      latest += Math.floor(random() * 3);
      const ts = latest - Math.floor(random() * 40); // up to 40 behind the latest
      const id = `tx${Math.floor(random() * 20_000)}`;
      const cutoff = latest - 500;
      const admitted = plain.admit(id, ts, cutoff);
      expect(restarted.admit(id, ts, cutoff)).toBe(admitted);
      if (step % 211 === 0) {
        plain.expire(cutoff);
        restarted.expire(cutoff);
      }
      if (step % 1_733 === 1_732) {
        const again = new SeenIds();
        again.restore(restarted.entriesFrom(restarted.firstIndex), cutoff, restarted.count);
        restarted = again;
        restores++;
      }
    }
    expect(restores).toBeGreaterThan(15);
    expect(restarted.count).toBe(plain.count);
  });
});
