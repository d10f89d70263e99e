import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ResidentDataRegistry } from '../resident-data/resident-data.registry';
import { CodeTokenRepository } from './code-token.repository';

/** Rows per DELETE: short statements keep locks brief while codes are being issued. */
const PURGE_CHUNK = 5_000;

/**
 * A token's link to its resident is kept for the token's validity plus the scan retention period
 * (RETENTION_SCAN_DAYS): as long as a scan of the token may exist, its owner can still list it; after that
 * nothing needs the link, and without it the token's id identifies no one.
 */
@Injectable()
export class CodeTokenRetentionPurger implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: ResidentDataRegistry,
    private readonly tokens: CodeTokenRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerRetention({
      kind: 'code-token-links',
      retentionDays: () => this.config.retention.scanDays,
      purge: (cutoff) => this.purge(cutoff),
    });
  }

  async purge(cutoff: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await this.tokens.purgeExpiredBefore(cutoff, PURGE_CHUNK);
      total += deleted;
      if (deleted < PURGE_CHUNK) return total;
    }
  }
}
