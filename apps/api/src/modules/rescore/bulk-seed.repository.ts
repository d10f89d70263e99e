import { Readable } from 'node:stream';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { bufferToUuid, newId, uuidToBuffer } from '../../database/uuid-binary.transformer';
import { loadDataRow, type LoadDataValue } from './load-data-row.util';

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

/** An authority fact stored for an ID number (its HMAC), as the range re-score reads it. */
export interface SeedAuthorityFact {
  idHmac: Buffer;
  id: string;
  kind: 'case' | 'contact' | 'booking';
  data: Record<string, string | null>;
}

/** How rows are written: `LOAD DATA LOCAL INFILE` when the server allows it, else multi-row INSERTs. */
export type SeedWriteMode = 'load-data' | 'insert';

/** The columns of a generated resident that vary, in the order `residentValues` gives them (LOAD DATA and INSERT). */
const RESIDENT_COLUMNS =
  'id, host_key, consent_version, pii_key_id, name_enc, name_masked, id_hmac, id_enc, id_masked, phone_hmac, ' +
  'phone_enc, phone_masked, home_region, current_region, host_key_kid, id_hmac_kid, phone_hmac_kid';

/** The same for LOAD DATA: the binary columns arrive hex-encoded, into variables that SET decodes. */
const LOAD_COLUMNS = RESIDENT_COLUMNS.replace(/\b(id|host_key|id_hmac|phone_hmac)\b/g, '@$1');

const residentValues = (r: SeedResidentRow): LoadDataValue[] => [
  uuidToBuffer(r.id),
  r.hostKey,
  r.consentVersion,
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
  r.hmacKid,
  r.hmacKid,
  r.hmacKid,
];

const CHUNK = 500;

interface RawConnection {
  query(
    options: { sql: string; values?: unknown[]; infileStreamFactory?: () => Readable },
    callback: (error: Error | null, result?: unknown) => void,
  ): void;
}

