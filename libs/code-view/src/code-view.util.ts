import type { CodeEvaluation, CodeReason, CodeStep, Locale } from '@healthcode/contracts';

import { CODE_VIEW_TEXTS } from './code-view-texts.constant';
import type { CodeView, ReasonLine, StepLine } from './code-view.model';
import { daysFromToday, formatDay } from './cst-format.util';
import { localized } from './localized.util';

/**
 * The code as its holder reads it. The resident's code page and the hotline lookup both display this, so the
 * reasons, rules, green-by date and steps a caller hears about are word for word what the resident sees.
 */
export function buildCodeView(code: CodeEvaluation, locale: Locale, now: Date): CodeView {
  const texts = CODE_VIEW_TEXTS[locale];
  return {
    color: code.color,
    colorLabel: texts.colorLong[code.color],
    outlook: greenOutlookText(code, locale, now),
    reasonsHeading: texts.reasonsHeading,
    noReasons: code.reasons.length === 0 ? texts.noReasons : null,
    reasons: code.reasons.map((reason, i) => reasonLine(reason, i, locale)),
    stepsHeading: texts.stepsHeading,
    steps: code.steps.map((step) => stepLine(step, locale)),
  };
}

/** When a yellow or red code turns green: a date when the rules know it, otherwise the condition. */
export function greenOutlookText(
  code: Pick<CodeEvaluation, 'color' | 'greenAt' | 'greenWhen'>,
  locale: Locale,
  now: Date,
): string | null {
  const texts = CODE_VIEW_TEXTS[locale];
  if (code.color === 'green') return null;
  if (code.greenAt) {
    const days = daysFromToday(code.greenAt, now);
    return days <= 0 ? texts.greenToday : texts.greenOn(formatDay(code.greenAt), days);
  }
  const condition = localized(code.greenWhen, locale);
  return condition ? texts.greenWhen(condition) : null;
}

function reasonLine(reason: CodeReason, index: number, locale: Locale): ReasonLine {
  const texts = CODE_VIEW_TEXTS[locale];
  return {
    key: `${reason.ruleId}-${index}`,
    color: reason.color,
    colorLabel: texts.colorShort[reason.color],
    source: texts.source[reason.fact.source] ?? reason.fact.source,
    text: localized(reason.text, locale),
    suppressed: reason.suppressed ? texts.suppressed : null,
    since: reason.since ? texts.since(formatDay(reason.since)) : null,
    until: reason.until ? texts.until(formatDay(reason.until)) : null,
    rule: texts.rule(reason.ruleId, reason.ruleVersion),
  };
}

function stepLine(step: CodeStep, locale: Locale): StepLine {
  const progress = step.progress
    ? {
        done: step.progress.done,
        total: step.progress.total,
        caption: CODE_VIEW_TEXTS[locale].stepProgress(step.progress.done, step.progress.total),
      }
    : null;
  return { id: step.id, text: localized(step.text, locale), progress };
}
