import 'reflect-metadata';

import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { addDays, cstDate, type ProfileUpsertRequest, type StaffRole } from '@healthcode/contracts';
import { BullModule } from '@nestjs/bull';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';

import type { AppConfig } from '../../src/config/app-config';
import { CoreModule } from '../../src/core.module';
import { newId } from '../../src/database/uuid-binary.transformer';
import { AppealFilingService } from '../../src/modules/appeal/appeal-filing.service';
import { AppealWorkerModule } from '../../src/modules/appeal/appeal.module';
import type { StaffPrincipal } from '../../src/modules/auth/session-token.service';
import { AuthorityFactEntity } from '../../src/modules/authority-facts/authority-fact.entity';
import { CodeService } from '../../src/modules/code/code.service';
import { PiiCryptoService } from '../../src/modules/crypto/pii-crypto.service';
import { DeclarationService } from '../../src/modules/me/declaration.service';
import { IdentityVerificationService } from '../../src/modules/verification/identity-verification.service';
import { IdentityModule } from '../../src/modules/verification/identity.module';
import { NotificationWorkerModule } from '../../src/modules/notification/notification.module';
import { NotificationService } from '../../src/modules/notification/notification.service';
import { bullOptions } from '../../src/modules/queue/bull-options.util';
import { ResidentProfileService } from '../../src/modules/me/resident-profile.service';
import { ResidentRepository } from '../../src/modules/resident/resident.repository';
import { StaffEntity } from '../../src/modules/staff/staff.entity';
import { deleteRedisPrefix } from './redis-cleanup';
import { CONSENT_VERSION, validResidentId } from './resident.factory';
import { createTestDatabase, FakeClock, testConfig } from './test-app';

/**
 * Medium tier for appeals: the real appeal and notification services, the deadline and notification
 * processors (in this process, on real Redis), over a real per-file database. No HTTP.
 */
export class AppealContext {
  private constructor(
    readonly app: INestApplicationContext,
    readonly clock: FakeClock,
    readonly config: AppConfig,
    private readonly cleanup: () => Promise<void>,
  ) {}

  static async create(env: Record<string, string> = {}, now: string | Date = new Date()): Promise<AppealContext> {
    const db = await createTestDatabase();
    const evidenceDir = await mkdtemp(join(tmpdir(), 'hc-evidence-'));
    const config = await testConfig(db.url, { APPEAL_EVIDENCE_DIR: evidenceDir, NOTIFY_BACKOFF_MS: '50', ...env });
    const clock = new FakeClock(new Date(now));
    @Module({
      imports: [
        CoreModule.forRoot(config, clock),
        BullModule.forRoot(bullOptions(config)),
        AppealWorkerModule,
        NotificationWorkerModule,
        IdentityModule,
      ],
      providers: [DeclarationService],
    })
    class AppealTestModule {}
    const app = await NestFactory.createApplicationContext(AppealTestModule, { logger: false });
    await app.init();
    return new AppealContext(app, clock, config, async () => {
      await app.close();
      await db.drop();
      await rm(evidenceDir, { recursive: true, force: true });
      await deleteRedisPrefix(config.redis.url, config.redis.queuePrefix);
    });
  }

  get<T>(token: new (...args: never[]) => T): T {
    return this.app.get(token);
  }

  get db(): DataSource {
    return this.app.get(DataSource);
  }

