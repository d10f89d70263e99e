import type { CheckInIndex, StreakRestart } from './check-in-streak.util';
import { COLOR_SEVERITY, type Color, maxColor } from './color.constant';
import { type DayNumber, formatIsoDate } from './date.util';
import { type RecoveryPath, assessRecovery } from './recovery.util';
import { renderTemplate } from './render-template.util';
import type { Reason } from './result.types';
import type { FindingSink, OverrideFinding, WaitingOn } from './rule-context.types';

/** A reason that applies today, with what the outlook and steps need to know about it. */
export interface AssessedReason {
  readonly reason: Reason;
  readonly until: DayNumber | null;
  readonly path: RecoveryPath | 'override';
  readonly causeEnd: DayNumber | null;
  readonly done: number;
  readonly required: number;
  readonly nextDue: DayNumber | null;
  /** The check-in count started again (the day that broke it, and why). */
  readonly restart: StreakRestart | null;
  readonly waitingOn: WaitingOn | null;
}

export interface CombinedReasons {
  readonly color: Color;
  /** Ordered: deciding reasons first, then by severity, start, rule id and input order. */
  readonly reasons: readonly AssessedReason[];
  readonly override: AssessedReason | null;
}

export interface CombineContext {
  readonly today: DayNumber;
  readonly ruleVersion: number;
  readonly checkIns: () => CheckInIndex;
}

/**
 * Several overrides in force: the most severe decides (ties: the later end, then the first
 * listed), so that stacking overrides can never quietly lower a colour. To lift an override,
 * end it.
 */
function pickOverride(overrides: readonly OverrideFinding[]): OverrideFinding | null {
  let chosen: OverrideFinding | null = null;
  for (const candidate of overrides) {
    if (
      chosen === null ||
      COLOR_SEVERITY[candidate.color] > COLOR_SEVERITY[chosen.color] ||
      (candidate.color === chosen.color && candidate.until > chosen.until)
    ) {
      chosen = candidate;
    }
  }
  return chosen;
}

function compareReasons(a: AssessedReason, b: AssessedReason): number {
  return (
    Number(a.reason.suppressed) - Number(b.reason.suppressed) ||
    COLOR_SEVERITY[b.reason.color] - COLOR_SEVERITY[a.reason.color] ||
    (a.reason.since ?? '').localeCompare(b.reason.since ?? '') ||
    (a.reason.ruleId < b.reason.ruleId ? -1 : a.reason.ruleId > b.reason.ruleId ? 1 : 0)
  );
}

export function combineReasons(sink: FindingSink, context: CombineContext): CombinedReasons {
  const chosen = pickOverride(sink.overrides);
  const assessed: AssessedReason[] = [];

  for (const override of sink.overrides) {
    assessed.push({
      reason: {
        ruleId: override.ruleId,
        ruleVersion: context.ruleVersion,
        color: override.color,
        template: override.template,
        params: override.params,
        text: renderTemplate(override.template, override.params),
        fact: override.fact,
        since: null,
        until: formatIsoDate(override.until),
        suppressed: override !== chosen,
        checkIns: null,
      },
      until: override.until,
      path: 'override',
      causeEnd: null,
      done: 0,
      required: 0,
      nextDue: null,
      restart: null,
      waitingOn: null,
    });
  }

  for (const finding of sink.findings) {
    const recovery = assessRecovery(finding.causeEnd, finding.recovery, context.checkIns, context.today);
    if (!recovery.active) continue;
    const required = finding.recovery.checkInsRequired;
    assessed.push({
      reason: {
        ruleId: finding.ruleId,
        ruleVersion: context.ruleVersion,
        color: finding.color,
        template: finding.template,
        params: finding.params,
        text: renderTemplate(finding.template, finding.params),
        fact: finding.fact,
        since: formatIsoDate(finding.since),
        until: recovery.until === null ? null : formatIsoDate(recovery.until),
        suppressed: chosen !== null,
        checkIns: finding.causeEnd === null || required === 0 ? null : { done: recovery.done, total: required },
      },
      until: recovery.until,
      path: recovery.path,
      causeEnd: finding.causeEnd,
      done: recovery.done,
      required,
      nextDue: recovery.nextDue,
      restart: recovery.restart,
      waitingOn: recovery.path === 'event' ? finding.waitingOn : null,
    });
  }

  // Array.prototype.sort is stable, so ties keep input order and the result stays deterministic.
  assessed.sort(compareReasons);
  let color: Color = 'green';
  for (const item of assessed) if (!item.reason.suppressed) color = maxColor(color, item.reason.color);
  return {
    color,
    reasons: assessed,
    override:
      chosen === null ? null : (assessed.find((item) => item.path === 'override' && !item.reason.suppressed) ?? null),
  };
}
