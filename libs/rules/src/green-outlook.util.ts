import type { AssessedReason, CombinedReasons } from './combine-reasons.util';
import { type DayNumber, formatIsoDate } from './date.util';
import { joinTexts, renderTemplate } from './render-template.util';
import type { LocalizedText } from './result.types';

export interface GreenOutlook {
  readonly greenAt: DayNumber | null;
  readonly greenWhen: LocalizedText | null;
  /** The reason whose end sets greenAt. */
  readonly binding: AssessedReason | null;
}

const GREEN: GreenOutlook = { greenAt: null, greenWhen: null, binding: null };

function whenReasonEnds(item: AssessedReason): LocalizedText {
  const date = item.until === null ? null : formatIsoDate(item.until);
  if (item.path === 'override') return renderTemplate('green-when.override', { until: date });
  if (item.path === 'check-ins') {
    return renderTemplate('green-when.check-ins', { required: item.required, done: item.done, date });
  }
  const causeEnd = item.causeEnd as DayNumber;
  return renderTemplate('green-when.window', {
    date,
    causeEnd: formatIsoDate(causeEnd),
    withinDays: (item.until as DayNumber) - causeEnd - 1,
  });
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
    const texts = new Map<string, LocalizedText>();
    for (const item of waiting) {
      const text = item.waitingOn ? renderTemplate(item.waitingOn.greenWhen, item.waitingOn.params) : null;
      if (text) texts.set(text.en, text);
    }
    return { greenAt: null, greenWhen: joinTexts([...texts.values()]), binding: null };
  }
  let binding = blocking[0];
  for (const item of blocking) if ((item.until as DayNumber) > (binding.until as DayNumber)) binding = item;
  return { greenAt: binding.until, greenWhen: whenReasonEnds(binding), binding };
}
