import { Injectable, type OnModuleInit } from '@nestjs/common';

import { ResidentDataRegistry } from '../resident-data/resident-data.registry';
import { AppealRepository } from './appeal.repository';
import { EvidenceStore } from './evidence-store.service';

/**
 * Appeals with their timelines and evidence. Rows go in the erasure's transaction; evidence files no other
 * appeal uses are removed after it commits (a crash in between leaves an unreferenced file, never a row
 * without its file).
 */
@Injectable()
export class AppealErasure implements OnModuleInit {
  constructor(
    private readonly registry: ResidentDataRegistry,
    private readonly appeals: AppealRepository,
    private readonly evidence: EvidenceStore,
  ) {}

  onModuleInit(): void {
    this.registry.registerErasure({
      kind: 'appeals',
      holds: [
        { table: 'appeals', column: 'resident_id', action: 'delete' },
        { table: 'appeal_events', column: 'appeal_id', action: 'delete', note: "the erased appeals' timelines" },
        { table: 'appeal_evidence', column: 'appeal_id', action: 'delete', note: 'rows, then unshared files' },
      ],
      erase: async (manager, residentId) => {
        const ids = await this.appeals.idsOf(manager, residentId);
        const orphans = await this.appeals.deleteAppeals(ids, manager);
        return {
          count: ids.length,
          afterCommit: async () => {
            for (const sha of orphans) await this.evidence.remove(sha);
          },
        };
      },
    });
  }
}
