import { type DayNumber, parseIsoDate } from './date.util';
import type { CheckInFact } from './facts.types';
import { RulesException } from './rules.exception';

/** Day → healthy? A day with any unhealthy check-in is unhealthy; days after today are ignored. */
export type CheckInIndex = ReadonlyMap<DayNumber, boolean>;

export function indexCheckIns(checkIns: readonly CheckInFact[], today: DayNumber): CheckInIndex {
  const index = new Map<DayNumber, boolean>();
  checkIns.forEach((checkIn, i) => {
    const day = parseIsoDate(checkIn.date);
    if (day === null) throw new RulesException(`Malformed date at checkIns[${i}].date`, 'INVALID_FACT');
    if (day > today) return;
    index.set(day, checkIn.healthy === true && index.get(day) !== false);
  });
  return index;
}

/** Why a run of check-ins started again: the day that broke it, missed or reported unhealthy. */
export interface StreakRestart {
  readonly day: DayNumber;
  readonly because: 'missed' | 'unhealthy';
}

export interface Streak {
  /** Consecutive healthy check-ins after the cause ended, ending today or yesterday (capped at `required`). */
  readonly done: number;
  /** First day of the run that will complete the requirement if the resident checks in daily. */
  readonly runStart: DayNumber;
  /** The next day a check-in is expected. */
  readonly nextDue: DayNumber;
  /**
   * Set when healthy check-ins had already been counted after the cause ended and the count started again: the
   * resident is told which day broke the run and why, never left to find a lower number unexplained.
   */
  readonly restart: StreakRestart | null;
}

/**
 * The current run of healthy daily check-ins dated after `causeEnd`. Today's check-in may
 * still be outstanding without breaking the run; a missing or unhealthy earlier day does.
 */
export function checkInStreak(index: CheckInIndex, causeEnd: DayNumber, required: number, today: DayNumber): Streak {
  const firstCounted = causeEnd + 1;
  if (firstCounted > today) return { done: 0, runStart: firstCounted, nextDue: firstCounted, restart: null };
  const todayHealthy = index.get(today);
  if (todayHealthy === false)
    return { done: 0, runStart: today + 1, nextDue: today + 1, restart: restartAt(index, firstCounted, today) };
  // A check-in still outstanding today is late, not missed: the run goes on until the day is over.
  const end = todayHealthy ? today : today - 1;
  let done = 0;
  for (let day = end; day >= firstCounted && done < required && index.get(day) === true; day--) done++;
  const broken = end - done;
  return {
    done,
    runStart: done > 0 ? end - done + 1 : end + 1,
    nextDue: todayHealthy ? today + 1 : today,
    restart: done < required && broken >= firstCounted ? restartAt(index, firstCounted, broken) : null,
  };
}

/** The run broke on `day` (missed or unhealthy); a restart only if healthy check-ins counted before it were lost. */
function restartAt(index: CheckInIndex, firstCounted: DayNumber, day: DayNumber): StreakRestart | null {
  let progress = false;
  for (let d = firstCounted; d < day && !progress; d++) progress = index.get(d) === true;
  if (!progress) return null;
  return { day, because: index.get(day) === false ? 'unhealthy' : 'missed' };
}
