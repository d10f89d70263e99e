import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';

import { ResidentDataRegistry } from '../resident-data/resident-data.registry';
import { SCAN_SETTINGS, type ScanSettings } from './scan-settings.util';
import { ScanRepository } from './scan.repository';

/** Rows per DELETE: short statements keep locks brief while scanning goes on. */
const PURGE_CHUNK = 5_000;

/**
 * Checkpoint scans (and refusals) are kept RETENTION_SCAN_DAYS (28 by default). Registered with the shared
 * ResidentDataRegistry, whose repeatable worker job runs every purger and whose `/me/retention` lists dates.
 */
@Injectable()
export class ScanRetentionPurger implements OnModuleInit {
  constructor(
    private readonly registry: ResidentDataRegistry,
    private readonly scans: ScanRepository,
    @Inject(SCAN_SETTINGS) private readonly settings: ScanSettings,
  ) {}

  onModuleInit(): void {
    this.registry.registerRetention({
      kind: 'checkpoint-scans',
      retentionDays: () => this.settings.retentionDays,
      purge: (cutoff) => this.purge(cutoff),
      recordsOf: (residentId) => this.recordsOf(residentId),
    });
  }

  async purge(cutoff: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await this.scans.purgeBefore(cutoff, PURGE_CHUNK);
      total += deleted.scans + deleted.refusals;
      if (deleted.scans < PURGE_CHUNK && deleted.refusals < PURGE_CHUNK) return total;
    }
  }

  private async recordsOf(residentId: string): Promise<{ id: string; at: Date }[]> {
    return (await this.scans.listForResident(residentId)).map((s) => ({
      id: `${s.checkpointId}@${s.scannedAt.toISOString()}`,
      at: s.scannedAt,
    }));
  }
}
