import { describe, expect, it } from 'vitest';
import { parseLanes } from './worker.ts';

describe('raqib worker --partitions / --merger', () => {
  it('runs every lane and the merger by default, the listed lanes otherwise, the merger when asked', () => {
    expect(parseLanes({}, 4)).toEqual({ lanes: [0, 1, 2, 3], merger: true });
    expect(parseLanes({ partitions: '0-1' }, 4)).toEqual({ lanes: [0, 1], merger: false });
    expect(parseLanes({ partitions: '2,3', merger: true }, 4)).toEqual({ lanes: [2, 3], merger: true });
  });

  it('runs the merger alone with --partitions none --merger, and refuses a worker with nothing to do', () => {
    expect(parseLanes({ partitions: 'none', merger: true }, 8)).toEqual({ lanes: [], merger: true });
    expect(() => parseLanes({ partitions: 'none' }, 8)).toThrow(/nothing to do: add --merger/);
    expect(() => parseLanes({ partitions: '9' }, 8)).toThrow(/--partitions/);
  });
});
