import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { newId, uuidToBuffer } from '../../database/uuid-binary.transformer';

export interface SeedResidentRow {
  id: string;
  hostKey: Buffer;
  consentVersion: string;
  piiKeyId: string;
  nameEnc: string;
  nameMasked: string;
  idHmac: Buffer;
  idEnc: string;
  idMasked: string;
  phoneHmac: Buffer;
  /** The PII_HMAC key version of the three HMACs. */
  hmacKid: number;
  phoneEnc: string;
  phoneMasked: string;
  homeRegion: string;
  currentRegion: string;
}

export interface SeedDeclarationRow {
  id: string;
  residentId: string;
  currentRegion: string;
  stays: unknown[];
  symptoms: unknown[];
}

const CHUNK = 500;

/** Multi-row inserts for generating large data sets (seed and benchmark), never one statement per resident. */
@Injectable()
export class BulkSeedRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One batch of generated rows with their codes. */
  transaction<T>(work: TransactionWork<T>): Promise<T> {
    return runInTransaction(this.db.manager, work);
  }

  async insertResidents(m: EntityManager, rows: readonly SeedResidentRow[], now: Date): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      await m.query(
        `INSERT INTO residents (id, host_key, host_provider, consent_version, consent_at, pii_key_id, name_enc, name_masked, id_type, id_hmac, id_enc,
           id_masked, phone_hmac, phone_enc, phone_masked, home_region, current_region, created_at, updated_at,
           verification_state, verification_method, verified_at, host_key_kid, id_hmac_kid, phone_hmac_kid)
         VALUES ${part.map(() => "(?,?,'dev',?,?,?,?,?,'resident-id',?,?,?,?,?,?,?,?,?,?,'verified','dev',?,?,?,?)").join(',')}`,
        part.flatMap((r) => [
          uuidToBuffer(r.id),
          r.hostKey,
          r.consentVersion,
          now,
          r.piiKeyId,
          r.nameEnc,
          r.nameMasked,
          r.idHmac,
          r.idEnc,
          r.idMasked,
          r.phoneHmac,
          r.phoneEnc,
          r.phoneMasked,
          r.homeRegion,
          r.currentRegion,
          now,
          now,
          now,
          r.hmacKid,
          r.hmacKid,
          r.hmacKid,
        ]),
      );
      // Generated residents are verified through the dev host, as the demo's are: their facts count.
      await m.query(
        `INSERT INTO identity_events (id, resident_id, kind, method, id_hmac, id_hmac_kid, proof_key, at)
         VALUES ${part.map(() => "(?,?,'verified','dev',?,?,NULL,?)").join(',')}`,
        part.flatMap((r) => [uuidToBuffer(newId()), uuidToBuffer(r.id), r.idHmac, r.hmacKid, now]),
      );
    }
  }

  async insertDeclarations(m: EntityManager, rows: readonly SeedDeclarationRow[], now: Date): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      await m.query(
        `INSERT INTO declarations (id, resident_id, current_region, stays, symptoms, contact_date, declared_at) VALUES ${part.map(() => '(?,?,?,?,?,NULL,?)').join(',')}`,
        part.flatMap((r) => [
          uuidToBuffer(r.id),
          uuidToBuffer(r.residentId),
          r.currentRegion,
          JSON.stringify(r.stays),
          JSON.stringify(r.symptoms),
          now,
        ]),
      );
    }
  }

  async countResidents(m: EntityManager): Promise<number> {
    const [{ n }] = (await m.query('SELECT COUNT(*) AS n FROM residents')) as { n: string }[];
    return Number(n);
  }

  async hasPublishedRules(m: EntityManager = this.db.manager): Promise<boolean> {
    const [{ n }] = (await m.query("SELECT COUNT(*) AS n FROM rule_sets WHERE status = 'published'")) as {
      n: string;
    }[];
    return Number(n) > 0;
  }

  async countRiskLevels(m: EntityManager = this.db.manager): Promise<number> {
    const [{ n }] = (await m.query('SELECT COUNT(*) AS n FROM region_risk_levels')) as { n: string }[];
    return Number(n);
  }
}
