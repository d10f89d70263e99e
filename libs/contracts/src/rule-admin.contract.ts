import { z } from 'zod';

import { regionCode } from './region-code.contract';
import { isoDate, multiLineText } from './zod-fields.util';

const changelog = z.strictObject({
  'zh-CN': multiLineText(2000),
  en: multiLineText(2000),
});

const instant = () => z.iso.datetime({ offset: true, error: 'An ISO date-time such as 2026-03-01T00:00:00+08:00' });

/** A draft rule set: the definition is checked by `validateRuleSet` on the server (field paths in `errors`). */
export const RuleSetDraftRequestSchema = z.strictObject({
  definition: z.record(z.string(), z.unknown()),
  changelog,
  /** When it takes effect once published; may lie in the future. Default: at publication. */
  effectiveAt: instant().nullable().default(null),
});
export type RuleSetDraftRequest = z.infer<typeof RuleSetDraftRequestSchema>;

/** Replaces the regional override of one GB/T 2260 prefix in a draft: rule id → parameter patch. */
export const RegionOverrideRequestSchema = z.strictObject({
  rules: z.record(z.string().min(1).max(64), z.record(z.string(), z.unknown())),
});
export type RegionOverrideRequest = z.infer<typeof RegionOverrideRequestSchema>;

export const RISK_LEVEL_VALUES = ['low', 'medium', 'high'] as const;

export const RiskLevelRequestSchema = z.strictObject({
  region: regionCode(),
  level: z.enum(RISK_LEVEL_VALUES, { error: "one of 'low', 'medium', 'high'" }),
  /** An ISO date (CST midnight) or date-time; may lie in the future. */
  effectiveFrom: z.union([isoDate(), instant()]),
});
export type RiskLevelRequest = z.infer<typeof RiskLevelRequestSchema>;

export const RiskLevelBatchRequestSchema = z.strictObject({ levels: z.array(RiskLevelRequestSchema).min(1).max(5000) });

/** What-if: a draft rule set and/or risk changes, evaluated against everyone without writing codes. */
export const PreviewRequestSchema = z
  .strictObject({
    ruleSetId: z.uuid().optional(),
    riskChanges: z.array(RiskLevelRequestSchema).max(5000).default([]),
  })
  .refine((v) => v.ruleSetId || v.riskChanges.length > 0, 'Give a draft rule set, risk changes, or both');
export type PreviewRequest = z.infer<typeof PreviewRequestSchema>;

export type RuleSetStatus = 'draft' | 'preview' | 'published';

export interface RuleSetAdminView {
  id: string;
  status: RuleSetStatus;
  version: number | null;
  definition: unknown;
  changelog: { 'zh-CN': string; en: string };
  authorStaffId: string | null;
  effectiveAt: string | null;
  publishedAt: string | null;
  createdAt: string;
}

export interface PublishResponse {
  ruleSet: RuleSetAdminView;
  /** The re-scoring run (GET /api/v1/rescore/runs/:id). */
  runId: string;
}

export interface RiskLevelResponse {
  id: string;
  region: string;
  level: (typeof RISK_LEVEL_VALUES)[number];
  effectiveFrom: string;
  effectiveTo: string | null;
  /** When the decision was taken: for any day the latest decision wins. */
  decidedAt: string;
  /** Set when the decision was retracted as a mistake; it then counts for nothing but stays in the history. */
  retractedAt: string | null;
  retractReason: string | null;
}

/** `POST /api/v1/admin/risk-levels/:id/retract`: why the decision was a mistake. */
export const RiskLevelRetractRequestSchema = z.strictObject({
  reason: multiLineText(500, { min: 5, minMessage: 'Say why the level was a mistake (at least 5 characters)' }),
});
export type RiskLevelRetractRequest = z.infer<typeof RiskLevelRetractRequestSchema>;

export interface RiskLevelRetractedResponse {
  level: RiskLevelResponse;
  /** The re-scoring run of everyone the decision may have touched. */
  runId: string;
}

/** A risk-level CSV checked before publishing: the rows that would be set, the refused ones, and a what-if run. */
export interface RiskLevelCsvCheckResponse {
  levels: RiskLevelRequest[];
  errors: { line: number; field: string; message: string }[];
  /** The preview of the affected residents (counts, transitions, regions); null when no row is valid. */
  previewRunId: string | null;
}

export interface RiskLevelsChangedResponse {
  levels: RiskLevelResponse[];
  /** The re-scoring run; null when no level was set (every CSV row refused). */
  runId: string | null;
  errors?: { line: number; field: string; message: string }[];
}
