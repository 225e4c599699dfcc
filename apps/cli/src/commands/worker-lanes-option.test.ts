import { describe, expect, it } from 'vitest';
import { parseLanes, withoutMergerNote } from './worker.ts';

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

  it('tells a worker without the merger that its firings need one, and which partitions are left', () => {
    expect(withoutMergerNote([0, 1, 2, 3], true, 8)).toBe('');
    const note = withoutMergerNote([0, 1, 2, 3], false, 8);
    expect(note).toMatch(/no merger lane here: these lanes write firings/);
    expect(note).toMatch(/partitions 4,5,6,7 of 8 are not run here/);
    expect(withoutMergerNote([0, 1, 2], false, 3)).not.toMatch(/not run here/);
    expect(withoutMergerNote([0, 2], false, 3)).toMatch(/partition 1 of 3 is not run here/);
    expect(withoutMergerNote([2], false, 3)).toMatch(/this lane writes firings/);
  });
});
