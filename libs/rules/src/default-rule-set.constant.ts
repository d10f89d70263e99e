import { deepFreeze } from './deep-freeze.util';
import type { RuleSet } from './rule-set.types';

/**
 * The default catalogue, modelled on Hangzhou's health code of February 2020: red for
 * cases, close contacts and high-risk regions (14 healthy check-ins to turn green), yellow
 * for fever or respiratory symptoms and medium-risk regions (7 check-ins).
 */
export const DEFAULT_RULE_SET: RuleSet = deepFreeze<RuleSet>({
  version: 1,
  rules: [
    {
      id: 'case-status',
      kind: 'case-status',
      params: { color: 'red', statuses: ['confirmed', 'suspected'], withinDays: 14, checkInsRequired: 14 },
    },
    {
      id: 'close-contact',
      kind: 'close-contact',
      params: { color: 'red', includeSelfDeclared: true, withinDays: 14, checkInsRequired: 14 },
    },
    {
      id: 'high-risk-region',
      kind: 'region-risk-presence',
      params: { color: 'red', level: 'high', includeCurrentRegion: true, withinDays: 14, checkInsRequired: 14 },
    },
    {
      id: 'medium-risk-region',
      kind: 'region-risk-presence',
      params: { color: 'yellow', level: 'medium', includeCurrentRegion: false, withinDays: 14, checkInsRequired: 7 },
    },
    {
      id: 'symptoms',
      kind: 'symptoms',
      params: {
        color: 'yellow',
        symptoms: ['fever', 'cough', 'sore-throat', 'shortness-of-breath'],
        withinDays: 14,
        checkInsRequired: 7,
      },
    },
    { id: 'staff-override', kind: 'staff-override', params: {} },
  ],
  regionOverrides: {},
});
