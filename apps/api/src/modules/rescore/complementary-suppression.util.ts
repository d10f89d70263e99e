import type { Color } from '@healthcode/contracts';

export type RegionCounts = ReadonlyMap<string, Readonly<Record<Color, number>>>;

const SUPPRESSED_COLORS = ['yellow', 'red'] as const;

export const cellKey = (region: string, color: Color): string => `${region}|${color}`;

/**
 * Which yellow and red counts the public statistics hide, over the whole region tree at once (so every response
 * hides the same cells: a region's count is shown or hidden alike as the answer's total and as a child of its parent).
 *
 * 1. Primary: a count from 1 to `below` − 1.
 * 2. Complementary: a parent's count is the sum of its children's, so one hidden child next to visible siblings is
 *    the parent minus the siblings. In each group (a parent and its children, per colour) whose parent is shown and
 *    which has a hidden child, more children are hidden until the hidden ones, whose sum S the parent gives away, are
 *    at least two and leave every hidden child the whole range a small count could have: each hidden cell (never 0,
 *    since zeros are shown) lies in [1, S − (k − 1)], so S − (k − 1) ≥ below − 1. The smallest visible non-zero
 *    child that protects the group on its own is hidden, else the smallest, again, until protected.
 * 3. When the children run out first, the parent's count is hidden too; it is then a hidden cell of its own
 *    parent's group. Groups are settled deepest first, so that is checked when the level above is.
 *
 * A parent hidden for any reason protects its group: nothing can be subtracted from it. No total per region is
 * published, so a colour cannot be had as a total minus the other colours.
 */
export function suppressedCells(counts: RegionCounts, below: number): Set<string> {
  const hidden = new Set<string>();
  if (below <= 1) return hidden;
  const regions = [...counts.keys()];
  const n = (region: string, color: Color) => counts.get(region)?.[color] ?? 0;
  for (const color of SUPPRESSED_COLORS) {
    for (const r of regions) if (n(r, color) > 0 && n(r, color) < below) hidden.add(cellKey(r, color));
    const parents = new Set(regions.filter((r) => r.length >= 2).map((r) => r.slice(0, r.length - 2)));
    const deepestFirst = [...parents].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    for (const parent of deepestFirst) {
      if (hidden.has(cellKey(parent, color))) continue;
      const children = regions
        .filter((r) => r.length === parent.length + 2 && r.startsWith(parent))
        .sort((a, b) => n(a, color) - n(b, color) || (a < b ? -1 : 1));
      const isHidden = (r: string) => hidden.has(cellKey(r, color));
      const protectedWith = (extra: number) => {
        const kids = children.filter(isHidden);
        const k = kids.length + (extra > 0 ? 1 : 0);
        const sum = kids.reduce((s, r) => s + n(r, color), 0) + extra;
        return k >= 2 && sum - (k - 1) >= below - 1;
      };
      if (!children.some(isHidden)) continue;
      while (!protectedWith(0)) {
        const candidates = children.filter((r) => !isHidden(r) && n(r, color) > 0);
        if (candidates.length === 0) {
          hidden.add(cellKey(parent, color));
          break;
        }
        const pick = candidates.find((r) => protectedWith(n(r, color))) ?? candidates[0];
        hidden.add(cellKey(pick, color));
      }
    }
  }
  return hidden;
}
