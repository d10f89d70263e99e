import 'reflect-metadata';

import { createHash, randomBytes } from 'node:crypto';

import type { DeclarationInput, HotlineVerificationView, ProfileUpsertRequest, StaffRole } from '@healthcode/contracts';
import { addDays, cstDate, DeclarationRequestSchema } from '@healthcode/contracts';
import { Module, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';

import { CoreModule } from '../../src/core.module';
import { newId } from '../../src/database/uuid-binary.transformer';
import { AuthorityFactEntity } from '../../src/modules/authority-facts/authority-fact.entity';
import { CodeService } from '../../src/modules/code/code.service';
import { PiiCryptoService } from '../../src/modules/crypto/pii-crypto.service';
import { DeclarationService } from '../../src/modules/me/declaration.service';
import { IdentityModule } from '../../src/modules/verification/identity.module';
import { HotlineVerificationService } from '../../src/modules/verification/hotline-verification.service';
import type { StaffPrincipal } from '../../src/modules/auth/session-token.service';
import { ResidentProfileService } from '../../src/modules/me/resident-profile.service';
import { ResidentRepository } from '../../src/modules/resident/resident.repository';
import { RegionRiskLevelEntity } from '../../src/modules/rules/region-risk-level.entity';
import { RulesService } from '../../src/modules/rules/rules.service';
import { verifyThroughDevHost } from './dev-verification';
import { deleteRedisPrefix } from './redis-cleanup';
import { CONSENT_VERSION, validResidentId } from './resident.factory';
import { createTestDatabase, FakeClock, testConfig } from './test-app';

/**
 * "Medium" tier: real services over real repositories on a real (per-file) database, no HTTP.
 * `ctx.newResident()` signs a resident up through the same service the API uses.
 */
export class MediumContext {
  private constructor(
    readonly app: INestApplicationContext,
    readonly clock: FakeClock,
    private readonly drop: () => Promise<void>,
  ) {}

  /** `imports`: feature modules the test exercises beyond the core (e.g. AuthorityModule). */
  static async create(now: string | Date = new Date(), imports: Type[] = []): Promise<MediumContext> {
    const db = await createTestDatabase();
    const config = await testConfig(db.url);
    const drop = async () => {
      await db.drop();
      await deleteRedisPrefix(config.redis.url, config.redis.queuePrefix);
    };
    const clock = new FakeClock(new Date(now));
    @Module({
      imports: [CoreModule.forRoot(config, clock), IdentityModule, ...imports],
      providers: [DeclarationService],
    })
    class MediumModule {}
    const app = await NestFactory.createApplicationContext(MediumModule, { logger: false });
    return new MediumContext(app, clock, drop);
  }

  get<T>(token: new (...args: never[]) => T): T {
    return this.app.get(token);
  }

  get db(): DataSource {
    return this.app.get(DataSource);
  }

  /** Signs a resident up and, unless `verified: false`, verifies their ID number through the dev host. */
  async newResident(
    profile: Partial<ProfileUpsertRequest> = {},
    declaration?: Partial<DeclarationInput>,
    options: { verified?: boolean; hostUser?: string } = {},
  ): Promise<string> {
    const crypto = this.get(PiiCryptoService);
    const hostUser = options.hostUser ?? randomBytes(6).toString('hex');
    const resident = await this.get(ResidentRepository).findOrCreateByHostKey(
      crypto.hmac('host', `dev:${hostUser}`),
      'dev',
    );
    const input = this.profile(profile);
    await this.get(ResidentProfileService).upsert(resident.id, input);
    if (options.verified !== false)
      await verifyThroughDevHost(this.app, resident.id, hostUser, input.idNumber, input.idType);
    if (declaration) await this.declare(resident.id, declaration);
    return resident.id;
  }

  /** The profile a resident signs up with (a valid, fresh ID number), with `profile` laid over it. */
  profile(profile: Partial<ProfileUpsertRequest> = {}): ProfileUpsertRequest {
    return {
      consentVersion: CONSENT_VERSION,
      name: '王五',
      idType: 'resident-id',
      idNumber: validResidentId(),
      phone: '13612345678',
      homeRegion: '330106',
      ...profile,
    } as ProfileUpsertRequest;
  }

  /** A confirmed case from the health authority for `idNumber`, `daysAgo` days before the clock (not re-scored). */
  async newConfirmedCase(idNumber: string, options: { daysAgo?: number } = {}): Promise<string> {
    const id = newId();
    await this.db.getRepository(AuthorityFactEntity).insert({
      id,
      kind: 'case',
      idHmac: this.get(PiiCryptoService).hmac('id', `resident-id:${idNumber}`),
      data: {
        status: 'confirmed',
        date: addDays(cstDate(this.clock.now()), -(options.daysAgo ?? 2)),
        clearedDate: null,
      },
      rowHash: createHash('sha256').update(randomBytes(16)).digest(),
      importId: null,
      createdAt: this.clock.now(),
    });
    return id;
  }

  async declare(residentId: string, declaration: Partial<DeclarationInput>) {
    const parsed = DeclarationRequestSchema.parse({ currentRegion: '330106', ...declaration });
    return this.get(DeclarationService).declare(residentId, parsed);
  }

  async setRisk(region: string, level: 'low' | 'medium' | 'high', from = '2020-01-01T00:00:00Z') {
    await this.db.getRepository(RegionRiskLevelEntity).insert({
      id: newId(),
      region,
      level,
      effectiveFrom: new Date(from),
      effectiveTo: null,
      setBy: null,
      createdAt: new Date(),
    });
    this.get(RulesService).invalidate();
  }

  /** A staff member as a session names them (no account row: services read only the principal). */
  newStaffPrincipal(role: StaffRole, regionScope = '33'): StaffPrincipal {
    return { kind: 'staff', staffId: newId(), role, regionScope };
  }

  /** A hotline agent's pending document check for a resident whose profile holds `idNumber`. */
  newHotlineVerification(
    residentId: string,
    idNumber: string,
    agent: StaffPrincipal = this.newStaffPrincipal('hotline-agent'),
  ): Promise<HotlineVerificationView> {
    return this.get(HotlineVerificationService).file(agent, {
      residentId,
      idType: 'resident-id',
      idNumber,
      documentType: 'resident-id-card',
      reason: 'Card checked on a video call; the photo matches the caller.',
      callRef: 'HC-MEDIUM-1',
    });
  }

  codes(): CodeService {
    return this.get(CodeService);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.drop();
  }
}
