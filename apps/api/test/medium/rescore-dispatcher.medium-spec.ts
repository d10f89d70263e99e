import 'reflect-metadata';

import { BullModule, getQueueToken } from '@nestjs/bull';
import { type INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bull';

import { RESCORE_QUEUE } from '../../src/modules/queue/queue-names.constant';
import { rangeJobId } from '../../src/modules/rescore/range-bounds.util';
import { RescoreDispatcher } from '../../src/modules/rescore/rescore-dispatcher.service';
import { RescoreRunRepository } from '../../src/modules/rescore/rescore-run.repository';
import { createRescoreContext, type RescoreContext } from '../utils/rescore-context';
import { FakeClock } from '../utils/test-app';

const RESIDENTS = 25;
const RANGE_SIZE = 10;
/** The dispatcher re-checks a dispatched run at most every 3 s (RECHECK_MS); a little more, on a busy machine. */
const AFTER_RECHECK_MS = 3_300;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The dispatcher on a real database and Redis, with no processor: what it leaves in the queue is what a worker
 * would find. Covers how a queue that Redis lost part by part is rebuilt from `rescore_ranges`.
 */
describe('RescoreDispatcher (medium)', () => {
  let app: INestApplicationContext;
  let ctx: RescoreContext;
  let queue: Queue;
  let runs: RescoreRunRepository;
  let dispatcher: RescoreDispatcher;
  const clock = new FakeClock();

  beforeAll(async () => {
    ctx = await createRescoreContext({
      residents: RESIDENTS,
      clock,
      // The poll timer is pushed out of the way: the test calls `tick()` itself.
      env: { RESCORE_RANGE_SIZE: String(RANGE_SIZE), RESCORE_POLL_MS: '60000' },
      imports: [BullModule.registerQueue({ name: RESCORE_QUEUE })],
      providers: [RescoreDispatcher],
    });
    app = ctx.app;
    queue = app.get<Queue>(getQueueToken(RESCORE_QUEUE));
    runs = app.get(RescoreRunRepository);
    dispatcher = app.get(RescoreDispatcher);
  }, 120_000);

  afterAll(async () => {
    await ctx?.close();
  });

  async function newRun(): Promise<{ runId: string; jobIds: string[] }> {
    const runId = await runs.transaction((m) =>
      runs.insert(
        m,
        {
          kind: 'publish',
          cause: 'rules-published',
          causeRef: `rules:${Date.now()}`,
          importId: null,
          payload: null,
          availableAt: clock.now(),
          createdBy: null,
        },
        clock.now(),
      ),
    );
    await dispatcher.tick();
    const undone = await runs.undoneRanges(runId);
    return { runId, jobIds: undone.map((r) => rangeJobId(runId, r.rangeStart)) };
  }

  const states = async (jobIds: string[]) =>
    Promise.all(jobIds.map(async (id) => (await queue.getJob(id))?.getState() ?? 'missing'));

  it('re-adds a range job whose hash survived while the wait list holding it was lost', async () => {
    const { jobIds } = await newRun();
    expect(jobIds).toHaveLength(Math.ceil(RESIDENTS / RANGE_SIZE));
    expect(await states(jobIds)).toEqual(jobIds.map(() => 'waiting'));

    // A flush that deleted the wait list but not (yet) the job hashes: the jobs sit in no list, so no worker sees
    // them, and Bull ignores a re-add because their ids still exist.
    await queue.client.del(queue.toKey('wait'));
    expect(await states(jobIds)).toEqual(jobIds.map(() => 'stuck'));

    // First check after the loss: no progress is noted. Second check: still none, so the stale jobs are searched.
    await sleep(AFTER_RECHECK_MS);
    await dispatcher.tick();
    await sleep(AFTER_RECHECK_MS);
    await dispatcher.tick();
    expect(await states(jobIds)).toEqual(jobIds.map(() => 'waiting'));
  }, 30_000);

  it('leaves a waiting job alone: it is not removed and re-added while it waits', async () => {
    const { jobIds } = await newRun();
    const before = await Promise.all(jobIds.map(async (id) => (await queue.getJob(id))!.timestamp));
    await sleep(AFTER_RECHECK_MS);
    await dispatcher.tick();
    await sleep(AFTER_RECHECK_MS);
    await dispatcher.tick();
    expect(await states(jobIds)).toEqual(jobIds.map(() => 'waiting'));
    expect(await Promise.all(jobIds.map(async (id) => (await queue.getJob(id))!.timestamp))).toEqual(before);
  }, 30_000);
});
