import type { Color } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { ColorDeltas, regionLevels } from './color-delta.util';

export interface CountRow {
  region: string;
  color: Color;
  count: number;
}

/**
 * `color_counts` (now) and `color_count_days` (as each CST day ended), for every region prefix. Changed only
 * inside the transaction that changes the codes, so the counts are exact; reads touch a handful of rows.
 */
@Injectable()
export class ColorCountsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `deltas` must be sorted (ColorDeltas.entries) so concurrent writers lock rows in one order. */
  async apply(
    m: EntityManager,
    deltas: readonly { region: string; color: Color; delta: number }[],
    day: string,
  ): Promise<void> {
    if (deltas.length === 0) return;
    await m.query(
      `INSERT INTO color_counts (region, color, count) VALUES ${deltas.map(() => '(?,?,?)').join(',')}
       ON DUPLICATE KEY UPDATE count = count + VALUES(count)`,
      deltas.flatMap((d) => [d.region, d.color, d.delta]),
    );
    const regions = [...new Set(deltas.map((d) => d.region))];
    await m.query(
      `INSERT INTO color_count_days (region, day, color, count)
       SELECT region, ?, color, count FROM color_counts WHERE region IN (${regions.map(() => '?').join(',')})
       ON DUPLICATE KEY UPDATE count = VALUES(count)`,
      [day, ...regions],
    );
  }

  /** A single resident's move (the per-resident write path); `after` null when the code is deleted (erasure). */
  async move(
    m: EntityManager,
    before: { region: string; color: Color } | null,
    after: { region: string; color: Color } | null,
    day: string,
  ): Promise<void> {
    const deltas = new ColorDeltas();
    deltas.move(before, after);
    await this.apply(m, deltas.entries(), day);
  }

  /** The prefix itself and its direct children (prefix + 2 digits). */
  async current(prefix: string): Promise<CountRow[]> {
    const rows: { region: string; color: Color; count: number }[] = await this.db.query(
      `SELECT region, color, count FROM color_counts WHERE region = ? OR (region LIKE ? AND CHAR_LENGTH(region) = ?)`,
      [prefix, `${prefix}%`, prefix.length + 2],
    );
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  /** Daily snapshots of one prefix since `fromDay`, plus the last one before it (to carry forward). */
  async days(prefix: string, fromDay: string): Promise<{ day: string; color: Color; count: number }[]> {
    const rows: { day: string; color: Color; count: number }[] = await this.db.query(
      `SELECT day, color, count FROM color_count_days WHERE region = ? AND day >= ?
       UNION ALL
       SELECT d.day, d.color, d.count FROM color_count_days d
        WHERE d.region = ? AND d.day = (SELECT MAX(day) FROM color_count_days WHERE region = ? AND day < ?)
       ORDER BY day`,
      [prefix, fromDay, prefix, prefix, fromDay],
    );
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  /** Rebuilds every counter from resident_codes (first deployment, or after a manual repair). Scans: never on a request path. */
  async recount(day: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const rows: { region: string; color: Color; n: number }[] = await m.query(
        'SELECT region, color, COUNT(*) AS n FROM resident_codes GROUP BY region, color FOR UPDATE',
      );
      const totals = new Map<string, number>();
      for (const r of rows)
        for (const level of regionLevels(r.region))
          totals.set(`${level}|${r.color}`, (totals.get(`${level}|${r.color}`) ?? 0) + Number(r.n));
      await m.query('DELETE FROM color_counts');
      if (totals.size === 0) return;
      const entries = [...totals.entries()].map(([k, n]) => [...k.split('|'), n] as [string, string, number]);
      await m.query(
        `INSERT INTO color_counts (region, color, count) VALUES ${entries.map(() => '(?,?,?)').join(',')}`,
        entries.flat(),
      );
      await m.query(
        `INSERT INTO color_count_days (region, day, color, count) SELECT region, ?, color, count FROM color_counts ON DUPLICATE KEY UPDATE count = VALUES(count)`,
        [day],
      );
    });
  }
}
