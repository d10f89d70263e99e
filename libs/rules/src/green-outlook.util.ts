import type { AssessedReason, CombinedReasons } from './combine-reasons.util';
import { type DayNumber, formatIsoDate } from './date.util';
import { renderJoined, renderTemplate } from './render-template.util';
import type { LocalizedText, TemplateRef } from './result.types';

export interface GreenOutlook {
  readonly greenAt: DayNumber | null;
  readonly greenWhen: LocalizedText | null;
  /** The templates `greenWhen` is rendered from (`renderJoined`). */
  readonly greenWhenParts: readonly TemplateRef[] | null;
  /** The reason whose end sets greenAt. */
  readonly binding: AssessedReason | null;
}

const GREEN: GreenOutlook = { greenAt: null, greenWhen: null, greenWhenParts: null, binding: null };

function whenReasonEnds(item: AssessedReason): TemplateRef {
  const date = item.until === null ? null : formatIsoDate(item.until);
  if (item.path === 'override') return { template: 'green-when.override', params: { until: date } };
  if (item.path === 'check-ins') {
    return { template: 'green-when.check-ins', params: { required: item.required, done: item.done, date } };
  }
  const causeEnd = item.causeEnd as DayNumber;
  return {
    template: 'green-when.window',
    params: { date, causeEnd: formatIsoDate(causeEnd), withinDays: (item.until as DayNumber) - causeEnd - 1 },
  };
}

/**
 * When the code turns green if the resident checks in every day and nothing else changes:
 * when the last non-green reason ends, suppressed ones included (they apply again once an
 * override ends). Unknown while any of them waits on an event.
 */
export function greenOutlook(combined: CombinedReasons): GreenOutlook {
  if (combined.color === 'green') return GREEN;
  const blocking = combined.reasons.filter((item) => item.reason.color !== 'green');
  const waiting = blocking.filter((item) => item.until === null);
  if (waiting.length > 0) {
    // One part per distinct wording (two reasons waiting on the same event say it once; the last one's kept).
    const parts = new Map<string, TemplateRef>();
    for (const item of waiting) {
      if (!item.waitingOn) continue;
      const part = { template: item.waitingOn.greenWhen, params: item.waitingOn.params };
      const key = renderTemplate(part.template, part.params).en;
      parts.set(key, part);
    }
    return outlook(null, [...parts.values()], null);
  }
  let binding = blocking[0];
  for (const item of blocking) if ((item.until as DayNumber) > (binding.until as DayNumber)) binding = item;
  return outlook(binding.until, [whenReasonEnds(binding)], binding);
}

function outlook(greenAt: DayNumber | null, parts: TemplateRef[], binding: AssessedReason | null): GreenOutlook {
  return { greenAt, greenWhen: renderJoined(parts), greenWhenParts: parts, binding };
}
