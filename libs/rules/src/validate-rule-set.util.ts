import { isRegionPrefix } from './region-code.util';
import { type ParamSpec, RULE_PARAM_SPECS } from './rule-param-specs.constant';
import { RULE_KINDS, type RuleKind } from './rule-set.types';

export type RuleSetErrorCode =
  | 'invalid-shape'
  | 'invalid-version'
  | 'missing-rule-id'
  | 'duplicate-rule-id'
  | 'unknown-kind'
  | 'unknown-param'
  | 'missing-param'
  | 'invalid-param'
  | 'malformed-prefix'
  | 'unknown-rule-id';

export interface RuleSetError {
  /** Where, e.g. 'rules[2].params.withinDays' or 'regionOverrides.42.high-risk-region.withinDays'. */
  readonly path: string;
  readonly code: RuleSetErrorCode;
  readonly message: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkValue(spec: ParamSpec, value: unknown): string | null {
  switch (spec.type) {
    case 'integer':
      return Number.isInteger(value) && (value as number) >= spec.min && (value as number) <= spec.max
        ? null
        : `must be a whole number from ${spec.min} to ${spec.max}`;
    case 'enum':
      return spec.values.includes(value as string) ? null : `must be one of ${spec.values.join(', ')}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'list': {
      if (!Array.isArray(value) || value.length === 0) return 'must be a non-empty list';
      const unknown = value.filter((item) => !spec.values.includes(item as string));
      if (unknown.length > 0) return `has unknown entries; allowed: ${spec.values.join(', ')}`;
      return new Set(value).size === value.length ? null : 'has duplicate entries';
    }
  }
}

function checkParams(kind: RuleKind, params: unknown, path: string, partial: boolean, errors: RuleSetError[]): void {
  if (!isObject(params)) {
    errors.push({ path, code: 'invalid-shape', message: 'must be an object' });
    return;
  }
  const specs = RULE_PARAM_SPECS[kind];
  for (const key of Object.keys(params)) {
    const spec = specs[key];
    if (!spec) {
      errors.push({ path: `${path}.${key}`, code: 'unknown-param', message: `is not a parameter of ${kind} rules` });
      continue;
    }
    const problem = checkValue(spec, params[key]);
    if (problem) errors.push({ path: `${path}.${key}`, code: 'invalid-param', message: problem });
  }
  if (partial) return;
  for (const key of Object.keys(specs)) {
    if (!(key in params)) errors.push({ path: `${path}.${key}`, code: 'missing-param', message: 'is required' });
  }
}

function checkRules(rules: unknown, errors: RuleSetError[]): Map<string, RuleKind> {
  const kinds = new Map<string, RuleKind>();
  if (!Array.isArray(rules)) {
    errors.push({ path: 'rules', code: 'invalid-shape', message: 'must be a list' });
    return kinds;
  }
  rules.forEach((rule: unknown, i) => {
    const path = `rules[${i}]`;
    if (!isObject(rule)) {
      errors.push({ path, code: 'invalid-shape', message: 'must be an object' });
      return;
    }
    const id = rule.id;
    if (typeof id !== 'string' || id.trim() === '') {
      errors.push({ path: `${path}.id`, code: 'missing-rule-id', message: 'must be a non-empty string' });
    } else if (kinds.has(id)) {
      errors.push({ path: `${path}.id`, code: 'duplicate-rule-id', message: `"${id}" is used twice` });
    }
    if (!RULE_KINDS.includes(rule.kind as RuleKind)) {
      errors.push({ path: `${path}.kind`, code: 'unknown-kind', message: `must be one of ${RULE_KINDS.join(', ')}` });
      return;
    }
    const kind = rule.kind as RuleKind;
    if (typeof id === 'string' && id.trim() !== '' && !kinds.has(id)) kinds.set(id, kind);
    checkParams(kind, rule.params, `${path}.params`, false, errors);
  });
  return kinds;
}

function checkOverrides(overrides: unknown, kinds: ReadonlyMap<string, RuleKind>, errors: RuleSetError[]): void {
  if (!isObject(overrides)) {
    errors.push({
      path: 'regionOverrides',
      code: 'invalid-shape',
      message: 'must be an object keyed by region prefix',
    });
    return;
  }
  for (const [prefix, byRule] of Object.entries(overrides)) {
    const path = `regionOverrides.${prefix}`;
    if (!isRegionPrefix(prefix)) {
      errors.push({
        path,
        code: 'malformed-prefix',
        message: "must be a GB/T 2260 prefix in its short form: '33', '3301' or '330106'",
      });
    }
    if (!isObject(byRule)) {
      errors.push({ path, code: 'invalid-shape', message: 'must be an object keyed by rule id' });
      continue;
    }
    for (const [ruleId, patch] of Object.entries(byRule)) {
      const kind = kinds.get(ruleId);
      if (kind === undefined) {
        errors.push({ path: `${path}.${ruleId}`, code: 'unknown-rule-id', message: 'names no rule of this rule set' });
        continue;
      }
      checkParams(kind, patch, `${path}.${ruleId}`, true, errors);
    }
  }
}

/** Everything wrong with a rule set (for instance one uploaded in the console); empty if it is usable. */
export function validateRuleSet(ruleSet: unknown): RuleSetError[] {
  const errors: RuleSetError[] = [];
  if (!isObject(ruleSet)) return [{ path: '', code: 'invalid-shape', message: 'must be an object' }];
  if (!Number.isInteger(ruleSet.version) || (ruleSet.version as number) < 1) {
    errors.push({ path: 'version', code: 'invalid-version', message: 'must be a whole number from 1' });
  }
  const kinds = checkRules(ruleSet.rules, errors);
  checkOverrides(ruleSet.regionOverrides, kinds, errors);
  return errors;
}
