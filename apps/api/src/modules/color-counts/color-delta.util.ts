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

/** Outbox rows summed per CST day (ascending) and `region|color`, zero sums dropped. */
export function sumByDay(
  rows: readonly { region: string; day: string; color: Color; delta: number }[],
): [string, Map<string, number>][] {
  const days = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const sums = days.get(r.day) ?? new Map<string, number>();
    const key = `${r.region}|${r.color}`;
    sums.set(key, (sums.get(key) ?? 0) + Number(r.delta));
    days.set(r.day, sums);
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, sums]): [string, Map<string, number>] => [day, new Map([...sums].filter(([, n]) => n !== 0))])
    .filter(([, sums]) => sums.size > 0);
}

type DayCount = { day: string; color: Color; count: number };

/**
 * Day snapshots with changes not folded yet: a pending change of day D counts on D (a snapshot is added there,
 * carried from the last one before, when D has none) and on every later snapshot, as a fold would make it.
 */
export function withPendingDays(snapshots: readonly DayCount[], pending: readonly DayCount[]): DayCount[] {
  const out = snapshots.map((s) => ({ ...s }));
  for (const p of pending) {
    if (p.count === 0) continue;
    const same = out.filter((s) => s.color === p.color);
    if (!same.some((s) => s.day === p.day)) {
      const before = same.filter((s) => s.day < p.day).sort((a, b) => (a.day < b.day ? 1 : -1))[0];
      out.push({ day: p.day, color: p.color, count: before?.count ?? 0 });
    }
    for (const s of out) if (s.color === p.color && s.day >= p.day) s.count += p.count;
  }
  return out;
}
