import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ResidentDataRegistry } from '../resident-data/resident-data.registry';
import { DeclarationRetentionRepository } from './declaration-retention.repository';

/**
 * Declarations and daily check-ins share one period (RETENTION_DECLARATION_DAYS, 60 by default): both are
 * what the resident declared, and no rule looks back further than that.
 */
@Injectable()
export class DeclarationRetentionPurgers implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: ResidentDataRegistry,
    private readonly repo: DeclarationRetentionRepository,
  ) {}

  onModuleInit(): void {
    const days = () => this.config.retention.declarationDays;
    this.registry.registerRetention({
      kind: 'declarations',
      retentionDays: days,
      purge: (cutoff) => this.repo.purgeDeclarationsBefore(cutoff),
      recordsOf: (residentId) => this.repo.declarationsOf(residentId),
    });
    this.registry.registerRetention({
      kind: 'check-ins',
      retentionDays: days,
      purge: (cutoff) => this.repo.purgeCheckInsBefore(cutoff),
      recordsOf: (residentId) => this.repo.checkInsOf(residentId),
    });
  }
}
