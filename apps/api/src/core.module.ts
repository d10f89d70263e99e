import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { APP_CONFIG, type AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source.util';
import { ENTITIES } from './database/entities';
import { AccessLogRepository } from './modules/access-log/access-log.repository';
import { AccessLogService } from './modules/access-log/access-log.service';
import { ClockModule } from './modules/clock/clock';
import { CodeRepository } from './modules/code/code.repository';
import { CodeService } from './modules/code/code.service';
import { FactsRepository } from './modules/code/facts.repository';
import { CryptoModule } from './modules/crypto/crypto.module';
import { DeclarationRepository } from './modules/declaration/declaration.repository';
import { CodeSignerService } from './modules/keys/code-signer.service';
import { ResidentRepository } from './modules/resident/resident.repository';
import { RulesRepository } from './modules/rules/rules.repository';
import { RulesService } from './modules/rules/rules.service';

const SHARED = [
  AccessLogRepository,
  AccessLogService,
  CodeRepository,
  CodeService,
  CodeSignerService,
  DeclarationRepository,
  FactsRepository,
  ResidentRepository,
  RulesRepository,
  RulesService,
];

/** What both the HTTP API and the queue worker need: configuration, the database, repositories and core services. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ClockModule,
        CryptoModule,
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database.url, config.database.poolSize) }),
        TypeOrmModule.forFeature(ENTITIES),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }, ...SHARED],
      exports: [APP_CONFIG, TypeOrmModule, ...SHARED],
    };
  }
}
