import type { Color } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { ColorDeltas, regionLevels, sumByDay, withPendingDays } from './color-delta.util';

export interface CountRow {
  region: string;
  color: Color;
  count: number;
}

/** One fold at a time across every process (a MariaDB named lock, held by the folding connection). */
const FOLD_LOCK = 'hc_color_count_fold';

interface PendingDelta {
  id: string;
  region: string;
  day: string;
  color: Color;
  delta: number;
}

/**
 * `color_counts` (now) and `color_count_days` (as each CST day ended), for every region prefix, fed through an
 * outbox (`color_count_deltas`): a code write appends its changes in its own transaction and never waits on the
 * shared counter rows; `fold` moves them into the counters in the background. Every read adds what is not folded
 * yet, in the same statement, so the counts are exact at any moment; reads touch a handful of rows.
 */
@Injectable()
export class ColorCountsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Appends `deltas` to the outbox inside the caller's transaction (they commit, or not, with the codes). An
   * insert into an AUTO_INCREMENT table: concurrent writers take no common row lock.
   */
  async apply(
    m: EntityManager,
    deltas: readonly { region: string; color: Color; delta: number }[],
    day: string,
  ): Promise<void> {
    if (deltas.length === 0) return;
    await m.query(
      `INSERT INTO color_count_deltas (region, day, color, delta) VALUES ${deltas.map(() => '(?,?,?,?)').join(',')}`,
      deltas.flatMap((d) => [d.region, day, d.color, d.delta]),
    );
  }

  /**
   * Moves up to `limit` outbox rows (oldest first) into `color_counts`, day by day, snapshotting each day's
   * counts into `color_count_days` after that day's changes, and deletes them, in one transaction. Returns how
   * many rows it folded (0 when another process is folding). Reads are exact before, during and after.
   */
  async fold(limit = 5000): Promise<number> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const [{ got }] = (await runner.query('SELECT GET_LOCK(?, 0) AS got', [FOLD_LOCK])) as { got: number }[];
      if (Number(got) !== 1) return 0;
      try {
        // READ COMMITTED: no gap locks, so writers appending new rows never wait on a fold.
        await runner.startTransaction('READ COMMITTED');
        try {
          const rows = (await runner.query(
            `SELECT id, region, DATE_FORMAT(day, '%Y-%m-%d') AS day, color, delta FROM color_count_deltas
              ORDER BY id LIMIT ? FOR UPDATE`,
            [limit],
          )) as PendingDelta[];
          for (const [day, sums] of sumByDay(rows)) {
            const entries = [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
            await runner.query(
              `INSERT INTO color_counts (region, color, count) VALUES ${entries.map(() => '(?,?,?)').join(',')}
               ON DUPLICATE KEY UPDATE count = count + VALUES(count)`,
              entries.flatMap(([key, delta]) => [...key.split('|'), delta]),
            );
            const regions = [...new Set(entries.map(([key]) => key.split('|')[0]))];
            await runner.query(
              `INSERT INTO color_count_days (region, day, color, count)
               SELECT region, ?, color, count FROM color_counts WHERE region IN (${regions.map(() => '?').join(',')})
               ON DUPLICATE KEY UPDATE count = VALUES(count)`,
              [day, ...regions],
            );
          }
          if (rows.length > 0)
            await runner.query(
              `DELETE FROM color_count_deltas WHERE id IN (${rows.map(() => '?').join(',')})`,
              rows.map((r) => r.id),
            );
          await runner.commitTransaction();
          return rows.length;
        } catch (error) {
          await runner.rollbackTransaction();
          throw error;
        }
      } finally {
        await runner.query('SELECT RELEASE_LOCK(?)', [FOLD_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  /** How many outbox rows wait to be folded (metrics, tests). */
  async pending(): Promise<number> {
    const [{ n }] = (await this.db.query('SELECT COUNT(*) AS n FROM color_count_deltas')) as { n: string }[];
    return Number(n);
  }

  /** Every counter, folded and pending together (one statement): what `recount` would produce. */
  async all(): Promise<CountRow[]> {
    const rows: { region: string; color: Color; count: string }[] = await this.db.query(
      `SELECT region, color, SUM(count) AS count FROM (
         SELECT region, color, count FROM color_counts
         UNION ALL SELECT region, color, delta FROM color_count_deltas
       ) t GROUP BY region, color`,
    );
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
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

  /** The prefix itself and its direct children (prefix + 2 digits), pending changes included. */
  async current(prefix: string): Promise<CountRow[]> {
    const where = 'region = ? OR (region LIKE ? AND CHAR_LENGTH(region) = ?)';
    const args = [prefix, `${prefix}%`, prefix.length + 2];
    const rows: { region: string; color: Color; count: string }[] = await this.db.query(
      `SELECT region, color, SUM(count) AS count FROM (
         SELECT region, color, count FROM color_counts WHERE ${where}
         UNION ALL SELECT region, color, delta FROM color_count_deltas WHERE ${where}
       ) t GROUP BY region, color`,
      [...args, ...args],
    );
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  /**
   * Daily snapshots of one prefix since `fromDay`, plus the last one before it (to carry forward), with the
   * changes not folded yet added to the day they happened on and every later day (read in the same statement).
   */
  async days(prefix: string, fromDay: string): Promise<{ day: string; color: Color; count: number }[]> {
    const rows: { kind: 'snapshot' | 'pending'; day: string; color: Color; count: string }[] = await this.db.query(
      `SELECT 'snapshot' AS kind, day, color, count FROM color_count_days WHERE region = ? AND day >= ?
       UNION ALL
       SELECT 'snapshot', d.day, d.color, d.count FROM color_count_days d
        WHERE d.region = ? AND d.day = (SELECT MAX(day) FROM color_count_days WHERE region = ? AND day < ?)
       UNION ALL
       SELECT 'pending', DATE_FORMAT(day, '%Y-%m-%d'), color, SUM(delta) FROM color_count_deltas WHERE region = ?
        GROUP BY day, color`,
      [prefix, fromDay, prefix, prefix, fromDay, prefix],
    );
    const snapshots = rows
      .filter((r) => r.kind === 'snapshot')
      .map((r) => ({ day: r.day, color: r.color, count: Number(r.count) }));
    const pending = rows
      .filter((r) => r.kind === 'pending')
      .map((r) => ({ day: r.day, color: r.color, count: Number(r.count) }));
    return withPendingDays(snapshots, pending).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
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
      // Committed outbox rows are in the recount already (each committed with its codes).
      await m.query('DELETE FROM color_count_deltas');
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
