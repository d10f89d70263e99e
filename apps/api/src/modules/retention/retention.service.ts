import { Inject, Injectable, Logger } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { systemActor } from '../audit/audit-actor.util';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock/clock';
import { deleteAt, purgeCutoff } from './retention-deadline.util';
import type { RetentionItem } from '../resident-data/retention-purger.interface';
import { ResidentDataRegistry } from '../resident-data/resident-data.registry';

export interface RetentionSummary {
  /** Days each kind of record is kept, as configured. */
  policy: { checkpointScans: number; declarations: number; closedAppeals: number };
  items: RetentionItem[];
}

export interface PurgeReport {
  purged: Record<string, number>;
  failed: string[];
}

@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: ResidentDataRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs every registered purger. One failing kind does not stop the others; the run is recorded in the
   * audit log when anything was deleted, and a failure is rethrown afterwards so Bull retries (purges are
   * idempotent).
   */
  async purgeExpired(): Promise<PurgeReport> {
    const now = this.clock.now();
    const report: PurgeReport = { purged: {}, failed: [] };
    const cutoffs: Record<string, string> = {};
    for (const purger of this.registry.retention()) {
      const cutoff = purgeCutoff(now, purger.retentionDays());
      try {
        report.purged[purger.kind] = await purger.purge(cutoff);
        cutoffs[purger.kind] = cutoff.toISOString();
      } catch (error) {
        report.failed.push(purger.kind);
        this.logger.error({ kind: purger.kind, err: (error as Error).message }, 'retention purge failed');
      }
    }
    const total = Object.values(report.purged).reduce((a, b) => a + b, 0);
    if (total > 0) {
      await this.audit.record({
        actor: systemActor('retention-purge'),
        action: 'retention.purged',
        target: { type: 'retention' },
        details: { purged: report.purged, cutoffs },
      });
      this.logger.log({ purged: report.purged }, 'expired records purged');
    }
    if (report.failed.length > 0) throw new Error(`retention purge failed for ${report.failed.join(', ')}`);
    return report;
  }

  /** What the resident holds of each kind, and when each record will be deleted. */
  async summaryFor(residentId: string): Promise<RetentionSummary> {
    const items: RetentionItem[] = [];
    for (const purger of this.registry.retention()) {
      if (!purger.recordsOf) continue;
      const days = purger.retentionDays();
      for (const r of await purger.recordsOf(residentId)) {
        items.push({
          kind: purger.kind,
          id: r.id,
          at: r.at.toISOString(),
          deleteAt: deleteAt(r.at, days).toISOString(),
        });
      }
    }
    items.sort((a, b) => a.deleteAt.localeCompare(b.deleteAt));
    const r = this.config.retention;
    return {
      policy: { checkpointScans: r.scanDays, declarations: r.declarationDays, closedAppeals: r.appealDays },
      items,
    };
  }
}
