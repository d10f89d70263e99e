import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull, type Repository } from 'typeorm';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { hotQuery } from '../../database/hot-query.util';
import { bufferToUuid, newId, uuidToBuffer } from '../../database/uuid-binary.transformer';
import { Clock } from '../clock/clock';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { ResidentEntity } from './resident.entity';

export type VerificationFields = Pick<
  ResidentEntity,
  'verificationState' | 'verificationMethod' | 'verifiedAt' | 'verificationRejectedReason'
>;

/** The columns a profile change depends on (`profileState`), in this order. */
const PROFILE_STATE_COLUMNS = [
  'consent_version',
  'consent_at',
  'id_hmac',
  'verification_state',
  'verification_method',
  'verified_at',
  'verification_rejected_reason',
  'current_region',
] as const;

export type ProfileState = Pick<
  ResidentEntity,
  | 'consentVersion'
  | 'consentAt'
  | 'idHmac'
  | 'verificationState'
  | 'verificationMethod'
  | 'verifiedAt'
  | 'verificationRejectedReason'
  | 'currentRegion'
>;

export type ProfileFields = Pick<
  ResidentEntity,
  | 'consentVersion'
  | 'consentAt'
  | 'piiKeyId'
  | 'nameEnc'
  | 'nameMasked'
  | 'idType'
  | 'idHmac'
  | 'idEnc'
  | 'idMasked'
  | 'phoneHmac'
  | 'phoneEnc'
  | 'phoneMasked'
  | 'homeRegion'
>;

@Injectable()
export class ResidentRepository {
  constructor(
    @InjectRepository(ResidentEntity) private readonly repo: Repository<ResidentEntity>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly crypto: PiiCryptoService,
  ) {}

  /** One unit of work across modules' repositories (erasure). */
  transaction<T>(work: TransactionWork<T>): Promise<T> {
    return runInTransaction(this.repo.manager, work);
  }

  async count(): Promise<number> {
    return this.repo.count();
  }

  /**
   * A resident without a host account (a child or a dependant without a phone, issue #19), created with its
   * profile. Fails with a duplicate key on `uq_residents_id_hmac` when a live resident holds the ID number.
   */
  async insertHostless(manager: EntityManager, id: string, hostKey: Buffer, fields: ProfileFields): Promise<void> {
    const now = this.clock.now();
    await manager.getRepository(ResidentEntity).insert({
      ...fields,
      id,
      hostKey,
      hostKeyKid: this.crypto.hmacKeyId,
      hostProvider: 'care',
      idHmacKid: this.crypto.hmacKeyId,
      createdAt: now,
      updatedAt: now,
    });
  }

  /** The live resident holding an ID number (HMAC under the current key version), if any. */
  findActiveByIdHmac(idHmac: Buffer): Promise<ResidentEntity | null> {
    return this.repo.findOne({ where: { idHmac, deletedAt: IsNull() } });
  }

  findActive(id: string): Promise<ResidentEntity | null> {
    return this.repo.findOne({ where: { id, deletedAt: IsNull() } });
  }

  /**
   * The id of the resident for a host identity, creating an empty (unregistered) one on first login. Host login's
   * hot path (issue #16): raw statements on the pool, no entity: one read for a returning resident, a read and an
   * INSERT IGNORE for a new one (and a second read only when a concurrent first login of the same host user won).
   */
  async findOrCreateIdByHostKey(hostKey: Buffer, provider: string): Promise<string> {
    return (await this.findOrCreateForLogin(hostKey, provider)).id;
  }

  /**
   * Host login's reads in one statement: the resident of a host key (created when there is none) and their session
   * epoch (`resident_session_epochs`, 0 when no session was ever revoked), which the access token carries. A resident
   * created here has epoch 0 without a read: a revocation needs the resident to exist, and one that raced in after
   * the insert only makes the new token refused at once (the epoch it carries is then stale), never the reverse.
   */
  async findOrCreateForLogin(hostKey: Buffer, provider: string): Promise<{ id: string; sessionEpoch: number }> {
    const found = await this.loginRowByHostKey(hostKey);
    if (found) return found;
    const id = newId();
    const now = this.clock.now();
    const inserted = await hotQuery<{ affectedRows?: number }>(
      this.db,
      'INSERT IGNORE INTO residents (id, host_key, host_key_kid, host_provider, created_at, updated_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?)',
      [uuidToBuffer(id), hostKey, this.crypto.hmacKeyId, provider, now, now],
    );
    if (Number(inserted?.affectedRows ?? 0) === 1) return { id, sessionEpoch: 0 };
    const winner = await this.loginRowByHostKey(hostKey);
    if (!winner) throw new Error('resident for a host key neither inserted nor found');
    return winner;
  }

  /** The same, with the whole row (seeding and tests). */
  async findOrCreateByHostKey(hostKey: Buffer, provider: string): Promise<ResidentEntity> {
    return this.repo.findOneOrFail({ where: { id: await this.findOrCreateIdByHostKey(hostKey, provider) } });
  }

  private async loginRowByHostKey(hostKey: Buffer): Promise<{ id: string; sessionEpoch: number } | null> {
    const rows = await hotQuery<{ id: Buffer; epoch: number | null }[]>(
      this.db,
      'SELECT r.id, e.epoch FROM residents r LEFT JOIN resident_session_epochs e ON e.resident_id = r.id ' +
        'WHERE r.host_key = ?',
      [hostKey],
    );
    return rows.length > 0 ? { id: bufferToUuid(rows[0].id), sessionEpoch: Number(rows[0].epoch ?? 0) } : null;
  }

