import {
  type AppealCategoryInput,
  type AppealCategoryOption,
  type AppealPolicyRequest,
  type AppealPolicyView,
  ApiErrorCode,
  explainRegionCode,
  parseRegionCode,
} from '@healthcode/contracts';
import { Inject, Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../auth/session-token.service';
import { assertInScope, isInScope } from '../security/region-scope.util';
import { resolveAppealCategories } from './appeal-categories.util';
import { AppealRepository } from './appeal.repository';

interface PolicyRow {
  regionPrefix: string;
  firstResponseSeconds: number;
  decisionSeconds: number;
  loweringNeedsApproval: boolean;
  categories: AppealCategoryInput[] | null;
}

/** A row with the categories its region offers (its own list, a wider region's, or every known one). */
const toView = (p: PolicyRow, rows: readonly PolicyRow[]): AppealPolicyView => ({
  regionPrefix: p.regionPrefix,
  firstResponseHours: p.firstResponseSeconds / 3600,
  decisionHours: p.decisionSeconds / 3600,
  loweringNeedsApproval: p.loweringNeedsApproval,
  categories: resolveAppealCategories(p.regionPrefix, [...rows.filter((r) => r.regionPrefix !== p.regionPrefix), p]),
});

/** Per-region appeal deadlines and the two-person rule, set by administrators inside their scope. */
@Injectable()
export class AppealPolicyService {
  constructor(
    private readonly repo: AppealRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(staff: StaffPrincipal): Promise<{ defaults: AppealPolicyView; items: AppealPolicyView[] }> {
    const { firstResponseSeconds, decisionSeconds, loweringNeedsApproval } = this.config.appeals;
    const rows = await this.repo.listPolicies();
    const defaults = {
      regionPrefix: '',
      firstResponseSeconds,
      decisionSeconds,
      loweringNeedsApproval,
      categories: null,
    };
    return {
      defaults: toView(defaults, []),
      items: rows.filter((r) => isInScope(staff.regionScope, r.regionPrefix)).map((r) => toView(r, rows)),
    };
  }

  /** The categories a resident of `region` can choose when filing an appeal. */
  async categoriesFor(region: string): Promise<AppealCategoryOption[]> {
    return resolveAppealCategories(region, await this.repo.policiesFor(region));
  }

  async set(staff: StaffPrincipal, requestedPrefix: string, body: AppealPolicyRequest): Promise<AppealPolicyView> {
    const problem = explainRegionCode(requestedPrefix);
    if (problem) throw new DomainException(ApiErrorCode.ValidationFailed, `regionPrefix: ${problem}`);
    const regionPrefix = parseRegionCode(requestedPrefix) as string;
    assertInScope(staff, regionPrefix, `Region ${regionPrefix}`);
    const row = {
      regionPrefix,
      firstResponseSeconds: Math.round(body.firstResponseHours * 3600),
      decisionSeconds: Math.round(body.decisionHours * 3600),
      loweringNeedsApproval: body.loweringNeedsApproval,
      // Left out: the region offers what a wider region (or the default) does.
      categories: body.categories?.map(({ key, label }) => (label ? { key, label } : { key })) ?? null,
    };
    if (row.decisionSeconds < row.firstResponseSeconds)
      throw new DomainException(
        ApiErrorCode.ValidationFailed,
        'decisionHours: the decision cannot be due before the first response',
      );
    const view = toView(row, await this.repo.policiesFor(regionPrefix));
    await this.repo.transaction(async (manager) => {
      await this.repo.upsertPolicy(row, manager);
      await this.audit.record(
        {
          actor: { kind: 'staff', staffId: staff.staffId, role: staff.role },
          action: 'appeal-policy.set',
          target: { type: 'appeal-policy', id: regionPrefix },
          region: regionPrefix,
          details: { ...view, categories: row.categories } as unknown as Record<string, unknown>,
        },
        manager,
      );
    });
    return view;
  }
}
