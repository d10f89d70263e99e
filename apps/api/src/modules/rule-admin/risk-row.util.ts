import {
  cstMidnight,
  explainRegionCode,
  isIsoDate,
  parseRegionCode,
  type RiskLevelRequest,
} from '@healthcode/contracts';

import { isInScope } from '../security/region-scope.util';

export interface RowError {
  line: number;
  field: string;
  message: string;
}

export const RISK_CSV_COLUMNS = ['region', 'level', 'effective_from'] as const;

/** An ISO date is read as CST midnight; a date-time as given. */
export function effectiveInstant(value: string): Date {
  return isIsoDate(value) ? cstMidnight(value) : new Date(value);
}

/** Validates one CSV row of risk levels: region (GB/T 2260), level, effective_from (date or date-time). */
export function parseRiskRow(line: number, v: Record<string, string>, scope: string): RiskLevelRequest | RowError[] {
  const errors: RowError[] = [];
  const region = parseRegionCode(v.region ?? '') ?? '';
  const regionProblem = explainRegionCode(v.region ?? '');
  if (regionProblem) errors.push({ line, field: 'region', message: regionProblem });
  else if (!isInScope(scope, region)) errors.push({ line, field: 'region', message: 'Outside your region scope' });
  const level = (v.level ?? '').toLowerCase();
  if (!['low', 'medium', 'high'].includes(level))
    errors.push({ line, field: 'level', message: "One of 'low', 'medium', 'high'" });
  const from = v.effective_from ?? '';
  if (!isIsoDate(from) && Number.isNaN(Date.parse(from)))
    errors.push({ line, field: 'effective_from', message: 'A date like 2020-02-10 or an ISO date-time' });
  return errors.length > 0 ? errors : { region, level: level as RiskLevelRequest['level'], effectiveFrom: from };
}
