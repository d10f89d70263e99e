import { canonicalJson, sideBySide } from './line-diff.util';

describe('side-by-side diff', () => {
  it('aligns unchanged lines and marks removed and added ones', () => {
    expect(sideBySide('a\nb\nc', 'a\nx\nc')).toEqual([
      { left: 'a', right: 'a', kind: 'same' },
      { left: null, right: 'x', kind: 'added' },
      { left: 'b', right: null, kind: 'removed' },
      { left: 'c', right: 'c', kind: 'same' },
    ]);
  });

  it('sorts keys so that reordering is not a change', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });
});
