import type {
  RiskLevelCsvCheckResponse,
  RiskLevelRequest,
  RiskLevelResponse,
  RiskLevelsChangedResponse,
} from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';

import { newId } from '../../database/uuid-binary.transformer';
import { staffActor } from '../audit/audit-actor.util';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../auth/session-token.service';
import { parseCsv } from '../authority/csv-upload.util';
import { Clock } from '../clock/clock';
import { RescoreRunService } from '../rescore/rescore-run.service';
import type { RegionRiskLevelEntity } from '../rules/region-risk-level.entity';
import { RulesService } from '../rules/rules.service';
import { isInScope } from '../security/region-scope.util';
import { PreviewService } from './preview.service';
import { outOfScope } from './rule-admin.exception';
import { RiskLevelAdminRepository } from './risk-level-admin.repository';
import { riskLevelView as toView } from './risk-level-view.util';
import { effectiveInstant, parseRiskRow, RISK_CSV_COLUMNS, type RowError } from './risk-row.util';

/**
 * Region risk levels, set through the API or by CSV. Each is a new decision (older ones are never rewritten; the
 * engine lets the latest decision win) and, in the same transaction, queues a re-score of everyone for when the
 * level takes effect.
 */
@Injectable()
export class RiskAdminService {
  constructor(
    private readonly repo: RiskLevelAdminRepository,
    private readonly runs: RescoreRunService,
    private readonly rules: RulesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly previews: PreviewService,
  ) {}

  async history(prefix: string): Promise<{ items: RiskLevelResponse[] }> {
    return { items: (await this.repo.history(prefix)).map(toView) };
  }

  async set(staff: StaffPrincipal, levels: RiskLevelRequest[]): Promise<RiskLevelsChangedResponse> {
    const outside = levels.filter((l) => !isInScope(staff.regionScope, l.region)).map((l) => l.region);
    if (outside.length > 0) throw outOfScope(outside.map((r) => `levels.${r}`));
    return this.apply(staff, levels, []);
  }

  async importCsv(staff: StaffPrincipal, bytes: Buffer): Promise<RiskLevelsChangedResponse> {
    const { good, errors } = this.parseCsv(staff, bytes);
    return this.apply(staff, good, errors);
  }

  /**
   * The CSV checked, nothing set: the rows that would be published, the refused ones, and a what-if run showing
   * which residents would change colour. Publishing then sends the checked rows (`set`).
   */
  async checkCsv(staff: StaffPrincipal, bytes: Buffer): Promise<RiskLevelCsvCheckResponse> {
    const { good, errors } = this.parseCsv(staff, bytes);
    const previewRunId = good.length > 0 ? (await this.previews.start(staff, { riskChanges: good })).runId : null;
    return { levels: good, errors, previewRunId };
  }

  private parseCsv(staff: StaffPrincipal, bytes: Buffer): { good: RiskLevelRequest[]; errors: RowError[] } {
    const rows = parseCsv(bytes, RISK_CSV_COLUMNS);
    const good: RiskLevelRequest[] = [];
    const errors: RowError[] = [];
    for (const row of rows) {
      const parsed = parseRiskRow(row.line, row.values, staff.regionScope);
      if (Array.isArray(parsed)) errors.push(...parsed);
      else good.push(parsed);
    }
    return { good, errors };
  }

  private async apply(
    staff: StaffPrincipal,
    levels: RiskLevelRequest[],
    errors: RowError[],
  ): Promise<RiskLevelsChangedResponse> {
    const now = this.clock.now();
    const sorted = [...levels].sort(
      (a, b) => effectiveInstant(a.effectiveFrom).getTime() - effectiveInstant(b.effectiveFrom).getTime(),
    );
    const result = await this.repo.transaction(async (m) => {
      const saved: RegionRiskLevelEntity[] = [];
      for (const l of sorted)
        saved.push(
          await this.repo.set(
            m,
            {
              region: l.region,
              level: l.level,
              effectiveFrom: effectiveInstant(l.effectiveFrom),
              setBy: staff.staffId,
            },
            now,
          ),
        );
      if (saved.length === 0) return { saved, runId: null as string | null, runIds: [] as string[] };
      // One run per instant at which levels change; a future level re-scores when it takes effect.
      const instants = [...new Set(saved.map((l) => Math.max(now.getTime(), l.effectiveFrom.getTime())))].sort(
        (a, b) => a - b,
      );
      let runId: string | null = null;
      const runIds: string[] = [];
      for (const at of instants) {
        const ref = newId();
        runId = await this.runs.enqueue(m, {
          kind: 'risk',
          cause: 'risk-changed',
          causeRef: `risk:${ref}`,
          importId: null,
          payload: null,
          availableAt: new Date(at),
          createdBy: staff.staffId,
        });
        runIds.push(runId);
      }
      const details = {
        levels: saved
          .map((l) => ({ region: l.region, level: l.level, effectiveFrom: l.effectiveFrom.toISOString() }))
          .slice(0, 200),
        count: saved.length,
        runIds,
      };
      await this.audit.record(
        {
          actor: staffActor(staff),
          action: 'risk-level.set',
          target: { type: 'risk-level' },
          region: saved.length === 1 ? saved[0].region : staff.regionScope || null,
          details,
        },
        m,
      );
      return { saved, runId, runIds };
    });
    this.rules.invalidate();
    for (const runId of result.runIds) this.runs.notify(runId);
    return { levels: result.saved.map(toView), runId: result.runId, ...(errors.length > 0 ? { errors } : {}) };
  }
}
