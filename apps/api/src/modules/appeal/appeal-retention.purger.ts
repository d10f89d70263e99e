import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ResidentDataRegistry } from '../resident-data/resident-data.registry';
import { AppealRepository } from './appeal.repository';
import { EvidenceStore } from './evidence-store.service';

const PURGE_CHUNK = 500;

/**
 * Closed appeals, their timelines and evidence files are kept RETENTION_APPEAL_DAYS (180 by default) after
 * closing; open ones are kept while they are open. Overrides and fact corrections are not purged: they are
 * facts about the code (an override ends on its own date; a correction must hold for good).
 */
@Injectable()
export class AppealRetentionPurger implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: ResidentDataRegistry,
    private readonly repo: AppealRepository,
    private readonly evidence: EvidenceStore,
  ) {}

  onModuleInit(): void {
    this.registry.registerRetention({
      kind: 'appeals',
      retentionDays: () => this.config.retention.appealDays,
      purge: (cutoff) => this.purge(cutoff),
      recordsOf: async (residentId) =>
        (await this.repo.listClosedOf(residentId)).map((a) => ({ id: `appeal #${a.number}`, at: a.closedAt as Date })),
    });
  }

  async purge(cutoff: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const ids = await this.repo.closedBefore(cutoff, PURGE_CHUNK);
      // Rows first, then files: a crash in between leaves an unreferenced file, never a row without its file.
      for (const sha of await this.repo.deleteAppeals(ids)) await this.evidence.remove(sha);
      total += ids.length;
      if (ids.length < PURGE_CHUNK) return total;
    }
  }
}
