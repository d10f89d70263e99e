import { z } from 'zod';

import type { Color, LocalizedText } from './color.constant';
import type { CodeHistoryEntry, CodeReason, CodeResponse, Paged } from './code.contract';
import { regionCode } from './region-code.contract';
import { isoDate, multiLineText } from './zod-fields.util';

export const APPEAL_CATEGORIES = [
  'wrong-region',
  'wrong-case-match',
  'symptoms-resolved',
  'data-error',
  'other',
] as const;
export type AppealCategory = (typeof APPEAL_CATEGORIES)[number];

/** The known categories in the resident's words; a region may offer a subset of them and custom ones. */
export const APPEAL_CATEGORY_LABELS: Record<AppealCategory, LocalizedText> = {
  'wrong-region': { 'zh-CN': '地区或其风险等级有误', en: 'The region or its risk level is wrong' },
  'wrong-case-match': { 'zh-CN': '病例登记匹配错了人', en: 'The case registry matched the wrong person' },
  'symptoms-resolved': { 'zh-CN': '我的症状已消失', en: 'My symptoms have resolved' },
  'data-error': { 'zh-CN': '关于我的其他数据有误', en: 'Other data about me is wrong' },
  other: { 'zh-CN': '其他', en: 'Something else' },
};

/** A category key: lower-case letters, digits and '-', as stored with the appeal (at most 24 characters). */
export const APPEAL_CATEGORY_KEY = /^[a-z][a-z0-9-]{1,23}$/;
export const APPEAL_CATEGORIES_MAX = 12;
export const APPEAL_CATEGORY_LABEL_MAX = 60;

export const isKnownAppealCategory = (key: string): key is AppealCategory =>
  (APPEAL_CATEGORIES as readonly string[]).includes(key);

/** One category a region's residents can choose, with its label in both languages. */
export interface AppealCategoryOption {
  key: string;
  label: LocalizedText;
  /** A region's own category (not one of APPEAL_CATEGORIES). */
  custom: boolean;
}

/** Every known category: what a region without its own list offers. */
export const DEFAULT_APPEAL_CATEGORIES: AppealCategoryOption[] = APPEAL_CATEGORIES.map((key) => ({
  key,
  label: APPEAL_CATEGORY_LABELS[key],
  custom: false,
}));

const appealCategoryKey = () =>
  z
    .string()
    .trim()
    .regex(APPEAL_CATEGORY_KEY, 'A category key: 2 to 24 lower-case letters, digits or "-", starting with a letter');

const categoryLabelText = () => z.string().trim().min(1, 'Required').max(APPEAL_CATEGORY_LABEL_MAX);

/** A known category by its key alone, or a custom one with its label in both languages. */
export const AppealCategoryInputSchema = z.strictObject({
  key: appealCategoryKey(),
  label: z.strictObject({ 'zh-CN': categoryLabelText(), en: categoryLabelText() }).optional(),
});
export type AppealCategoryInput = z.infer<typeof AppealCategoryInputSchema>;

/** `GET /api/v1/me/appeal-categories`: what the resident can choose, from the region responsible for their code. */
export interface AppealCategoriesResponse {
  region: string;
  categories: AppealCategoryOption[];
}

