import type { Color } from '@healthcode/contracts';

/** Every prefix a district's counts roll up into: '' (country), province, city, district. */
export function regionLevels(region: string): string[] {
  const levels = [''];
  for (const len of [2, 4, 6]) if (region.length >= len) levels.push(region.slice(0, len));
  return levels;
}

/** Signed changes to `color_counts`, keyed `region|color`; zero entries are dropped. */
export class ColorDeltas {
  private readonly byKey = new Map<string, number>();

  move(before: { region: string; color: Color } | null, after: { region: string; color: Color } | null): void {
    if (before && after && before.region === after.region && before.color === after.color) return;
    if (before) for (const r of regionLevels(before.region)) this.add(r, before.color, -1);
    if (after) for (const r of regionLevels(after.region)) this.add(r, after.color, 1);
  }

  /** Sorted, so concurrent writers lock counter rows in the same order (no deadlock between them). */
  entries(): { region: string; color: Color; delta: number }[] {
    return [...this.byKey.entries()]
      .filter(([, delta]) => delta !== 0)
      .map(([key, delta]) => {
        const [region, color] = key.split('|');
        return { region, color: color as Color, delta };
      })
      .sort((a, b) => (a.region === b.region ? (a.color < b.color ? -1 : 1) : a.region < b.region ? -1 : 1));
  }

  private add(region: string, color: Color, delta: number): void {
    const key = `${region}|${color}`;
    this.byKey.set(key, (this.byKey.get(key) ?? 0) + delta);
  }
}
