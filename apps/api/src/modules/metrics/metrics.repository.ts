import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface RescoreProgressRow {
  runs: number;
  total: number;
  done: number;
  /** Seconds since the oldest open run became available (0 when none). */
  oldestOpenSeconds: number;
}

export interface AppealBacklogRow {
  open: number;
  dueSoon: number;
  breached: number;
}

/** The read-only aggregate queries behind the database-derived gauges, each cheap and index-backed. */
@Injectable()
export class MetricsRepository {
  constructor(private readonly db: DataSource) {}

  async rescoreProgress(now: Date): Promise<RescoreProgressRow> {
    const [row] = (await this.db.query(
      `SELECT COUNT(*) AS runs, COALESCE(SUM(r.total), 0) AS total,
              COALESCE(SUM((SELECT COALESCE(SUM(g.residents), 0) FROM rescore_ranges g
                            WHERE g.run_id = r.id AND g.done_at IS NOT NULL)), 0) AS done,
              COALESCE(TIMESTAMPDIFF(SECOND, MIN(r.available_at), ?), 0) AS oldest
         FROM rescore_runs r WHERE r.finished_at IS NULL AND r.available_at <= ?`,
      [now, now],
    )) as { runs: string; total: string; done: string; oldest: string }[];
    return {
      runs: Number(row.runs),
      total: Number(row.total),
      done: Number(row.done),
      oldestOpenSeconds: Math.max(0, Number(row.oldest)),
    };
  }

  /** Undecided appeals, those whose decision is due within `soonMs`, and those already past it. */
  async appealBacklog(now: Date, soonMs: number): Promise<AppealBacklogRow> {
    const [row] = (await this.db.query(
      `SELECT COUNT(*) AS open,
              COALESCE(SUM(decision_due_at >= ? AND decision_due_at < ?), 0) AS due_soon,
              COALESCE(SUM(decision_due_at < ?), 0) AS breached
         FROM appeals WHERE status NOT IN ('decided', 'closed')`,
      [now, new Date(now.getTime() + soonMs), now],
    )) as { open: string; due_soon: string; breached: string }[];
    return { open: Number(row.open), dueSoon: Number(row.due_soon), breached: Number(row.breached) };
  }

  /** Notifications by outbox status (pending, sending, sent, failed, undeliverable, collapsed). */
  async notificationsByStatus(): Promise<Record<string, number>> {
    const rows = (await this.db.query('SELECT status, COUNT(*) AS n FROM notification_outbox GROUP BY status')) as {
      status: string;
      n: string;
    }[];
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  /** mysql2's pool behind TypeORM: connections open, idle, and requests waiting for one. */
  poolUse(): { open: number; idle: number; waiting: number; limit: number } {
    const pool = (this.db.driver as unknown as { pool?: Record<string, unknown> }).pool as
      | {
          _allConnections?: { length: number };
          _freeConnections?: { length: number };
          _connectionQueue?: { length: number };
          config?: { connectionLimit?: number };
        }
      | undefined;
    return {
      open: pool?._allConnections?.length ?? 0,
      idle: pool?._freeConnections?.length ?? 0,
      waiting: pool?._connectionQueue?.length ?? 0,
      limit: pool?.config?.connectionLimit ?? 0,
    };
  }
}