/** Bulk writes for generating large data sets (seed and benchmark), never one statement per resident. */
@Injectable()
export class BulkSeedRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One batch of generated rows with their codes. */
  transaction<T>(work: TransactionWork<T>): Promise<T> {
    return runInTransaction(this.db.manager, work);
  }

  /**
   * `LOAD DATA LOCAL` needs the server's `local_infile`. The seed never turns it on itself (a server-wide security
   * setting): without it, it writes multi-row INSERTs, slower but the same rows.
   */
  async writeMode(): Promise<SeedWriteMode> {
    const [{ v }] = (await this.db.query('SELECT @@GLOBAL.local_infile AS v')) as { v: number | string }[];
    return Number(v) === 1 ? 'load-data' : 'insert';
  }

  async insertResidents(
    m: EntityManager,
    rows: readonly SeedResidentRow[],
    now: Date,
    mode: SeedWriteMode = 'insert',
    newEventId: () => string = newId,
  ): Promise<void> {
    if (mode === 'load-data') {
      await this.loadData(
        m,
        `LOAD DATA LOCAL INFILE 'residents.tsv' INTO TABLE residents CHARACTER SET utf8mb4
           (${LOAD_COLUMNS})
         SET id = UNHEX(@id), host_key = UNHEX(@host_key), id_hmac = UNHEX(@id_hmac), phone_hmac = UNHEX(@phone_hmac),
             host_provider = 'dev', consent_at = ?, id_type = 'resident-id', created_at = ?, updated_at = ?,
             verification_state = 'verified', verification_method = 'dev', verified_at = ?`,
        [now, now, now, now],
        rows.map((r) => loadDataRow(residentValues(r))),
      );
      await this.loadData(
        m,
        `LOAD DATA LOCAL INFILE 'identity_events.tsv' INTO TABLE identity_events (@id, @resident_id, @id_hmac, id_hmac_kid)
         SET id = UNHEX(@id), resident_id = UNHEX(@resident_id), id_hmac = UNHEX(@id_hmac), kind = 'verified',
             method = 'dev', proof_key = NULL, at = ?`,
        [now],
        rows.map((r) => loadDataRow([uuidToBuffer(newEventId()), uuidToBuffer(r.id), r.idHmac, r.hmacKid])),
      );
      return;
    }
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      await m.query(
        `INSERT INTO residents (${RESIDENT_COLUMNS}, host_provider, consent_at, id_type, created_at, updated_at,
           verification_state, verification_method, verified_at)
         VALUES ${part.map(() => `(${RESIDENT_COLUMNS.split(',').map(() => '?')},'dev',?,'resident-id',?,?,'verified','dev',?)`).join(',')}`,
        part.flatMap((r) => [...residentValues(r), now, now, now, now]),
      );
      // Generated residents are verified through the dev host, as the demo's are: their facts count.
      await m.query(
        `INSERT INTO identity_events (id, resident_id, kind, method, id_hmac, id_hmac_kid, proof_key, at)
         VALUES ${part.map(() => "(?,?,'verified','dev',?,?,NULL,?)").join(',')}`,
        part.flatMap((r) => [uuidToBuffer(newEventId()), uuidToBuffer(r.id), r.idHmac, r.hmacKid, now]),
      );
    }
  }

  async insertDeclarations(
    m: EntityManager,
    rows: readonly SeedDeclarationRow[],
    now: Date,
    mode: SeedWriteMode = 'insert',
  ): Promise<void> {
    if (mode === 'load-data') {
      await this.loadData(
        m,
        `LOAD DATA LOCAL INFILE 'declarations.tsv' INTO TABLE declarations CHARACTER SET utf8mb4
           (@id, @resident_id, current_region, stays, symptoms)
         SET id = UNHEX(@id), resident_id = UNHEX(@resident_id), contact_date = NULL, declared_at = ?`,
        [now],
        rows.map((r) =>
          loadDataRow([
            uuidToBuffer(r.id),
            uuidToBuffer(r.residentId),
            r.currentRegion,
            JSON.stringify(r.stays),
            JSON.stringify(r.symptoms),
          ]),
        ),
      );
      return;
    }
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

  /**
   * The authority facts already stored for these ID numbers (an import may have named a resident before they
   * exist), in the order the range re-score reads them: a generated resident is scored from the same facts.
   */
  async authorityFacts(m: EntityManager, idHmacs: readonly Buffer[]): Promise<SeedAuthorityFact[]> {
    if (idHmacs.length === 0) return [];
    const rows: { id_hmac: Buffer; id: Buffer; kind: SeedAuthorityFact['kind']; data: unknown }[] = await m.query(
      `SELECT id_hmac, id, kind, data FROM authority_facts WHERE id_hmac IN (${idHmacs.map(() => '?').join(',')})
        ORDER BY id_hmac, id`,
      [...idHmacs],
    );
    return rows.map((r) => ({
      idHmac: r.id_hmac,
      id: bufferToUuid(r.id),
      kind: r.kind,
      data: (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, string | null>,
    }));
  }

  /** Whether a resident with this host key exists: a batch of a previous (interrupted) seed is never written twice. */
  async hasHostKey(hostKey: Buffer): Promise<boolean> {
    const rows = (await this.db.query('SELECT 1 AS x FROM residents WHERE host_key = ? LIMIT 1', [
      hostKey,
    ])) as unknown[];
    return rows.length > 0;
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

  /** Streams `lines` as the local file of a `LOAD DATA LOCAL INFILE`, on the transaction's own connection. */
  private async loadData(m: EntityManager, sql: string, values: unknown[], lines: string[]): Promise<void> {
    if (!m.queryRunner) throw new Error('LOAD DATA needs a transaction');
    const conn = (await (m.queryRunner as unknown as { connect(): Promise<RawConnection> }).connect()) as RawConnection;
    const body = Buffer.from(lines.join(''), 'utf8');
    const result = await new Promise<unknown>((resolve, reject) =>
      conn.query({ sql, values, infileStreamFactory: () => Readable.from([body]) }, (error, res) =>
        error ? reject(error) : resolve(res),
      ),
    );
    const { affectedRows, warningStatus } = result as { affectedRows: number; warningStatus?: number };
    // LOAD DATA turns a bad field into a warning, not an error: treat either as a failure of the batch.
    if (affectedRows !== lines.length || (warningStatus ?? 0) > 0)
      throw new Error(`LOAD DATA wrote ${affectedRows} of ${lines.length} rows (${warningStatus ?? 0} warnings)`);
  }
}
