import type {
  PublishResponse,
  RegionOverrideRequest,
  RiskLevelCsvCheckResponse,
  RiskLevelRequest,
  RiskLevelResponse,
  RiskLevelRetractedResponse,
  RiskLevelsChangedResponse,
  RuleSetAdminView,
  RuleSetDraftRequest,
} from '@healthcode/contracts';

import { request } from '../../services/request';

export const ruleSetsQueryKey = ['rule-sets'] as const;
export const riskLevelsQueryKey = (prefix: string) => ['risk-levels', prefix] as const;

export function fetchRuleSets(signal?: AbortSignal): Promise<{ items: RuleSetAdminView[] }> {
  return request('/v1/admin/rule-sets', { signal });
}

export function createDraft(body: RuleSetDraftRequest): Promise<RuleSetAdminView> {
  return request('/v1/admin/rule-sets', { method: 'POST', body });
}

/** Replaces one prefix's overrides in a draft; the server refuses prefixes outside the caller's scope. */
export function setOverride(id: string, prefix: string, body: RegionOverrideRequest): Promise<RuleSetAdminView> {
  return request(`/v1/admin/rule-sets/${id}/overrides/${prefix}`, { method: 'PUT', body });
}

export function previewRuleSet(id: string): Promise<{ ruleSet: RuleSetAdminView; runId: string }> {
  return request(`/v1/admin/rule-sets/${id}/preview`, { method: 'POST' });
}

export function publishRuleSet(id: string): Promise<PublishResponse> {
  return request(`/v1/admin/rule-sets/${id}/publish`, { method: 'POST' });
}

/** Every level ever set under the prefix (closed and open intervals). */
export function fetchRiskLevels(prefix: string, signal?: AbortSignal): Promise<{ items: RiskLevelResponse[] }> {
  return request('/v1/admin/risk-levels', { query: { region: prefix }, signal });
}

/** What-if of risk changes: counts, transitions and top regions, nothing written. */
export function previewRiskChanges(riskChanges: RiskLevelRequest[]): Promise<{ runId: string }> {
  return request('/v1/admin/previews', { method: 'POST', body: { riskChanges } });
}

/** Sets the levels (audited) and queues the re-scoring of everyone affected. */
export function setRiskLevels(levels: RiskLevelRequest[]): Promise<RiskLevelsChangedResponse> {
  return request('/v1/admin/risk-levels', { method: 'POST', body: { levels } });
}

/** Retracts a mistaken decision with a reason (kept in the history); everyone is re-scored. */
export function retractRiskLevel(id: string, reason: string): Promise<RiskLevelRetractedResponse> {
  return request(`/v1/admin/risk-levels/${encodeURIComponent(id)}/retract`, { method: 'POST', body: { reason } });
}

/** Checks a risk-level CSV (nothing set): the valid rows, the refused ones and a preview run of the effect. */
export function checkRiskCsv(file: File): Promise<RiskLevelCsvCheckResponse> {
  const body = new FormData();
  body.append('file', file, file.name);
  return request('/v1/admin/risk-levels/import/check', { method: 'POST', body });
}
