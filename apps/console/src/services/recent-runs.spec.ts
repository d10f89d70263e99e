import { recentRuns, rememberRun } from './recent-runs';

describe('recent runs', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('keeps the newest ten, newest first, once each', () => {
    for (let i = 0; i < 12; i++) rememberRun(`run-${i}`, `label ${i}`, new Date(Date.UTC(2026, 10, 20, 0, i)));
    rememberRun('run-11', 'again', new Date(Date.UTC(2026, 10, 20, 1)));
    const runs = recentRuns();
    expect(runs).toHaveLength(10);
    expect(runs[0]).toEqual({ id: 'run-11', label: 'again', startedAt: '2026-11-20T01:00:00.000Z' });
    expect(runs.filter((r) => r.id === 'run-11')).toHaveLength(1);
  });

  it('survives garbage in storage', () => {
    window.sessionStorage.setItem('healthcode.console.recent-runs', '{oops');
    expect(recentRuns()).toEqual([]);
  });
});
