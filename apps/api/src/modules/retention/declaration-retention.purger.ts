import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { RetentionRegistry } from './retention.registry';
import { RetentionRepository } from './retention.repository';

/**
 * Declarations and daily check-ins share one period (RETENTION_DECLARATION_DAYS, 60 by default): both are
 * what the resident declared, and no rule looks back further than that.
 */
@Injectable()
export class DeclarationRetentionPurgers implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: RetentionRegistry,
    private readonly repo: RetentionRepository,
  ) {}

  onModuleInit(): void {
    const days = () => this.config.retention.declarationDays;
    this.registry.register({
      kind: 'declarations',
      retentionDays: days,
      purge: (cutoff) => this.repo.purgeDeclarationsBefore(cutoff),
      recordsOf: (residentId) => this.repo.declarationsOf(residentId),
    });
    this.registry.register({
      kind: 'check-ins',
      retentionDays: days,
      purge: (cutoff) => this.repo.purgeCheckInsBefore(cutoff),
      recordsOf: (residentId) => this.repo.checkInsOf(residentId),
    });
  }
}
