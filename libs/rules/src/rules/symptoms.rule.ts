import { formatIsoDate } from '../date.util';
import { factDay } from '../fact-field.util';
import type { RuleKindImpl } from '../rule-context.types';

/** Self-declared symptoms from the configured list, counted from their onset. */
export const symptomsRule: RuleKindImpl<'symptoms'> = {
  collect(rule, ctx, sink) {
    const symptoms = ctx.facts.symptoms;
    if (!symptoms || symptoms.length === 0) return;
    const params = ctx.params(rule, ctx.currentRegion);
    symptoms.forEach((report, i) => {
      if (!params.symptoms.includes(report.symptom)) return;
      const onset = factDay(report.onset, `symptoms[${i}].onset`);
      if (onset > ctx.today || ctx.today - onset > params.withinDays) return;
      const onsetDate = formatIsoDate(onset);
      sink.findings.push({
        ruleId: rule.id,
        color: params.color,
        template: 'reason.symptom',
        params: { symptom: report.symptom, onset: onsetDate },
        fact: { source: 'self-declared', kind: 'symptom', symptom: report.symptom, onset: onsetDate },
        since: onset,
        causeEnd: onset,
        recovery: params,
        waitingOn: null,
      });
    });
  },
  describe: (params) => ({
    template: 'rule.symptoms',
    params: {
      color: params.color,
      symptoms: params.symptoms,
      withinDays: params.withinDays,
      checkInsRequired: params.checkInsRequired,
    },
  }),
};
