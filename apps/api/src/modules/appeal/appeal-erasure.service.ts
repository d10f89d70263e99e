import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AppealErasureRepository, type AppealErasureResult } from './appeal-erasure.repository';
import { EvidenceStore } from './evidence-store.service';

/**
 * `DELETE /me` for everything appeals left behind: appeals with their timelines and evidence, overrides,
 * fact corrections and notifications (outbox, recipient, dev messages). Rows go in the caller's
 * transaction; evidence files no other appeal uses are removed after it commits.
 */
@Injectable()
export class AppealErasure {
  constructor(
    private readonly rows: AppealErasureRepository,
    private readonly evidence: EvidenceStore,
  ) {}

  erase(manager: EntityManager, residentId: string): Promise<AppealErasureResult> {
    return this.rows.erase(manager, residentId);
  }

  async removeFiles(hashes: string[]): Promise<void> {
    for (const hex of hashes) await this.evidence.remove(hex);
  }
}
