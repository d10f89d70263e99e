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
    await dispatcher.tick(); // arrives while the first pass waits on the outbox read
    await dispatcher.tick();
    expect(open).toHaveBeenCalledTimes(1);
    release();
    await first;
    // Two calls during the pass coalesce into one more pass.
    expect(open).toHaveBeenCalledTimes(2);
    await dispatcher.tick();
    expect(open).toHaveBeenCalledTimes(3);
  });
});
