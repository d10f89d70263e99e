import type { Color } from './color.constant';
import { CASE_STATUSES, SYMPTOM_CODES } from './facts.types';
import type { RuleKind } from './rule-set.types';

export type ParamSpec =
  | { readonly type: 'integer'; readonly min: number; readonly max: number }
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | { readonly type: 'list'; readonly values: readonly string[] }
  | { readonly type: 'boolean' };

/** A year is far beyond any epidemiological window; larger values are typos. */
export const MAX_DAYS = 365;

const DAYS: ParamSpec = { type: 'integer', min: 0, max: MAX_DAYS };
// A rule that never raises the colour is a mistake; lowering is what staff overrides are for.
const RAISING_COLOR: ParamSpec = { type: 'enum', values: ['yellow', 'red'] satisfies Color[] };

/** What each kind of rule may be tuned with: validation, descriptions and diffs all read this. */
export const RULE_PARAM_SPECS: Readonly<Record<RuleKind, Readonly<Record<string, ParamSpec>>>> = {
  'case-status': {
    color: RAISING_COLOR,
    statuses: { type: 'list', values: CASE_STATUSES },
    withinDays: DAYS,
    checkInsRequired: DAYS,
  },
  'close-contact': {
    color: RAISING_COLOR,
    includeSelfDeclared: { type: 'boolean' },
    withinDays: DAYS,
    checkInsRequired: DAYS,
  },
  'region-risk-presence': {
    color: RAISING_COLOR,
    level: { type: 'enum', values: ['medium', 'high'] },
    includeCurrentRegion: { type: 'boolean' },
    withinDays: DAYS,
    checkInsRequired: DAYS,
  },
  symptoms: {
    color: RAISING_COLOR,
    symptoms: { type: 'list', values: SYMPTOM_CODES },
    withinDays: DAYS,
    checkInsRequired: DAYS,
  },
  'staff-override': {},
};
