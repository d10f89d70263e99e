import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** A secondary index as information_schema describes it, enough to re-create it. */
export interface SecondaryIndex {
  table: string;
  name: string;
  unique: boolean;
  columns: { name: string; subPart: number | null }[];
}

/** The tables a bulk seed fills, whose secondary indexes it may build once at the end instead of row by row. */
export const SEEDED_TABLES = ['residents', 'identity_events', 'declarations', 'resident_codes'] as const;

function byTable(indexes: readonly SecondaryIndex[]): Map<string, SecondaryIndex[]> {
  const out = new Map<string, SecondaryIndex[]>();
  for (const i of indexes) out.set(i.table, [...(out.get(i.table) ?? []), i]);
  return out;
}

/**
 * The secondary indexes of the tables a bulk seed fills: on a fresh database they are dropped and built once at
 * the end (see `BulkSeedService.deferIndexes`).
 */
@Injectable()
export class BulkSeedIndexesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The server and database, as a file name: what a pending-index file belongs to. */
  async databaseKey(): Promise<string> {
    const [{ h, d }] = (await this.db.query('SELECT @@hostname AS h, @@port AS p, DATABASE() AS d')) as {
      h: string;
      d: string;
    }[];
    return `${h}-${d}`.replace(/[^A-Za-z0-9_-]/g, '_');
  }

  /** Whether every table the seed fills is empty (a fresh database). */
  async seededTablesEmpty(): Promise<boolean> {
    for (const t of SEEDED_TABLES) {
      const rows = (await this.db.query(`SELECT 1 AS x FROM ${t} LIMIT 1`)) as unknown[];
      if (rows.length > 0) return false;
    }
    return true;
  }

  /** The secondary indexes of the seeded tables, as they stand now. */
  async secondaryIndexes(): Promise<SecondaryIndex[]> {
    const rows: {
      table_name: string;
      index_name: string;
      non_unique: number | string;
      column_name: string;
      sub_part: number | null;
    }[] = await this.db.query(
      `SELECT TABLE_NAME AS table_name, INDEX_NAME AS index_name, NON_UNIQUE AS non_unique, COLUMN_NAME AS column_name,
              SUB_PART AS sub_part
         FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (${SEEDED_TABLES.map(() => '?').join(',')}) AND INDEX_NAME <> 'PRIMARY'
        ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
      [...SEEDED_TABLES],
    );
    const out = new Map<string, SecondaryIndex>();
    for (const r of rows) {
      const key = `${r.table_name}.${r.index_name}`;
      const index = out.get(key) ?? {
        table: r.table_name,
        name: r.index_name,
        unique: Number(r.non_unique) === 0,
        columns: [],
      };
      index.columns.push({ name: r.column_name, subPart: r.sub_part === null ? null : Number(r.sub_part) });
      out.set(key, index);
    }
    return [...out.values()];
  }

  /** Drops these indexes (a table's in one statement). */
  async dropIndexes(indexes: readonly SecondaryIndex[]): Promise<void> {
    for (const [table, list] of byTable(indexes))
      await this.db.query(`ALTER TABLE \`${table}\` ${list.map((i) => `DROP INDEX \`${i.name}\``).join(', ')}`);
  }

  /**
   * Builds the missing ones of these indexes: one statement per table (one scan, a sort per index), the tables in
   * parallel. An index that exists already is left alone, so this can be repeated.
   */
  async createIndexes(indexes: readonly SecondaryIndex[]): Promise<void> {
    const present = new Set((await this.secondaryIndexes()).map((i) => `${i.table}.${i.name}`));
    const missing = indexes.filter((i) => !present.has(`${i.table}.${i.name}`));
    await Promise.all(
      [...byTable(missing)].map(([table, list]) =>
        this.db.query(
          `ALTER TABLE \`${table}\` ${list
            .map(
              (i) =>
                `ADD ${i.unique ? 'UNIQUE ' : ''}INDEX \`${i.name}\` (${i.columns
                  .map((c) => `\`${c.name}\`${c.subPart === null ? '' : `(${c.subPart})`}`)
                  .join(', ')})`,
            )
            .join(', ')}`,
        ),
      ),
    );
  }
}
