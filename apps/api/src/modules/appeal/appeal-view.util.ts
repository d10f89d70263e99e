import {
  APPEAL_CATEGORY_LABELS,
  type AppealTimelineEntry,
  type AppealView,
  isKnownAppealCategory,
} from '@healthcode/contracts';

import type { AppealEventEntity } from './appeal-event.entity';
import type { AppealEvidenceEntity } from './appeal-evidence.entity';
import type { AppealEntity } from './appeal.entity';

/** The appeal as its resident sees it: every step with the staff's words, staff named by role only. */
export function toAppealView(
  appeal: AppealEntity,
  events: AppealEventEntity[],
  evidence: AppealEvidenceEntity[],
): AppealView {
  const timeline: AppealTimelineEntry[] = events.map((e) => ({
    at: e.at.toISOString(),
    type: e.type,
    actor: e.actorKind,
    status: e.statusAfter,
    message: e.message,
    evidence: evidence
      .filter((f) => f.eventId === e.id)
      .map((f) => ({ sha256: f.sha256.toString('hex'), mediaType: f.mediaType, size: f.size })),
  }));
  const d = appeal.decision;
  return {
    number: appeal.number,
    status: appeal.status,
    category: appeal.category,
    // Appeals filed before categories per region carry no label: theirs is a known category's.
    categoryLabel:
      appeal.categoryLabel ??
      (isKnownAppealCategory(appeal.category)
        ? APPEAL_CATEGORY_LABELS[appeal.category]
        : { 'zh-CN': appeal.category, en: appeal.category }),
    ruleId: appeal.ruleId,
    reasonKey: appeal.reasonKey,
    reason: appeal.reasonSnapshot,
    statement: appeal.statement,
    region: appeal.region,
    submittedAt: appeal.submittedAt.toISOString(),
    firstResponseDueAt: appeal.firstResponseDueAt.toISOString(),
    decisionDueAt: appeal.decisionDueAt.toISOString(),
    decision: d
      ? {
          outcome: d.outcome,
          reason: d.reason,
          override: d.override,
          factCorrected: d.correctsRowHash !== null,
          approval: d.approval,
          decidedAt: d.decidedAt,
        }
      : null,
    timeline,
  };
}
