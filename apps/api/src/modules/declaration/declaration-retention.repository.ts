import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { bufferToUuid, uuidToBuffer } from '../../database/uuid-binary.transformer';

const BATCH = 5_000;

/**
 * Purges and per-resident listings for the declaration tables. Deletes go in batches of 5,000 rows, each
 * its own short statement, so a large purge never holds locks for long or bloats the undo log.
 */
@Injectable()
export class DeclarationRetentionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  purgeDeclarationsBefore(cutoff: Date): Promise<number> {
    return this.deleteInBatches('DELETE FROM declarations WHERE declared_at < ? LIMIT ?', cutoff);
  }

  purgeCheckInsBefore(cutoff: Date): Promise<number> {
    return this.deleteInBatches('DELETE FROM check_ins WHERE created_at < ? LIMIT ?', cutoff);
  }

  async declarationsOf(residentId: string): Promise<{ id: string; at: Date }[]> {
    const rows: { id: Buffer; at: Date }[] = await this.db.query(
      'SELECT id, declared_at AS at FROM declarations WHERE resident_id = ? ORDER BY declared_at DESC LIMIT 500',
      [uuidToBuffer(residentId)],
    );
    return rows.map((r) => ({ id: bufferToUuid(r.id), at: new Date(r.at) }));
  }

  async checkInsOf(residentId: string): Promise<{ id: string; at: Date }[]> {
    const rows: { id: Buffer; at: Date }[] = await this.db.query(
      'SELECT id, created_at AS at FROM check_ins WHERE resident_id = ? ORDER BY created_at DESC LIMIT 500',
      [uuidToBuffer(residentId)],
    );
    return rows.map((r) => ({ id: bufferToUuid(r.id), at: new Date(r.at) }));
  }

  private async deleteInBatches(sql: string, cutoff: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const result: { affectedRows?: number } = await this.db.query(sql, [cutoff, BATCH]);
      const n = result.affectedRows ?? 0;
      total += n;
      if (n < BATCH) return total;
    }
  }
}
