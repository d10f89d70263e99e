import { ApiErrorCode, type RiskLevelRetractedResponse } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { isUuid, newId } from '../../database/uuid-binary.transformer';
import { staffActor } from '../audit/audit-actor.util';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../auth/session-token.service';
import { Clock } from '../clock/clock';
import { RescoreRunService } from '../rescore/rescore-run.service';
import { RulesService } from '../rules/rules.service';
import { assertInScope } from '../security/region-scope.util';
import { RiskLevelAdminRepository } from './risk-level-admin.repository';
import { riskLevelView } from './risk-level-view.util';

/**
 * Retracting a mistaken risk level decision: the row stays in the history marked retracted (who, when, why), the
 * engine no longer sees it, so whatever it had replaced is in force again, and everyone is re-scored at once.
 */
@Injectable()
export class RiskRetractionService {
  constructor(
    private readonly repo: RiskLevelAdminRepository,
    private readonly runs: RescoreRunService,
    private readonly rules: RulesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async retract(staff: StaffPrincipal, id: string, reason: string): Promise<RiskLevelRetractedResponse> {
    const level = isUuid(id) ? await this.repo.findById(id) : null;
    if (!level) throw new DomainException(ApiErrorCode.NotFound, 'No such risk level decision');
    assertInScope(staff, level.region, `Region ${level.region}`);
    if (level.retractedAt) throw alreadyRetracted();
    const now = this.clock.now();
    const runId = await this.repo.transaction(async (m) => {
      if (!(await this.repo.retract(m, id, staff.staffId, reason, now))) throw alreadyRetracted();
      const run = await this.runs.enqueue(m, {
        kind: 'risk',
        cause: 'risk-changed',
        causeRef: `risk:${newId()}`,
        importId: null,
        payload: null,
        availableAt: now,
        createdBy: staff.staffId,
      });
      await this.audit.record(
        {
          actor: staffActor(staff),
          action: 'risk-level.retracted',
          target: { type: 'risk-level', id },
          region: level.region,
          // The reason is free text kept on the row itself; the audit entry points at it instead of copying it.
          details: { level: level.level, effectiveFrom: level.effectiveFrom.toISOString(), runId: run },
        },
        m,
      );
      return run;
    });
    this.rules.invalidate();
    this.runs.notify(runId);
    return {
      level: riskLevelView({ ...level, retractedAt: now, retractedBy: staff.staffId, retractReason: reason }),
      runId,
    };
  }
}

const alreadyRetracted = () =>
  new DomainException(ApiErrorCode.IllegalTransition, 'This risk level decision was already retracted');
