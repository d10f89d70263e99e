import type { PreviewRequest } from '@healthcode/contracts';
import type { RuleSet } from '@healthcode/rules';
import { Injectable } from '@nestjs/common';

import type { StaffPrincipal } from '../auth/session-token.service';
import { Clock } from '../clock/clock';
import { applyRiskChanges } from '../rescore/preview-payload.util';
import { RescoreRunService } from '../rescore/rescore-run.service';
import { RulesService } from '../rules/rules.service';
import { isInScope } from '../security/region-scope.util';
import { outOfScope, ruleSetNotFound } from './rule-admin.exception';
import { RuleSetAdminRepository } from './rule-set-admin.repository';
import { effectiveInstant } from './risk-row.util';

/** What-if runs for risk changes (and optionally a draft): scored against everyone, nothing written to codes. */
@Injectable()
export class PreviewService {
  constructor(
    private readonly ruleSets: RuleSetAdminRepository,
    private readonly runs: RescoreRunService,
    private readonly rules: RulesService,
    private readonly clock: Clock,
  ) {}

  async start(staff: StaffPrincipal, body: PreviewRequest): Promise<{ runId: string }> {
    const outside = body.riskChanges.filter((c) => !isInScope(staff.regionScope, c.region));
    if (outside.length > 0) throw outOfScope(outside.map((c) => `riskChanges.${c.region}`));
    this.rules.invalidate();
    const effective = await this.rules.effective();
    let ruleSet: RuleSet = effective.ruleSet;
    if (body.ruleSetId) {
      const draft = await this.ruleSets.find(body.ruleSetId);
      if (!draft) throw ruleSetNotFound();
      ruleSet = draft.definition as RuleSet;
    }
    const riskLevels = applyRiskChanges(
      effective.riskLevels,
      body.riskChanges.map((c) => ({
        region: c.region,
        level: c.level,
        from: effectiveInstant(c.effectiveFrom).toISOString(),
      })),
      this.clock.now().toISOString(),
    );
    const runId = await this.ruleSets.transaction((m) =>
      this.runs.enqueue(m, {
        kind: 'preview',
        cause: null,
        causeRef: null,
        importId: null,
        payload: { ruleSet, riskLevels, ruleSetId: body.ruleSetId ?? null },
        availableAt: this.clock.now(),
        createdBy: staff.staffId,
      }),
    );
    this.runs.notify(runId);
    return { runId };
  }
}