  /**
   * What a profile change decides on, read without a lock: the first step of sign-up's optimistic path (see
   * `updateProfileIfUnchanged`). Null when the resident does not exist or was erased.
   */
  async profileState(id: string): Promise<ProfileState | null> {
    const rows = await hotQuery<
      {
        consent_version: string | null;
        consent_at: Date | null;
        id_hmac: Buffer | null;
        verification_state: ResidentEntity['verificationState'];
        verification_method: ResidentEntity['verificationMethod'];
        verified_at: Date | null;
        verification_rejected_reason: string | null;
        current_region: string | null;
      }[]
    >(this.db, `SELECT ${PROFILE_STATE_COLUMNS.join(', ')} FROM residents WHERE id = ? AND deleted_at IS NULL`, [
      uuidToBuffer(id),
    ]);
    const r = rows[0];
    if (!r) return null;
    return {
      consentVersion: r.consent_version,
      consentAt: r.consent_at,
      idHmac: r.id_hmac,
      verificationState: r.verification_state,
      verificationMethod: r.verification_method,
      verifiedAt: r.verified_at,
      verificationRejectedReason: r.verification_rejected_reason,
      currentRegion: r.current_region,
    };
  }

  /**
   * Writes the profile fields in one autocommit statement, only if the row still holds exactly `expected` (every
   * column `profileState` read): the same outcome as reading it under a write lock and then updating, without a
   * transaction. Returns false when the row changed in between (or was erased): the caller then takes the locked
   * path. Fails with a duplicate key on `uq_residents_id_hmac` when another live resident holds the ID number.
   */
  async updateProfileIfUnchanged(id: string, expected: ProfileState, fields: ProfileFields): Promise<boolean> {
    const kid = this.crypto.hmacKeyId;
    const set: [string, unknown][] = [
      ['consent_version', fields.consentVersion],
      ['consent_at', fields.consentAt],
      ['pii_key_id', fields.piiKeyId],
      ['name_enc', fields.nameEnc],
      ['name_masked', fields.nameMasked],
      ['id_type', fields.idType],
      ['id_hmac', fields.idHmac],
      ['id_enc', fields.idEnc],
      ['id_masked', fields.idMasked],
      ['phone_hmac', fields.phoneHmac],
      ['phone_enc', fields.phoneEnc],
      ['phone_masked', fields.phoneMasked],
      ['home_region', fields.homeRegion],
      ...(fields.idHmac ? ([['id_hmac_kid', kid]] as [string, unknown][]) : []),
      ...(fields.phoneHmac ? ([['phone_hmac_kid', kid]] as [string, unknown][]) : []),
      ['updated_at', this.clock.now()],
    ];
    const was: unknown[] = [
      expected.consentVersion,
      expected.consentAt,
      expected.idHmac,
      expected.verificationState,
      expected.verificationMethod,
      expected.verifiedAt,
      expected.verificationRejectedReason,
      expected.currentRegion,
    ];
    const result = await hotQuery<{ affectedRows?: number }>(
      this.db,
      `UPDATE residents SET ${set.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ? AND deleted_at IS NULL AND ` +
        PROFILE_STATE_COLUMNS.map((c) => `${c} <=> ?`).join(' AND '),
      [...set.map(([, v]) => v), uuidToBuffer(id), ...was],
    );
    return Number(result?.affectedRows ?? 0) === 1;
  }

  /** The profile row under a write lock, so a profile change and a verification of it never interleave. */
  findActiveForUpdate(manager: EntityManager, id: string): Promise<ResidentEntity | null> {
    return manager
      .getRepository(ResidentEntity)
      .findOne({ where: { id, deletedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  /** Fails with a duplicate key on `uq_residents_id_hmac` when another live resident holds the ID number. */
  async updateProfile(
    id: string,
    fields: ProfileFields & Partial<VerificationFields>,
    manager: EntityManager = this.repo.manager,
  ): Promise<void> {
    // HMACs written here are under the current key version (the callers compute them with PiiCryptoService.hmac).
    const kids = {
      ...(fields.idHmac ? { idHmacKid: this.crypto.hmacKeyId } : {}),
      ...(fields.phoneHmac ? { phoneHmacKid: this.crypto.hmacKeyId } : {}),
    };
    await manager.getRepository(ResidentEntity).update({ id }, { ...fields, ...kids, updatedAt: this.clock.now() });
  }

  async setVerification(manager: EntityManager, id: string, fields: VerificationFields, at: Date): Promise<void> {
    await manager.getRepository(ResidentEntity).update({ id }, { ...fields, updatedAt: at });
  }

  async setCurrentRegion(id: string, region: string): Promise<void> {
    await this.repo.update({ id }, { currentRegion: region, updatedAt: this.clock.now() });
  }

  /** Erasure keeps the row (so foreign ids stay meaningless but valid) and drops every personal field. */
  async erase(id: string, at: Date, manager: EntityManager = this.repo.manager): Promise<void> {
    await manager.getRepository(ResidentEntity).update(
      { id },
      {
        hostKey: Buffer.from(newId().replace(/-/g, '').padEnd(64, '0'), 'hex'),
        consentVersion: null,
        nameEnc: null,
        nameMasked: null,
        idType: null,
        idHmac: null,
        idEnc: null,
        idMasked: null,
        phoneHmac: null,
        phoneEnc: null,
        phoneMasked: null,
        homeRegion: null,
        currentRegion: null,
        piiKeyId: null,
        verificationState: 'unverified',
        verificationMethod: null,
        verifiedAt: null,
        verificationRejectedReason: null,
        deletedAt: at,
        updatedAt: at,
      },
    );
  }
}
