import type { RiskLevelResponse } from '@healthcode/contracts';

import type { RegionRiskLevelEntity } from '../rules/region-risk-level.entity';

export const riskLevelView = (l: RegionRiskLevelEntity): RiskLevelResponse => ({
  id: l.id,
  region: l.region,
  level: l.level,
  effectiveFrom: l.effectiveFrom.toISOString(),
  effectiveTo: l.effectiveTo?.toISOString() ?? null,
  decidedAt: l.createdAt.toISOString(),
  retractedAt: l.retractedAt?.toISOString() ?? null,
  retractReason: l.retractReason ?? null,
});
