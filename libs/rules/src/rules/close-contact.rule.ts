import { formatIsoDate } from '../date.util';
import { factDay } from '../fact-field.util';
import type { RuleKindImpl } from '../rule-context.types';

/** Contact with a confirmed case: traced by the case registry, or declared by the resident. */
export const closeContactRule: RuleKindImpl<'close-contact'> = {
  collect(rule, ctx, sink) {
    const traced = ctx.facts.closeContacts ?? [];
    const declared = ctx.facts.declaredContacts ?? [];
    if (traced.length === 0 && declared.length === 0) return;
    const params = ctx.params(rule, ctx.currentRegion);
    const recent = (day: number) => day <= ctx.today && ctx.today - day <= params.withinDays;
    traced.forEach((contact, i) => {
      const day = factDay(contact.date, `closeContacts[${i}].date`);
      if (!recent(day)) return;
      const date = formatIsoDate(day);
      sink.findings.push({
        ruleId: rule.id,
        color: params.color,
        template: 'reason.close-contact',
        params: { date },
        fact: { source: 'case-registry', kind: 'close-contact', date, ref: contact.ref },
        since: day,
        causeEnd: day,
        recovery: params,
        waitingOn: null,
      });
    });
    if (!params.includeSelfDeclared) return;
    declared.forEach((contact, i) => {
      const day = factDay(contact.date, `declaredContacts[${i}].date`);
      if (!recent(day)) return;
      const date = formatIsoDate(day);
      sink.findings.push({
        ruleId: rule.id,
        color: params.color,
        template: 'reason.declared-contact',
        params: { date },
        fact: { source: 'self-declared', kind: 'declared-contact', date },
        since: day,
        causeEnd: day,
        recovery: params,
        waitingOn: null,
      });
    });
  },
  describe: (params) => ({
    template: params.includeSelfDeclared ? 'rule.close-contact.with-declared' : 'rule.close-contact',
    params: { color: params.color, withinDays: params.withinDays, checkInsRequired: params.checkInsRequired },
  }),
};
