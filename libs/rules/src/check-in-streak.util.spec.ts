import { checkInStreak, indexCheckIns } from './check-in-streak.util';
import { parseIsoDate } from './date.util';
import { RulesException } from './rules.exception';
import { checkIns, day } from './testing/scoring.fixture';

const today = parseIsoDate(day(0)) as number;
const at = (offset: number) => today + offset;

describe('indexCheckIns', () => {
  it('marks a day unhealthy if any check-in that day was unhealthy, and ignores the future', () => {
    const index = indexCheckIns(
      [
        { date: day(-2), healthy: true },
        { date: day(-1), healthy: false },
        { date: day(-1), healthy: true },
        { date: day(1), healthy: true },
      ],
      today,
    );
    expect(index.get(at(-2))).toBe(true);
    expect(index.get(at(-1))).toBe(false);
    expect(index.has(at(1))).toBe(false);
  });

  it('refuses malformed dates, naming the field and not the value', () => {
    const attempt = () => indexCheckIns([{ date: '2020-02-31', healthy: true }], today);
    expect(attempt).toThrow(RulesException);
    expect(attempt).toThrow('checkIns[0].date');
    expect(attempt).not.toThrow('2020-02-31');
  });
});

describe('checkInStreak', () => {
  const streak = (list: ReturnType<typeof checkIns>, causeEndOffset: number, required: number) =>
    checkInStreak(indexCheckIns(list, today), at(causeEndOffset), required, today);

  it('counts a run ending yesterday while today is still due', () => {
    expect(streak(checkIns(-3, -1), -5, 7)).toEqual({ done: 3, runStart: at(-3), nextDue: today, restart: null });
  });

  it('counts today once checked in', () => {
    expect(streak(checkIns(-3, 0), -5, 7)).toEqual({ done: 4, runStart: at(-3), nextDue: at(1), restart: null });
  });

  it('only counts days after the cause ended', () => {
    expect(streak(checkIns(-10, -1), -3, 7)).toEqual({ done: 2, runStart: at(-2), nextDue: today, restart: null });
  });

  it('restarts after a missed day, and says which day broke the run', () => {
    expect(streak([...checkIns(-5, -4), ...checkIns(-2, -1)], -6, 7)).toEqual({
      done: 2,
      runStart: at(-2),
      nextDue: today,
      restart: { day: at(-3), because: 'missed' },
    });
    expect(streak(checkIns(-5, -2), -6, 7)).toEqual({
      done: 0,
      runStart: today,
      nextDue: today,
      restart: { day: at(-1), because: 'missed' },
    });
  });

  it('restarts tomorrow after an unhealthy check-in today, and says why', () => {
    expect(streak([...checkIns(-3, -1), { date: day(0), healthy: false }], -5, 7)).toEqual({
      done: 0,
      runStart: at(1),
      nextDue: at(1),
      restart: { day: today, because: 'unhealthy' },
    });
  });

  it('is no restart when nothing had been counted yet, nor while today’s check-in is merely late', () => {
    // Days missed before the first healthy check-in lose nothing.
    expect(streak(checkIns(-2, -1), -6, 7).restart).toBeNull();
    // Today not yet checked in: the run up to yesterday stands.
    expect(streak(checkIns(-4, -1), -6, 7)).toMatchObject({ done: 4, restart: null });
  });

  it('starts after a cause that has not ended yet', () => {
    expect(streak(checkIns(-3, 0), 2, 7)).toEqual({ done: 0, runStart: at(3), nextDue: at(3), restart: null });
    expect(streak(checkIns(-3, 0), 0, 7)).toEqual({ done: 0, runStart: at(1), nextDue: at(1), restart: null });
  });

  it('stops counting once the requirement is met', () => {
    expect(streak(checkIns(-20, -1), -30, 7).done).toBe(7);
  });
});