  /** Signs a resident up through the real services; `provider` decides their notification channel. */
  async newResident(options: { provider?: 'dev' | 'wechat' | 'alipay'; hostUserId?: string; region?: string } = {}) {
    const provider = options.provider ?? 'dev';
    const hostUserId = options.hostUserId ?? randomBytes(6).toString('hex');
    const crypto = this.get(PiiCryptoService);
    const resident = await this.get(ResidentRepository).findOrCreateByHostKey(
      crypto.hmac('host', `${provider}:${hostUserId}`),
      provider,
    );
    const idNumber = validResidentId();
    const phone = '13612345678';
    await this.get(ResidentProfileService).upsert(resident.id, {
      consentVersion: CONSENT_VERSION,
      name: '王五',
      idType: 'resident-id',
      idNumber,
      phone,
      homeRegion: '330106',
    } as ProfileUpsertRequest);
    await this.get(NotificationService).rememberRecipient(resident.id, provider, hostUserId);
    // Verified directly (whatever their login host; the notification channel is what matters here).
    await this.get(IdentityVerificationService).apply(
      resident.id,
      crypto.hmac('id', `resident-id:${idNumber}`),
      { type: 'verify', method: 'dev', at: this.clock.now() },
      null,
    );
    return { id: resident.id, idNumber, phone, hostUserId };
  }

  /** A case-registry row matching the resident's ID, as an import would write it; returns its id. */
  async addCase(idNumber: string, date: string, rowSeed = idNumber + date): Promise<{ id: string; rowHash: Buffer }> {
    const crypto = this.get(PiiCryptoService);
    const row = {
      id: newId(),
      kind: 'case' as const,
      idHmac: crypto.hmac('id', `resident-id:${idNumber}`),
      data: { status: 'confirmed', date, clearedDate: null },
      rowHash: createHash('sha256').update(rowSeed).digest(),
      importId: null,
      createdAt: this.clock.now(),
    };
    await this.db.getRepository(AuthorityFactEntity).insert(row);
    return { id: row.id, rowHash: row.rowHash };
  }

  /**
   * A signed-up resident with a confirmed case `daysAgo` days before the clock, re-scored after the import:
   * red, with the case reason as the resident sees it (what an appeal disputes).
   */
  async newRedResident(options: { daysAgo?: number; rowSeed?: string } = {}) {
    const resident = await this.newResident();
    const date = addDays(cstDate(this.clock.now()), -(options.daysAgo ?? 3));
    const fact = await this.addCase(resident.idNumber, date, options.rowSeed);
    await this.codes().rescoreOne(resident.id, 'authority-import', `import:${fact.id}`);
    const code = await this.codes().currentCode(resident.id);
    return { ...resident, fact, color: code.color, reason: code.reasons.find((x) => x.fact.kind === 'case')! };
  }

  /** The resident's appeal against their case reason, filed through the real service. */
  async newAppeal(
    resident: { id: string; reason: { ruleId: string; fact: { kind: string; [field: string]: unknown } } },
    options: { category?: string; statement?: string } = {},
  ) {
    return this.get(AppealFilingService).submit(resident.id, {
      fields: {
        ruleId: resident.reason.ruleId,
        factKind: resident.reason.fact.kind,
        factRef: String(resident.reason.fact.ref),
        category: options.category ?? 'wrong-case-match',
        statement: options.statement ?? 'Not me.',
      },
      files: [],
    });
  }

  async newStaff(role: StaffRole, regionScope: string): Promise<StaffPrincipal & { id: string }> {
    const id = newId();
    await this.db.getRepository(StaffEntity).insert({
      id,
      username: `${role}-${id.slice(-8)}`,
      displayName: role,
      passwordHash: 'x',
      role,
      regionScope,
      totpSecretEnc: null,
      totpPendingEnc: null,
      totpLastStep: null,
      disabled: false,
      sessionsValidAfter: null,
      lastLoginAt: null,
      createdBy: null,
      failedLogins: 0,
      lockedUntil: null,
      createdAt: this.clock.now(),
    } as StaffEntity);
    return { kind: 'staff', staffId: id, id, role, regionScope };
  }

  codes(): CodeService {
    return this.get(CodeService);
  }

  /** Polls until `check` returns a truthy value (queue work happens in the background). */
  async waitFor<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value) return value as T;
      if (Date.now() > until) throw new Error('waitFor timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async close(): Promise<void> {
    await this.cleanup();
  }
}
