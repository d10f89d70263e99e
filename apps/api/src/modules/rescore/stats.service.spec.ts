import { carryForward } from './stats.service';

describe('carryForward', () => {
  it('gives one entry per day, keeping the last snapshot (including one before the window) on quiet days', () => {
    const snapshots = [
      { day: '2026-11-20', color: 'green' as const, count: 5 },
      { day: '2026-11-20', color: 'red' as const, count: 1 },
      { day: '2026-11-23', color: 'green' as const, count: 4 },
      { day: '2026-11-23', color: 'red' as const, count: 2 },
    ];
    expect(carryForward(snapshots, '2026-11-22', '2026-11-24')).toEqual([
      { date: '2026-11-22', green: 5, yellow: 0, red: 1 },
      { date: '2026-11-23', green: 4, yellow: 0, red: 2 },
      { date: '2026-11-24', green: 4, yellow: 0, red: 2 },
    ]);
  });
  it('starts from zero with no history', () => {
    expect(carryForward([], '2026-11-01', '2026-11-01')).toEqual([{ date: '2026-11-01', green: 0, yellow: 0, red: 0 }]);
  });
});
