import type { AssessedReason, CombinedReasons } from './combine-reasons.util';
import { type DayNumber, formatIsoDate } from './date.util';
import type { GreenOutlook } from './green-outlook.util';
import { renderTemplate } from './render-template.util';
import type { Step, StepId, TemplateParams } from './result.types';
import type { TemplateId } from './templates.constant';

const WAITING_TEMPLATES = {
  'await-case-clearance': 'step.await-case-clearance',
  'await-region-risk': 'step.await-region-risk',
} as const satisfies Record<string, TemplateId>;

function step(id: StepId, template: TemplateId, params: TemplateParams, progress: Step['progress'] = null): Step {
  return { id, template, params, text: renderTemplate(template, params), progress };
}

function checkInStep(item: AssessedReason, today: DayNumber): Step {
  const progress = { done: item.done, total: item.required };
  const due = item.nextDue as DayNumber;
  // A count that started again says so, and why: progress is never lost without a word.
  if (item.restart)
    return step(
      'check-ins',
      item.restart.because === 'missed' ? 'step.check-ins.restarted-missed' : 'step.check-ins.restarted-unhealthy',
      { ...progress, due: formatIsoDate(due), day: formatIsoDate(item.restart.day) },
      progress,
    );
  // "3 of 7 check-ins; next due by <date>": the concrete date always, with today/tomorrow as a hint.
  if (due === today)
    return step('check-ins', 'step.check-ins.due-today', { ...progress, due: formatIsoDate(due) }, progress);
  if (due === today + 1)
    return step('check-ins', 'step.check-ins.due-tomorrow', { ...progress, due: formatIsoDate(due) }, progress);
  return step('check-ins', 'step.check-ins.due-on', { ...progress, date: formatIsoDate(due) }, progress);
}

/**
 * What the resident can do, in order: see the override, wait for events, keep checking in,
 * wait for a date, or ask for a correction.
 */
export function buildSteps(combined: CombinedReasons, outlook: GreenOutlook, today: DayNumber): Step[] {
  const blocking = combined.reasons.filter((item) => item.reason.color !== 'green');
  if (blocking.length === 0 && combined.override === null) return [];
  const steps: Step[] = [];

  if (combined.override)
    steps.push(step('staff-override', 'step.staff-override', { until: combined.override.reason.until }));

  const seen = new Set<string>();
  for (const item of blocking) {
    if (!item.waitingOn) continue;
    const key = `${item.waitingOn.step}|${JSON.stringify(item.waitingOn.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    steps.push(step(item.waitingOn.step, WAITING_TEMPLATES[item.waitingOn.step], item.waitingOn.params));
  }

  // The check-in requirement that ends last is the one worth showing: meeting it meets the others.
  let checkIns: AssessedReason | null = null;
  for (const item of blocking) {
    if (item.path === 'check-ins' && (checkIns === null || (item.until as DayNumber) > (checkIns.until as DayNumber)))
      checkIns = item;
  }
  if (checkIns) steps.push(checkInStep(checkIns, today));

  if (outlook.binding?.path === 'window' && outlook.greenAt !== null) {
    steps.push(step('wait', 'step.wait', { date: formatIsoDate(outlook.greenAt) }));
  }

  if (blocking.some((item) => !item.reason.suppressed)) steps.push(step('appeal', 'step.appeal', {}));
  return steps;
}
