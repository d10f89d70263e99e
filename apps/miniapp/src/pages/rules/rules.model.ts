import type { Color, LocalizedText } from '@healthcode/contracts';

/** GET /rules?region=CODE. Not (yet) in @healthcode/contracts, so described here as the app reads it. */
export interface PublicRulesResponse {
  region: string;
  ruleSetVersion: number;
  rules: PublicRule[];
}

export interface PublicRule {
  ruleId: string;
  /** null for rules that set no colour of their own (a staff override carries the colour staff decided). */
  color: Color | null;
  text: LocalizedText;
}

/** GET /rules/changelog items. */
export interface RuleSetChange {
  version: number;
  publishedAt: string;
  effectiveAt: string;
  changelog: LocalizedText;
}
