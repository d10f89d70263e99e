import { runProgress } from './rescore-progress.util';

describe('runProgress', () => {
  const t0 = new Date('2026-01-01T00:00:00Z');
  it('computes the rate and the time left', () => {
    expect(runProgress(500, 2000, t0, new Date(t0.getTime() + 5000))).toEqual({
      done: 500,
      total: 2000,
      rate: 100,
      etaSeconds: 15,
    });
  });
  it('has no ETA before anything is done and zero once finished', () => {
    expect(runProgress(0, 10, null, t0).etaSeconds).toBeNull();
    expect(runProgress(10, 10, t0, new Date(t0.getTime() + 2000), new Date(t0.getTime() + 1000))).toEqual({
      done: 10,
      total: 10,
      rate: 10,
      etaSeconds: 0,
    });
  });
});
