import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { APP_CONFIG, type AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source.util';
import { ENTITIES } from './database/entities';
import { AccessLogRepository } from './modules/access-log/access-log.repository';
import { AccessLogService } from './modules/access-log/access-log.service';
import { AuditRepository } from './modules/audit/audit.repository';
import { AuditService } from './modules/audit/audit.service';
import { Clock } from './modules/clock/clock';
import { CodeRepository } from './modules/code/code.repository';
import { CodeService } from './modules/code/code.service';
import { FactsRepository } from './modules/code/facts.repository';
import { CryptoModule } from './modules/crypto/crypto.module';
import { DeclarationRepository } from './modules/declaration/declaration.repository';
import { CodeSignerService } from './modules/keys/code-signer.service';
import { CodeTokenRepository } from './modules/keys/code-token.repository';
import { StaffOverrideRepository } from './modules/override/staff-override.repository';
import { ColorCountsRepository } from './modules/rescore/color-counts.repository';
import { ResidentRepository } from './modules/resident/resident.repository';
import { RetentionRegistry } from './modules/retention/retention.registry';
import { RulesRepository } from './modules/rules/rules.repository';
import { RulesService } from './modules/rules/rules.service';
import { SessionRevocationRepository } from './modules/session/session-revocation.repository';
import { SessionRevocationService } from './modules/session/session-revocation.service';

const SHARED = [
  AccessLogRepository,
  AccessLogService,
  AuditRepository,
  AuditService,
  CodeRepository,
  CodeService,
  CodeSignerService,
  CodeTokenRepository,
  ColorCountsRepository,
  DeclarationRepository,
  FactsRepository,
  ResidentRepository,
  RetentionRegistry,
  RulesRepository,
  RulesService,
  SessionRevocationRepository,
  SessionRevocationService,
  StaffOverrideRepository,
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
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.database.url, config.database.poolSize, config.database.flavor),
        }),
        TypeOrmModule.forFeature(ENTITIES),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }, { provide: Clock, useValue: clock }, ...SHARED],
      exports: [APP_CONFIG, Clock, TypeOrmModule, ...SHARED],
    };
  }
}
