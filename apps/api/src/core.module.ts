import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { APP_CONFIG, type AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source.util';
import { ENTITIES } from './database/entities';
import { AccessLogErasureOwner } from './modules/access-log/access-log-erasure.owner';
import { AccessLogRepository } from './modules/access-log/access-log.repository';
import { AccessLogService } from './modules/access-log/access-log.service';
import { CareErasureOwner } from './modules/care/care-erasure.owner';
import { CareLinkRepository } from './modules/care/care-link.repository';
import { AuditHeadSignatureRepository } from './modules/audit/audit-head-signature.repository';
import { AuditHeadSignerService } from './modules/audit/audit-head-signer.service';
import { AuditRepository } from './modules/audit/audit.repository';
import { AuditService } from './modules/audit/audit.service';
import { Clock } from './modules/clock/clock';
import { MetricsModule } from './modules/metrics/metrics.module';
import { CodeErasureOwner } from './modules/code/code-erasure.owner';
import { CodeRepository } from './modules/code/code.repository';
import { CodeRowsRepository } from './modules/code/code-rows.repository';
import { CodeWriter } from './modules/code/code-writer.service';
import { CodeService } from './modules/code/code.service';
import { ColorNoticeStager } from './modules/notification/color-notice-stager.service';
import { NotificationRepository } from './modules/notification/notification.repository';
import { CodeViewCache } from './modules/code/code-view.cache';
import { FactsRepository } from './modules/code/facts.repository';
import { HmacRotationRepository } from './modules/hmac-keys/hmac-rotation.repository';
import { HmacRotationService } from './modules/hmac-keys/hmac-rotation.service';
import { CryptoModule } from './modules/crypto/crypto.module';
import { DeclarationErasureOwner } from './modules/declaration/declaration-erasure.owner';
import { DeclarationRetentionPurgers } from './modules/declaration/declaration-retention.purger';
import { DeclarationRetentionRepository } from './modules/declaration/declaration-retention.repository';
import { IdentityErasureOwner } from './modules/identity/identity-erasure.owner';
import { HotlineVerificationRepository } from './modules/identity/hotline-verification.repository';
import { IdentityEventRepository } from './modules/identity/identity-event.repository';
import { WechatVerifySessionRepository } from './modules/identity/wechat-verify-session.repository';
import { DeclarationRepository } from './modules/declaration/declaration.repository';
import { CodeSignerService } from './modules/keys/code-signer.service';
import { CodeTokenErasureOwner } from './modules/keys/code-token-erasure.owner';
import { CodeTokenRepository } from './modules/keys/code-token.repository';
import { FactCorrectionRepository } from './modules/override/fact-correction.repository';
import { OverrideErasureOwner } from './modules/override/override-erasure.owner';
import { StaffOverrideRepository } from './modules/override/staff-override.repository';
import { ColorCountFolder } from './modules/color-counts/color-count-folder.service';
import { ColorCountsRepository } from './modules/color-counts/color-counts.repository';
import { ResidentErasureOwner } from './modules/resident/resident-erasure.owner';
import { ResidentRepository } from './modules/resident/resident.repository';
import { ResidentDataRegistry } from './modules/resident-data/resident-data.registry';
import { RulesRepository } from './modules/rules/rules.repository';
import { RulesService } from './modules/rules/rules.service';
import { SessionRevocationRepository } from './modules/session/session-revocation.repository';
import { SessionErasureOwner } from './modules/session/session-erasure.owner';
import { SessionRevocationService } from './modules/session/session-revocation.service';
import { StaffRepository } from './modules/staff/staff.repository';

const SHARED = [
  AccessLogRepository,
  CareLinkRepository,
  AccessLogService,
  AuditHeadSignatureRepository,
  AuditHeadSignerService,
  AuditRepository,
  AuditService,
  CodeRepository,
  CodeRowsRepository,
  CodeService,
  CodeWriter,
  ColorNoticeStager,
  CodeSignerService,
  CodeViewCache,
  CodeTokenRepository,
  ColorCountFolder,
  ColorCountsRepository,
  DeclarationRepository,
  FactCorrectionRepository,
  FactsRepository,
  HmacRotationRepository,
  HmacRotationService,
  HotlineVerificationRepository,
  IdentityEventRepository,
  NotificationRepository,
  ResidentRepository,
  WechatVerifySessionRepository,
  ResidentDataRegistry,
  RulesRepository,
  RulesService,
  SessionRevocationRepository,
  SessionRevocationService,
  StaffOverrideRepository,
  StaffRepository,
];

/**
 * Core tables' owners in ResidentDataRegistry (erasure) and the declaration purgers (retention): registered in
 * both processes, since the API erases and lists deletion dates and the worker purges.
 */
const RESIDENT_DATA_OWNERS = [
  AccessLogErasureOwner,
  CareErasureOwner,
  CodeErasureOwner,
  CodeTokenErasureOwner,
  DeclarationErasureOwner,
  IdentityErasureOwner,
  DeclarationRetentionPurgers,
  DeclarationRetentionRepository,
  OverrideErasureOwner,
  ResidentErasureOwner,
  SessionErasureOwner,
];

/** What both the HTTP API and the queue worker need: configuration, the database, repositories and core services. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, clock: Clock = new Clock()): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        CryptoModule,
        MetricsModule,
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.database.url, config.database.poolSize, config.database.flavor),
        }),
        TypeOrmModule.forFeature(ENTITIES),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
        ...SHARED,
        ...RESIDENT_DATA_OWNERS,
      ],
      exports: [APP_CONFIG, Clock, TypeOrmModule, ...SHARED],
    };
  }
}
