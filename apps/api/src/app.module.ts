import { BullModule } from '@nestjs/bull';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';

import { loggerOptions } from './bootstrap/logger.options';
import { ApiExceptionFilter } from './common/api-exception.filter';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { ActingForGuard } from './modules/care/acting-for.guard';
import { CareModule } from './modules/care/care.module';
import { AppealModule } from './modules/appeal/appeal.module';
import { CardModule } from './modules/card/card.module';
import { CheckpointModule } from './modules/checkpoint/checkpoint.module';
import { AuditModule } from './modules/audit/audit.module';
import { HostLoginController } from './modules/login/host-login.controller';
import { AuthGuard } from './modules/auth/auth.guard';
import { HostLoginService } from './modules/login/host-login.service';
import { SessionTokenService } from './modules/auth/session-token.service';
import { DeclarationController } from './modules/me/declaration.controller';
import { DeclarationService } from './modules/me/declaration.service';
import type { Clock } from './modules/clock/clock';
import { FaviconController } from './modules/health/favicon.controller';
import { HealthController } from './modules/health/health.controller';
import { HealthRepository } from './modules/health/health.repository';
import { HealthService } from './modules/health/health.service';
import { JwksController } from './modules/keys/jwks.controller';
import { IdentityModule } from './modules/verification/identity.module';
import { LookupModule } from './modules/lookup/lookup.module';
import { ErasureReceiptRepository } from './modules/me/erasure-receipt.repository';
import { ErasureService } from './modules/me/erasure.service';
import { MeController } from './modules/me/me.controller';
import { NotificationModule } from './modules/notification/notification.module';
import { JobRequestContext } from './modules/queue/job-request-context';
import { BullClients, bullClientsProvider, bullOptions } from './modules/queue/bull-options.util';
import { RedisHealth } from './modules/queue/redis-health';
import { QueueBoardModule } from './modules/queue-board/queue-board.module';
import { RetentionModule } from './modules/retention/retention.module';
import { RulesController } from './modules/rules/rules.controller';
import { AuthorityModule } from './modules/authority/authority.module';
import { RescoreApiModule } from './modules/rescore/rescore-api.module';
import { RuleAdminModule } from './modules/rule-admin/rule-admin.module';
import { RateLimitGuard } from './modules/security/rate-limit.guard';
import { RateLimitModule } from './modules/security/rate-limit.module';
import { SessionRevocationGuard } from './modules/session/session-revocation.guard';
import { StaffSessionGuard } from './modules/staff/staff-session.guard';
import { StaffModule } from './modules/staff/staff.module';
import { TrustModule } from './modules/trust/trust.module';

export interface AppModuleOptions {
  /** Where logs go (tests capture them to prove redaction). */
  logDestination?: NodeJS.WritableStream;
  /** Tests pass a fake clock to move through days without sleeping. */
  clock?: Clock;
}

/** Staff login and accounts, hotline lookup, audit log, retention, rate limits (issue #4, docs/SECURITY.md). */
const STAFF_SECURITY_MODULES = [AuditModule, LookupModule, RateLimitModule, RetentionModule, StaffModule];

/** The HTTP API. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    // Per app: Redis Cluster clients Bull opened, closed at shutdown (Bull leaves them open).
    const bullClients = new BullClients();
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, options.clock),
        LoggerModule.forRoot(loggerOptions(config.logLevel, options.logDestination)),
        RescoreApiModule,
        RuleAdminModule,
        AuthorityModule,
        CheckpointModule,
        CardModule,
        ...STAFF_SECURITY_MODULES,
        // Bull producers of the API (appeal deadlines, resident notifications); the worker consumes.
        BullModule.forRoot(bullOptions(config, bullClients)),
        AppealModule,
        NotificationModule,
        QueueBoardModule,
        IdentityModule,
        TrustModule,
        CareModule,
      ],
      controllers: [
        HostLoginController,
        DeclarationController,
        FaviconController,
        HealthController,
        JwksController,
        MeController,
        RulesController,
      ],
      providers: [
        bullClientsProvider(bullClients),
        JobRequestContext,
        { provide: APP_GUARD, useClass: AuthGuard },
        // In this order, right after AuthGuard: they read the principal it verified.
        { provide: APP_GUARD, useExisting: StaffSessionGuard },
        { provide: APP_GUARD, useClass: SessionRevocationGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        // Last: acting for a dependant is checked only for a caller every guard above let through.
        { provide: APP_GUARD, useExisting: ActingForGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        HostLoginService,
        DeclarationService,
        ErasureReceiptRepository,
        ErasureService,
        HealthService,
        HealthRepository,
        RedisHealth,
        SessionTokenService,
      ],
    };
  }
}
