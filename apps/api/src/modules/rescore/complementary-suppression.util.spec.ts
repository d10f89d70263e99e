import type { Color } from '@healthcode/contracts';
import fc from 'fast-check';

import { cellKey, suppressedCells } from './complementary-suppression.util';

type Counts = Record<Color, number>;
const c = (red: number, yellow = 0, green = 100): Counts => ({ green, yellow, red });

/** Counties' counts summed up to cities, provinces and the country, as the counters are kept. */
function tree(counties: Record<string, Counts>): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const [county, counts] of Object.entries(counties))
    for (const prefix of [county, county.slice(0, 4), county.slice(0, 2), '']) {
      const t = out.get(prefix) ?? { green: 0, yellow: 0, red: 0 };
      for (const k of ['green', 'yellow', 'red'] as const) t[k] += counts[k];
      out.set(prefix, t);
    }
  return out;
}

/**
 * What an attacker learns by subtraction: for every group (a parent and its children, per colour) whose parent is
 * shown, the hidden children's sum; each hidden child (never 0) then lies in [1, sum − (hidden − 1)]. Returns the
 * cells whose range does not cover every small count 1..below−1 (a hidden count pinned or bounded below the threshold).
 */
function derivable(counts: Map<string, Counts>, hidden: Set<string>, below: number): string[] {
  const leaks: string[] = [];
  for (const color of ['yellow', 'red'] as const) {
    const parents = new Set([...counts.keys()].filter((r) => r.length >= 2).map((r) => r.slice(0, -2)));
    for (const parent of parents) {
      if (hidden.has(cellKey(parent, color))) continue;
      const kids = [...counts.keys()].filter((r) => r.length === parent.length + 2 && r.startsWith(parent));
      const hiddenKids = kids.filter((r) => hidden.has(cellKey(r, color)));
      if (hiddenKids.length === 0) continue;
      const visibleSum = kids
        .filter((r) => !hidden.has(cellKey(r, color)))
        .reduce((s, r) => s + counts.get(r)![color], 0);
      const sum = counts.get(parent)![color] - visibleSum;
      const upper = sum - (hiddenKids.length - 1);
      if (hiddenKids.length < 2 || upper < below - 1) leaks.push(`${parent}/${color}: ${hiddenKids.join(',')}`);
    }
  }
  return leaks;
}

describe('complementary suppression of public colour counts', () => {
  it('hides a second district when one small count could be had as the city minus its siblings', () => {
    const counts = tree({ '330102': c(3), '330105': c(12), '330106': c(10), '330108': c(0) });
    const hidden = suppressedCells(counts, 10);
    // 3 is small; the city shows 25, so 25 − 12 − 10 would give it away: the smallest sibling that protects it goes.
    expect([...hidden].sort()).toEqual(['330102|red', '330106|red']);
    expect(derivable(counts, hidden, 10)).toEqual([]);
    // The hidden pair sums to 13: the small one could be anything from 1 to 12. Hiding small counts alone leaked it.
    const smallOnly = new Set([...hidden].filter((k) => k.startsWith('330102')));
    expect(derivable(counts, smallOnly, 10)).toEqual(['3301/red: 330102']);
  });

  it('picks more than one complement when one is not enough, and never hides a zero', () => {
    const counts = tree({ '330102': c(1), '330105': c(1), '330106': c(10), '330108': c(0), '330109': c(30) });
    const hidden = suppressedCells(counts, 10);
    expect(hidden.has('330108|red')).toBe(false);
    expect(hidden.has('330106|red')).toBe(true);
    expect(derivable(counts, hidden, 10)).toEqual([]);
  });

  it('hides the parent when its children cannot protect each other, and protects it in turn one level up', () => {
    // Ten districts with one red code each: the city's 10 says every one of them holds exactly one.
    const districts = Object.fromEntries(
      [...Array(10).keys()].map((i) => [`3301${String(i + 1).padStart(2, '0')}`, c(1)]),
    );
    const counts = tree({ ...districts, '330201': c(40), '330301': c(15) });
    const hidden = suppressedCells(counts, 10);
    expect(hidden.has('3301|red')).toBe(true);
    // Zhejiang shows 65: with Hangzhou hidden, Ningbo or Wenzhou must be hidden too.
    expect(hidden.has('3303|red') || hidden.has('3302|red')).toBe(true);
    expect(derivable(counts, hidden, 10)).toEqual([]);
  });

  it('hides yellow and red independently and never green', () => {
    const counts = tree({ '330102': c(3, 20), '330105': c(20, 4), '330106': c(20, 20) });
    const hidden = suppressedCells(counts, 10);
    expect([...hidden].every((k) => !k.endsWith('|green'))).toBe(true);
    expect(hidden.has('330102|red') && hidden.has('330105|yellow')).toBe(true);
    expect(derivable(counts, hidden, 10)).toEqual([]);
  });

  it('hides nothing with a threshold of 1', () => {
    expect(suppressedCells(tree({ '330102': c(1), '330105': c(20) }), 1).size).toBe(0);
  });

  it('leaves no hidden count derivable by subtraction, for any tree (fuzzed)', () => {
    const county = fc.constantFrom(
      '330102',
      '330105',
      '330106',
      '330201',
      '330203',
      '110101',
      '110102',
      '420106',
      '420111',
    );
    const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 10, max: 200 }));
    fc.assert(
      fc.property(
        fc.dictionary(county, fc.record({ green: count, yellow: count, red: count })),
        fc.integer({ min: 2, max: 20 }),
        (counties, below) => {
          const counts = tree(counties);
          const hidden = suppressedCells(counts, below);
          for (const [r, v] of counts)
            for (const color of ['yellow', 'red'] as const)
              if (v[color] > 0 && v[color] < below) expect(hidden.has(cellKey(r, color))).toBe(true);
          expect(derivable(counts, hidden, below)).toEqual([]);
          expect([...hidden].every((k) => counts.get(k.split('|')[0])![k.split('|')[1] as Color] > 0)).toBe(true);
        },
      ),
      { seed: 20200210, numRuns: 2000 },
    );
  });
});
