import { isColor } from '../color.constant';
import { formatIsoDate } from '../date.util';
import { factDay } from '../fact-field.util';
import type { RuleKindImpl } from '../rule-context.types';
import { RulesException } from '../rules.exception';

/** Staff overrides in force today; how they combine with other reasons is decided in combine-reasons.util.ts. */
export const staffOverrideRule: RuleKindImpl<'staff-override'> = {
  collect(rule, ctx, sink) {
    const overrides = ctx.facts.staffOverrides;
    if (!overrides || overrides.length === 0) return;
    overrides.forEach((override, i) => {
      if (!isColor(override.color))
        throw new RulesException(`Unknown colour at staffOverrides[${i}].color`, 'INVALID_FACT');
      const until = factDay(override.until, `staffOverrides[${i}].until`);
      if (until <= ctx.today) return;
      const untilDate = formatIsoDate(until);
      sink.overrides.push({
        ruleId: rule.id,
        color: override.color,
        template: 'reason.staff-override',
        params: { color: override.color, until: untilDate, reason: override.reason },
        fact: {
          source: 'staff-override',
          kind: 'override',
          color: override.color,
          until: untilDate,
          reason: override.reason,
          ref: override.ref,
        },
        until,
      });
    });
  },
  describe: () => ({ template: 'rule.staff-override', params: {} }),
};
