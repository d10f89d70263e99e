import type { Queue } from 'bull';

import type { AppConfig } from '../../config/app-config';
import type { Clock } from '../clock/clock';
import { RescoreDispatcher } from './rescore-dispatcher.service';
import type { RescoreRunRepository } from './rescore-run.repository';

describe('RescoreDispatcher.tick', () => {
  it('runs once more when called during a pass, so a nudge for a run committed meanwhile is not dropped', async () => {
    let release: () => void = () => undefined;
    const firstPass = new Promise<void>((r) => (release = r));
    const open = jest
      .fn()
      .mockImplementationOnce(async () => {
        await firstPass;
        return [];
      })
      .mockResolvedValue([]);
    const dispatcher = new RescoreDispatcher(
      { open } as unknown as RescoreRunRepository,
      {} as Queue,
      { rescore: { pollMs: 60_000, rangeSize: 50 } } as AppConfig,
      { now: () => new Date('2026-12-07T00:00:00Z') } as Clock,
    );
    const first = dispatcher.tick();
    // Two calls while the first pass waits on the outbox read: they share one more pass after it.
    const during = [dispatcher.tick(), dispatcher.tick()];
    await new Promise((r) => setTimeout(r, 10));
    expect(open).toHaveBeenCalledTimes(1);
    release();
    await first;
    await Promise.all(during);
    expect(open).toHaveBeenCalledTimes(2);
    await dispatcher.tick();
    expect(open).toHaveBeenCalledTimes(3);
  });

  it('a call waits for at most two passes, however often the poll calls meanwhile', async () => {
    let passes = 0;
    const open = jest.fn(async () => {
      passes++;
      await new Promise((r) => setTimeout(r, 20));
      return [];
    });
    const dispatcher = new RescoreDispatcher(
      { open } as unknown as RescoreRunRepository,
      {} as Queue,
      { rescore: { pollMs: 60_000, rangeSize: 50 } } as AppConfig,
      { now: () => new Date('2026-12-07T00:00:00Z') } as Clock,
    );
    const nudge = dispatcher.tick();
    // A poll every 5 ms, for as long as the test runs: the nudge must still finish, after its own pass.
    const poll = setInterval(() => void dispatcher.tick(), 5);
    try {
      await nudge;
      expect(passes).toBe(1);
      // A call during a pass waits for the pass after it, not for the poll to stop.
      await new Promise((r) => setTimeout(r, 5));
      const late = dispatcher.tick();
      const before = passes;
      await late;
      expect(passes - before).toBeLessThanOrEqual(2);
    } finally {
      clearInterval(poll);
    }
  });
});
