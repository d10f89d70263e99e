import { formatIsoDate } from '../date.util';
import { factDay } from '../fact-field.util';
import type { RuleKindImpl } from '../rule-context.types';

/** A confirmed or suspected case: applies until cleared, then until recovery. */
export const caseStatusRule: RuleKindImpl<'case-status'> = {
  collect(rule, ctx, sink) {
    const cases = ctx.facts.cases;
    if (!cases || cases.length === 0) return;
    const params = ctx.params(rule, ctx.currentRegion);
    cases.forEach((record, i) => {
      if (!params.statuses.includes(record.status)) return;
      const date = factDay(record.date, `cases[${i}].date`);
      if (date > ctx.today) return;
      const cleared = record.clearedDate === null ? null : factDay(record.clearedDate, `cases[${i}].clearedDate`);
      if (cleared !== null && ctx.today - cleared > params.withinDays) return;
      sink.findings.push({
        ruleId: rule.id,
        color: params.color,
        template: cleared === null ? 'reason.case.open' : 'reason.case.cleared',
        params: {
          status: record.status,
          date: formatIsoDate(date),
          clearedDate: cleared === null ? null : formatIsoDate(cleared),
        },
        fact: {
          source: 'case-registry',
          kind: 'case',
          status: record.status,
          date: formatIsoDate(date),
          clearedDate: cleared === null ? null : formatIsoDate(cleared),
          ref: record.ref,
        },
        since: date,
        causeEnd: cleared,
        recovery: params,
        waitingOn:
          cleared === null
            ? {
                step: 'await-case-clearance',
                greenWhen: 'green-when.case-open',
                params: { required: params.checkInsRequired },
              }
            : null,
      });
    });
  },
  describe: (params) => ({
    template: 'rule.case-status',
    params: {
      color: params.color,
      statuses: params.statuses,
      withinDays: params.withinDays,
      checkInsRequired: params.checkInsRequired,
    },
  }),
};