export const APPEAL_STATUSES = ['submitted', 'assigned', 'in-review', 'needs-info', 'decided', 'closed'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const APPEAL_OUTCOMES = ['upheld', 'corrected', 'rejected'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/** Whether a decision that lowers a colour still waits for a second staff member. */
export const APPROVAL_STATES = ['not-needed', 'pending', 'approved', 'refused'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export const APPEAL_STATEMENT_MAX = 2000;
export const APPEAL_EVIDENCE_MAX_FILES = 3;
export const APPEAL_EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
export const APPEAL_EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const DECISION_REASON_MIN = 20;

/** The fact date that, with the rule id, kind and reference, tells one reason on a code from another. */
function factDate(fact: CodeReason['fact']): string {
  for (const key of ['date', 'from', 'onset', 'until']) if (typeof fact[key] === 'string') return fact[key] as string;
  return '';
}

/** Identifies one reason on a code: the same string on the client and the server. */
export function appealReasonKey(reason: Pick<CodeReason, 'ruleId' | 'fact'>): string {
  const ref = typeof reason.fact.ref === 'string' ? reason.fact.ref : '';
  return [reason.ruleId, reason.fact.kind, ref, factDate(reason.fact)].join('|');
}

/** Multipart text fields (or a JSON body) of `POST /api/v1/me/appeals`; files come as `evidence` parts. */
export const AppealCreateRequestSchema = z.strictObject({
  ruleId: z.string().trim().min(1, 'Required').max(64),
  factKind: z.string().trim().min(1, 'Required').max(32),
  factRef: z.string().trim().max(64).optional(),
  factDate: isoDate().optional(),
  /** Checked against the categories of the region responsible (`GET /api/v1/me/appeal-categories`). */
  category: appealCategoryKey(),
  statement: multiLineText(APPEAL_STATEMENT_MAX),
});
export type AppealCreateRequest = z.infer<typeof AppealCreateRequestSchema>;

export const AppealAnswerRequestSchema = z.strictObject({
  message: multiLineText(APPEAL_STATEMENT_MAX),
});
export type AppealAnswerRequest = z.infer<typeof AppealAnswerRequestSchema>;

export const AppealRequestInfoSchema = z.strictObject({
  message: multiLineText(APPEAL_STATEMENT_MAX),
});
export type AppealRequestInfo = z.infer<typeof AppealRequestInfoSchema>;

const decisionReason = () =>
  multiLineText(APPEAL_STATEMENT_MAX, {
    min: DECISION_REASON_MIN,
    minMessage: `Write at least ${DECISION_REASON_MIN} characters: the resident reads them word for word`,
    typeError: 'A decision needs a written reason',
  });

export const AppealDecisionRequestSchema = z
  .strictObject({
    outcome: z.enum(APPEAL_OUTCOMES, { error: `One of ${APPEAL_OUTCOMES.join(', ')}` }),
    reason: decisionReason(),
    /** Required for "corrected": the colour the code shows until `until` (exclusive). */
    override: z.strictObject({ color: z.enum(['green', 'yellow', 'red']), until: isoDate() }).optional(),
    /**
     * A raise waits for a second staff member like a lowering. In an emergency it may apply at once, but only
     * until the end of today (CST, under 24 hours) unless approved; refused, it ends at once.
     */
    emergency: z.boolean().optional(),
  })
  .refine((d) => d.outcome !== 'corrected' || d.override, {
    message: 'A corrected decision sets a colour and an until-date',
    path: ['override'],
  })
  .refine((d) => d.outcome === 'corrected' || !d.override, {
    message: 'Only a corrected decision sets a colour',
    path: ['override'],
  });
export type AppealDecisionRequest = z.infer<typeof AppealDecisionRequestSchema>;

export const AppealApprovalRequestSchema = z.strictObject({
  approve: z.boolean(),
  note: multiLineText(APPEAL_STATEMENT_MAX, { min: 0 }).optional(),
});
export type AppealApprovalRequest = z.infer<typeof AppealApprovalRequestSchema>;

/** Queue filter on deadlines: a first-response or decision deadline not yet met, within the window or past. */
export const APPEAL_DEADLINE_FILTERS = ['due-soon', 'breached'] as const;
export type AppealDeadlineFilter = (typeof APPEAL_DEADLINE_FILTERS)[number];
export const APPEAL_DUE_SOON_HOURS = 6;
export const APPEAL_PAGE_SIZE_MAX = 100;

/** `GET /api/v1/appeals`: filters and paging, all applied by the server inside the staff member's scope. */
export const AppealListQuerySchema = z.strictObject({
  status: z.enum(APPEAL_STATUSES).optional(),
  mine: z.enum(['true', 'false']).optional(),
  region: regionCode().optional(),
  deadline: z.enum(APPEAL_DEADLINE_FILTERS).optional(),
  ruleId: z.string().trim().min(1).max(64).optional(),
  category: appealCategoryKey().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(APPEAL_PAGE_SIZE_MAX).default(20),
});
export type AppealListQuery = z.infer<typeof AppealListQuerySchema>;

/** `GET /api/v1/appeals/backlog`: every undecided appeal in the caller's scope, counted by the database. */
export interface AppealBacklogResponse {
  open: number;
  dueSoon: number;
  breached: number;
}

export interface AppealEvidenceView {
  sha256: string;
  mediaType: string;
  size: number;
}

export interface AppealTimelineEntry {
  at: string;
  type: string;
  actor: 'resident' | 'staff' | 'system';
  status: AppealStatus;
  /** Staff decision text, a request for information or the resident's answer, word for word. */
  message: string | null;
  evidence: AppealEvidenceView[];
}

export interface AppealDecisionView {
  outcome: AppealOutcome;
  reason: string;
  override: { color: Color; until: string } | null;
  factCorrected: boolean;
  approval: ApprovalState;
  decidedAt: string;
}

export interface AppealView {
  number: number;
  status: AppealStatus;
  /** A known category or the region's own. */
  category: string;
  categoryLabel: LocalizedText;
  ruleId: string;
  reasonKey: string;
  /** The reason as it stood when the appeal was filed. */
  reason: CodeReason;
  statement: string;
  region: string;
  submittedAt: string;
  firstResponseDueAt: string;
  decisionDueAt: string;
  decision: AppealDecisionView | null;
  timeline: AppealTimelineEntry[];
}

/** What staff lists show: the appeal and who holds it, without the resident's record (not an access). */
export interface StaffAppealListItem extends AppealView {
  /** The appeal's id: the reference a staff lookup states as its purpose (`{kind: 'appeal', appealId}`). */
  reference: string;
  assignedTo: string | null;
  escalatedTo: string | null;
}

export type StaffAppealListResponse = Paged<StaffAppealListItem>;

/** The code exactly as the resident sees it, without the QR token (staff must never be able to present it). */
export type StaffAppealCodeView = Omit<CodeResponse, 'token' | 'tokenExpiresAt'>;

/** A declaration as the hotline lookup shows it: where the resident stayed, symptoms and contact, nothing more. */
export interface StaffAppealDeclaration {
  id: string;
  declaredAt: string;
  currentRegion: string;
  stays: unknown[];
  symptoms: unknown[];
  contactDate: string | null;
}

export interface StaffAppealView extends StaffAppealListItem {
  resident: { nameMasked: string | null; idMasked: string | null; currentColor: Color | null };
  /** Null when the resident has no code any more (erased). */
  code: StaffAppealCodeView | null;
  history: CodeHistoryEntry[];
  declarations: StaffAppealDeclaration[];
}

export interface AppealStatsResponse {
  decided: number;
  /** Median hours from submission to decision, null before any decision. */
  medianHoursToDecision: number | null;
  /** Share (0..1) of decided appeals decided before their decision deadline. */
  decidedWithinDeadline: number | null;
  /** Per rule id: appeals decided and the share overturned (upheld or corrected). */
  overturnRateByRule: { ruleId: string; decided: number; overturned: number; rate: number }[];
}

export interface ResidentNotification {
  id: string;
  at: string;
  title: LocalizedText;
  body: LocalizedText;
  appealNumber: number | null;
}

/** Subscribe-message template ids of one host app: appeal progress, and colour changes. */
export interface SubscriptionTemplates {
  appeal: string;
  color: string;
}

/**
 * `GET /api/v1/me/notifications/templates`: what the mini-program asks the resident to subscribe to
 * (`wx.requestSubscribeMessage({ tmplIds })`, `my.requestSubscribeMessage({ entityIds })`); null for a host
 * this server does not send through.
 */
export interface NotificationTemplatesResponse {
  wechat: SubscriptionTemplates | null;
  alipay: SubscriptionTemplates | null;
}

/** `PUT /api/v1/admin/appeal-policies/:regionPrefix`: deadlines and the two-person rule for a region prefix. */
export const AppealPolicyRequestSchema = z.strictObject({
  firstResponseHours: z
    .number()
    .positive()
    .max(30 * 24),
  decisionHours: z
    .number()
    .positive()
    .max(90 * 24),
  loweringNeedsApproval: z.boolean(),
  /** What the region's residents can choose; left out, every known category. */
  categories: z
    .array(AppealCategoryInputSchema)
    .min(1, 'Offer at least one category')
    .max(APPEAL_CATEGORIES_MAX, `At most ${APPEAL_CATEGORIES_MAX} categories`)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.key)) ctx.addIssue({ code: 'custom', path: [index, 'key'], message: 'Listed twice' });
        seen.add(item.key);
        if (isKnownAppealCategory(item.key) && item.label)
          ctx.addIssue({ code: 'custom', path: [index, 'label'], message: 'A known category keeps its own label' });
        if (!isKnownAppealCategory(item.key) && !item.label)
          ctx.addIssue({
            code: 'custom',
            path: [index, 'label'],
            message: 'A custom category needs its label in Chinese and English',
          });
      });
    })
    .optional(),
});
export type AppealPolicyRequest = z.infer<typeof AppealPolicyRequestSchema>;

export interface AppealPolicyView {
  /** GB/T 2260 prefix ('' would be the configured default, which is not stored). */
  regionPrefix: string;
  firstResponseHours: number;
  decisionHours: number;
  loweringNeedsApproval: boolean;
  categories: AppealCategoryOption[];
}
