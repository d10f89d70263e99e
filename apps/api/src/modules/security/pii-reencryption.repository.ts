import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface SealedResident {
  id: Buffer;
  piiKeyId: string;
  nameEnc: string | null;
  idEnc: string | null;
  phoneEnc: string | null;
}

export interface SealedStaffSecret {
  id: Buffer;
  totpSecretEnc: string;
}

/**
 * Rows whose personal data is sealed under a key other than the current one. Walks by primary key after a
 * cursor, so a run is a single pass and a restarted run simply finds what is left.
 */
@Injectable()
export class PiiReencryptionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  async residentIdsNotOn(keyId: string, after: Buffer | null, limit: number): Promise<Buffer[]> {
    const rows: { id: Buffer }[] = await this.db.query(
      'SELECT id FROM residents WHERE pii_key_id IS NOT NULL AND pii_key_id <> ? AND id > ? ORDER BY id LIMIT ?',
      [keyId, after ?? Buffer.alloc(16), limit],
    );
    return rows.map((r) => r.id);
  }

  /** Locks the batch: a profile update racing the job waits, and whichever runs second sees the other's key. */
  lockResidents(m: EntityManager, ids: Buffer[]): Promise<SealedResident[]> {
    return m.query(
      'SELECT id, pii_key_id AS piiKeyId, name_enc AS nameEnc, id_enc AS idEnc, phone_enc AS phoneEnc FROM residents WHERE id IN (?) FOR UPDATE',
      [ids],
    );
  }

  async updateResident(m: EntityManager, row: SealedResident): Promise<void> {
    await m.query('UPDATE residents SET pii_key_id = ?, name_enc = ?, id_enc = ?, phone_enc = ? WHERE id = ?', [
      row.piiKeyId,
      row.nameEnc,
      row.idEnc,
      row.phoneEnc,
      row.id,
    ]);
  }

  async countResidentsNotOn(keyId: string): Promise<number> {
    const [{ n }] = await this.db.query(
      'SELECT COUNT(*) AS n FROM residents WHERE pii_key_id IS NOT NULL AND pii_key_id <> ?',
      [keyId],
    );
    return Number(n);
  }

  /** Staff TOTP secrets carry their key id as the ciphertext prefix (`<keyId>:…`). */
  lockStaffSecretsNotOn(m: EntityManager, keyId: string): Promise<SealedStaffSecret[]> {
    return m.query(
      'SELECT id, totp_secret_enc AS totpSecretEnc FROM staff WHERE totp_secret_enc IS NOT NULL AND totp_secret_enc NOT LIKE ? FOR UPDATE',
      [`${keyId.replace(/[\\%_]/g, '\\$&')}:%`],
    );
  }

  /** An unfinished authenticator enrollment under an older key starts again (a new secret at the next login). */
  async dropPendingStaffSecretsNotOn(m: EntityManager, keyId: string): Promise<void> {
    await m.query(
      'UPDATE staff SET totp_pending_enc = NULL WHERE totp_pending_enc IS NOT NULL AND totp_pending_enc NOT LIKE ?',
      [`${keyId.replace(/[\\%_]/g, '\\$&')}:%`],
    );
  }

  async updateStaffSecret(m: EntityManager, id: Buffer, sealed: string): Promise<void> {
    await m.query('UPDATE staff SET totp_secret_enc = ? WHERE id = ?', [sealed, id]);
  }
}
