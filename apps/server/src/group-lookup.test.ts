import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.ts';
import { GroupLookup } from './group-lookup.ts';

describe('GroupLookup', () => {
  it('answers the look-ups of one event-loop turn with one fetch', async () => {
    const calls: string[][] = [];
    const lookup = new GroupLookup<number>(async (keys) => {
      calls.push([...keys]);
      return new Map(keys.filter((k) => k !== 'c').map((k) => [k, k.length]));
    });
    const [a, b] = await Promise.all([lookup.get(['a', 'bb']), lookup.get(['bb', 'c'])]);
    expect(calls).toEqual([['a', 'bb', 'c']]);
    expect(a.get('bb')).toBe(2);
    expect(b.has('c')).toBe(false);
    await lookup.get(['d']);
    expect(calls).toHaveLength(2);
  });

  it('rejects every waiter of a failed fetch', async () => {
    const lookup = new GroupLookup<number>(() => Promise.reject(new Error('db down')));
    await expect(Promise.all([lookup.get(['a']), lookup.get(['b'])])).rejects.toThrow('db down');
  });
});

describe('GroupCommit', () => {
  it('writes the rows of one event-loop turn in one batch and resolves each caller after its write', async () => {
    const batches: number[][] = [];
    const commit = new GroupCommit<number>(async (items) => {
      batches.push([...items]);
    });
    await Promise.all([commit.add([1, 2]), commit.add([3])]);
    await commit.add([4]);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('rejects the callers of a failed batch', async () => {
    const commit = new GroupCommit<number>(() => Promise.reject(new Error('disk full')));
    await expect(commit.add([1])).rejects.toThrow('disk full');
  });
});
