import type { RuleDefinition, RuleSet } from '@healthcode/rules';

type Params = Record<string, unknown>;
export type OverrideFormValues = Record<string, Params>;

const same = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b)
    ? [...a].sort().join('|') === [...b].sort().join('|')
    : JSON.stringify(a) === JSON.stringify(b);

/** The rules a region can tune (the staff override is not a rule anyone tunes). */
export function tunableRules(ruleSet: RuleSet): RuleDefinition[] {
  return ruleSet.rules.filter((rule) => rule.kind !== 'staff-override');
}

/** What the form starts from: the base parameters with the prefix's current override laid over them. */
export function initialOverrideValues(ruleSet: RuleSet, prefix: string): OverrideFormValues {
  const overrides = ruleSet.regionOverrides?.[prefix] ?? {};
  return Object.fromEntries(
    tunableRules(ruleSet).map((rule) => [
      rule.id,
      { ...(rule.params as Params), ...((overrides[rule.id] ?? {}) as Params) },
    ]),
  );
}

/** Only the parameters that differ from the base rule go into the override; untouched rules are left out. */
export function overridePatch(ruleSet: RuleSet, values: OverrideFormValues): Record<string, Params> {
  const out: Record<string, Params> = {};
  for (const rule of tunableRules(ruleSet)) {
    const base = rule.params as Params;
    const changed = Object.entries(values[rule.id] ?? {}).filter(
      ([param, value]) => value !== undefined && !same(value, base[param]),
    );
    if (changed.length > 0) out[rule.id] = Object.fromEntries(changed);
  }
  return out;
}
