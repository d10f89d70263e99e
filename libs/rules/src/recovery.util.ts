import { type CheckInIndex, checkInStreak, type StreakRestart } from './check-in-streak.util';
import type { DayNumber } from './date.util';
import type { RecoveryParams } from './rule-set.types';

export type RecoveryPath = 'check-ins' | 'window' | 'event';

export interface Recovery {
  readonly active: boolean;
  /** First day the reason no longer applies if the resident checks in daily; null while it waits on an event. */
  readonly until: DayNumber | null;
  readonly path: RecoveryPath;
  readonly done: number;
  readonly nextDue: DayNumber | null;
  /** The count of check-ins started again (which day broke it, and why); null when it did not. */
  readonly restart: StreakRestart | null;
}

const INACTIVE: Recovery = { active: false, until: null, path: 'window', done: 0, nextDue: null, restart: null };
const WAITING: Recovery = { active: true, until: null, path: 'event', done: 0, nextDue: null, restart: null };

/**
 * Whether a reason whose cause ended on `causeEnd` (null: still going, end unknown; a day
 * after today: still going, end known) still applies, and until when. It stops at the
 * earlier of: the day the `checkInsRequired`-th consecutive healthy daily check-in after
 * `causeEnd` is due, and the first day `causeEnd` is more than `withinDays` days ago.
 */
export function assessRecovery(
  causeEnd: DayNumber | null,
  params: RecoveryParams,
  checkIns: () => CheckInIndex,
  today: DayNumber,
): Recovery {
  if (causeEnd === null) return WAITING;
  const { withinDays, checkInsRequired } = params;
  const ongoing = causeEnd >= today;
  if (!ongoing && (today - causeEnd > withinDays || checkInsRequired === 0)) return INACTIVE;
  const windowEnd = causeEnd + withinDays + 1;
  if (checkInsRequired === 0)
    return { active: true, until: causeEnd + 1, path: 'window', done: 0, nextDue: null, restart: null };
  const streak = checkInStreak(checkIns(), causeEnd, checkInsRequired, today);
  if (!ongoing && streak.done >= checkInsRequired) return INACTIVE;
  const checkInsEnd = streak.runStart + checkInsRequired - 1;
  return checkInsEnd <= windowEnd
    ? {
        active: true,
        until: checkInsEnd,
        path: 'check-ins',
        done: streak.done,
        nextDue: streak.nextDue,
        restart: streak.restart,
      }
    : {
        active: true,
        until: windowEnd,
        path: 'window',
        done: streak.done,
        nextDue: streak.nextDue,
        restart: streak.restart,
      };
}
