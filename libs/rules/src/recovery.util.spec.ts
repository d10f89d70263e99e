import { indexCheckIns } from './check-in-streak.util';
import type { CheckInFact } from './facts.types';
import { parseIsoDate } from './date.util';
import { assessRecovery } from './recovery.util';
import { checkIns, day } from './testing/scoring.fixture';

const today = parseIsoDate(day(0)) as number;
const at = (offset: number) => today + offset;
const assess = (causeEnd: number | null, withinDays: number, checkInsRequired: number, list: CheckInFact[] = []) =>
  assessRecovery(
    causeEnd === null ? null : at(causeEnd),
    { withinDays, checkInsRequired },
    () => indexCheckIns(list, today),
    today,
  );

describe('assessRecovery', () => {
  it('waits on an event when the cause has no known end', () => {
    expect(assess(null, 14, 14)).toMatchObject({ active: true, until: null, path: 'event', done: 0, nextDue: null });
  });

  it('ends after the required check-ins when they come first', () => {
    expect(assess(-3, 14, 7, checkIns(-2, -1))).toMatchObject({
      active: true,
      until: at(4),
      path: 'check-ins',
      done: 2,
      nextDue: today,
    });
  });

  it('ends with the window when check-ins cannot beat it', () => {
    // Missed days after a contact three days ago: 14 fresh check-ins would end after the 14-day window.
    expect(assess(-3, 14, 14)).toMatchObject({ active: true, until: at(12), path: 'window', done: 0, nextDue: today });
  });

  it('prefers check-ins when both end the same day', () => {
    expect(assess(-1, 13, 14, checkIns(0, 0))).toMatchObject({ until: at(13), path: 'check-ins' });
  });

  it('is over once the window has passed or the check-ins are done', () => {
    expect(assess(-15, 14, 14).active).toBe(false);
    expect(assess(-14, 14, 14).active).toBe(true);
    expect(assess(-8, 14, 7, checkIns(-7, -1)).active).toBe(false);
    expect(assess(-8, 14, 7, checkIns(-6, -1)).active).toBe(true);
  });

  it('with no check-ins required, ends the day after the cause', () => {
    expect(assess(-1, 14, 0).active).toBe(false);
    expect(assess(0, 14, 0)).toMatchObject({ active: true, until: at(1), path: 'window' });
    expect(assess(3, 14, 0)).toMatchObject({ active: true, until: at(4) });
  });

  it('for a cause still under way, counts check-ins from the day after it ends', () => {
    expect(assess(3, 14, 14, checkIns(-5, 0))).toMatchObject({
      active: true,
      until: at(17),
      path: 'check-ins',
      done: 0,
      nextDue: at(4),
    });
  });

  it('with a zero-day window, ends the day after the cause', () => {
    expect(assess(0, 0, 7)).toMatchObject({ active: true, until: at(1), path: 'window' });
    expect(assess(-1, 0, 7).active).toBe(false);
  });
});
