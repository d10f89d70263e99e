/**
 * How long personal data is kept unless the deployment sets RETENTION_*: the one home of these numbers. The env
 * schema takes its defaults from here and the consent text states whatever the running config says
 * (`consentFor` in modules/resident/consent.constant.ts).
 */
export const DEFAULT_RETENTION_DAYS = { declarationDays: 60, scanDays: 28, appealDays: 180 } as const;

export interface RetentionDays {
  declarationDays: number;
  scanDays: number;
  appealDays: number;
}
