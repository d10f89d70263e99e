import type { RuleSet } from '@healthcode/rules';

import { isInScope } from '../security/region-scope.util';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What a draft changes outside an administrator's region scope, compared with the rules in force. Country-wide
 * administrators (scope '') may change anything; a regional administrator only the overrides of prefixes
 * inside their own prefix, never the base rules nor a broader or neighbouring prefix.
 */
export function scopeViolations(current: RuleSet, draft: RuleSet, scope: string): string[] {
  if (scope === '') return [];
  const out: string[] = [];
  if (!same(current.rules, draft.rules)) out.push('definition.rules');
  const prefixes = new Set([
    ...Object.keys(current.regionOverrides ?? {}),
    ...Object.keys(draft.regionOverrides ?? {}),
  ]);
  for (const prefix of [...prefixes].sort()) {
    if (isInScope(scope, prefix)) continue;
    if (!same(current.regionOverrides?.[prefix], draft.regionOverrides?.[prefix]))
      out.push(`definition.regionOverrides.${prefix}`);
  }
  return out;
}
