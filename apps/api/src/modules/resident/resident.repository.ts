import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, type Repository } from 'typeorm';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { newId } from '../../database/uuid-binary.transformer';
import { Clock } from '../clock/clock';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { ResidentEntity } from './resident.entity';

export type VerificationFields = Pick<
  ResidentEntity,
  'verificationState' | 'verificationMethod' | 'verifiedAt' | 'verificationRejectedReason'
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

  /** Finds the resident for a host identity, creating an empty (unregistered) one on first login. */
  async findOrCreateByHostKey(hostKey: Buffer, provider: string): Promise<ResidentEntity> {
    const now = this.clock.now();
    await this.repo
      .createQueryBuilder()
      .insert()
      .values({
        id: newId(),
        hostKey,
        hostKeyKid: this.crypto.hmacKeyId,
        hostProvider: provider,
        createdAt: now,
        updatedAt: now,
      })
      .orIgnore()
      .execute();
    return this.repo.findOneOrFail({ where: { hostKey } });
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
