import type { AppealStatsResponse } from '@healthcode/contracts';

import type { AppealDecision } from './appeal.entity';

export interface DecidedAppeal {
  ruleId: string;
  submittedAt: Date;
  decidedAt: Date | null;
  decisionDueAt: Date;
  decision: AppealDecision | null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The public appeal numbers. A decision counts once written (even while its effect awaits approval);
 * "overturned" means upheld or corrected.
 */
export function appealStats(rows: DecidedAppeal[]): AppealStatsResponse {
  const decided = rows.filter(
    (r): r is DecidedAppeal & { decidedAt: Date; decision: AppealDecision } =>
      r.decidedAt !== null && r.decision !== null,
  );
  const hours = decided.map((r) => (r.decidedAt.getTime() - r.submittedAt.getTime()) / 3_600_000);
  const byRule = new Map<string, { decided: number; overturned: number }>();
  for (const r of decided) {
    const s = byRule.get(r.ruleId) ?? { decided: 0, overturned: 0 };
    s.decided++;
    if (r.decision.outcome !== 'rejected') s.overturned++;
    byRule.set(r.ruleId, s);
  }
  const med = median(hours);
  return {
    decided: decided.length,
    medianHoursToDecision: med === null ? null : round(med, 2),
    decidedWithinDeadline: decided.length
      ? round(decided.filter((r) => r.decidedAt <= r.decisionDueAt).length / decided.length, 4)
      : null,
    overturnRateByRule: [...byRule.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([ruleId, s]) => ({
        ruleId,
        decided: s.decided,
        overturned: s.overturned,
        rate: round(s.overturned / s.decided, 4),
      })),
  };
}
