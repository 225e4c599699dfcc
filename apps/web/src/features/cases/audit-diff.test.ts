import { describe, expect, it } from 'vitest';
import { changedFields } from './audit-diff.ts';

describe('changedFields', () => {
  it('lists the fields a status change touched, leaving out the timeline and update time', () => {
    const before = { status: 'open', assignee: null, timeline: [1], updatedAt: 1 };
    const after = { status: 'investigating', assignee: null, timeline: [1, 2], updatedAt: 2 };
    expect(changedFields(before, after)).toEqual([{ field: 'status', from: 'open', to: 'investigating' }]);
  });

  it('shows a creation (no before image) as every field appearing', () => {
    expect(changedFields(null, { id: 'c1', title: 'x' })).toEqual([
      { field: 'id', from: undefined, to: 'c1' },
      { field: 'title', from: undefined, to: 'x' },
    ]);
  });

  it('compares scalars directly', () => {
    expect(changedFields('a', 'b')).toEqual([{ field: '', from: 'a', to: 'b' }]);
  });
});
