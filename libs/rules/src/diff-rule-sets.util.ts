import { renderTemplate } from './render-template.util';
import type { LocalizedText, TemplateParams } from './result.types';
import type { ParamValue, RuleDefinition, RuleSet } from './rule-set.types';
import type { TemplateId } from './templates.constant';

export type RuleSetChangeKind = 'version' | 'rule-added' | 'rule-removed' | 'rule-kind' | 'param' | 'override-param';

/** One changed item; `before`/`after` are null where the item did not exist. */
export interface RuleSetChange {
  readonly kind: RuleSetChangeKind;
  readonly ruleId: string | null;
  readonly region: string | null;
  readonly param: string | null;
  readonly before: ParamValue | null;
  readonly after: ParamValue | null;
  readonly template: TemplateId;
  readonly params: TemplateParams;
  readonly text: LocalizedText;
}

type Params = Readonly<Record<string, ParamValue | undefined>>;

function sameValue(a: ParamValue | undefined, b: ParamValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    // Lists are sets here (symptoms, statuses): reordering them changes nothing.
    const left = [...a].sort();
    const right = [...b].sort();
    return left.length === right.length && left.every((item, i) => item === right[i]);
  }
  return a === b;
}

function sortedUnion(a: Iterable<string>, b: Iterable<string>): string[] {
  return [...new Set([...a, ...b])].sort();
}

function change(
  kind: RuleSetChangeKind,
  template: TemplateId,
  fields: { ruleId?: string; region?: string; param?: string; before?: ParamValue | null; after?: ParamValue | null },
): RuleSetChange {
  const params: TemplateParams = {
    ruleId: fields.ruleId ?? null,
    region: fields.region ?? null,
    param: fields.param ?? null,
    before: fields.before ?? null,
    after: fields.after ?? null,
  };
  return {
    kind,
    ruleId: fields.ruleId ?? null,
    region: fields.region ?? null,
    param: fields.param ?? null,
    before: fields.before ?? null,
    after: fields.after ?? null,
    template,
    params,
    text: renderTemplate(template, params),
  };
}

function diffParams(
  before: Params,
  after: Params,
  emit: (param: string, before: ParamValue | null, after: ParamValue | null) => void,
): void {
  for (const param of sortedUnion(Object.keys(before), Object.keys(after))) {
    if (!sameValue(before[param], after[param])) emit(param, before[param] ?? null, after[param] ?? null);
  }
}

const NO_PARAMS: Params = {};

/**
 * What changed from rule set `a` to rule set `b`, parameter by parameter, in a stable
 * order (version, rules by id, then overrides by prefix and rule id), for the console's
 * diff view and the public changelog.
 */
export function diffRuleSets(a: RuleSet, b: RuleSet): RuleSetChange[] {
  const changes: RuleSetChange[] = [];
  if (a.version !== b.version) changes.push(change('version', 'diff.version', { before: a.version, after: b.version }));

  const rulesA = new Map<string, RuleDefinition>(a.rules.map((rule) => [rule.id, rule]));
  const rulesB = new Map<string, RuleDefinition>(b.rules.map((rule) => [rule.id, rule]));
  for (const ruleId of sortedUnion(rulesA.keys(), rulesB.keys())) {
    const before = rulesA.get(ruleId);
    const after = rulesB.get(ruleId);
    if (!before) changes.push(change('rule-added', 'diff.rule-added', { ruleId, after: after?.kind }));
    else if (!after) changes.push(change('rule-removed', 'diff.rule-removed', { ruleId, before: before.kind }));
    else if (before.kind !== after.kind) {
      changes.push(change('rule-kind', 'diff.rule-kind', { ruleId, before: before.kind, after: after.kind }));
    }
    diffParams((before?.params ?? NO_PARAMS) as Params, (after?.params ?? NO_PARAMS) as Params, (param, was, is) =>
      changes.push(change('param', 'diff.param', { ruleId, param, before: was, after: is })),
    );
  }

  for (const region of sortedUnion(Object.keys(a.regionOverrides), Object.keys(b.regionOverrides))) {
    const byRuleA = a.regionOverrides[region] ?? {};
    const byRuleB = b.regionOverrides[region] ?? {};
    for (const ruleId of sortedUnion(Object.keys(byRuleA), Object.keys(byRuleB))) {
      diffParams((byRuleA[ruleId] ?? NO_PARAMS) as Params, (byRuleB[ruleId] ?? NO_PARAMS) as Params, (param, was, is) =>
        changes.push(
          change('override-param', 'diff.override-param', { ruleId, region, param, before: was, after: is }),
        ),
      );
    }
  }
  return changes;
}
