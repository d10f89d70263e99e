import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Job, Queue } from 'bull';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Clock } from '../clock/clock';
import { RESCORE_QUEUE, RESCORE_RANGE_JOB } from '../queue/queue-names.constant';
import { rangeJobId, rangeSizeFor } from './range-bounds.util';
import type { RangeJobData } from './rescore-range.service';
import { RescoreRunRepository } from './rescore-run.repository';

/** How often a dispatched, unfinished run's missing jobs are re-enqueued (e.g. after Redis lost them). */
const RECHECK_MS = 3_000;

/**
 * Turns outbox rows into Bull jobs. Runs in every worker: cutting ranges locks the run row, and job ids are
 * deterministic, so two dispatchers (or one dispatching twice) never enqueue a range twice. Because completion
 * lives in `rescore_ranges`, re-enqueueing the unfinished ranges rebuilds a queue that Redis lost.
 */
@Injectable()
export class RescoreDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RescoreDispatcher.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  private readonly lastEnqueued = new Map<string, number>();
  private readonly undoneAtLastCheck = new Map<string, number>();

  constructor(
    private readonly runs: RescoreRunRepository,
    @InjectQueue(RESCORE_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.rescore.pollMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * One pass over the open runs. A call that arrives during a pass (an API's nudge for a run committed after the
   * pass read the outbox) is not dropped: it gets one more pass after the current one, shared by every call that
   * arrives meanwhile. Dropping it left that run to the next poll (RESCORE_POLL_MS, a minute by default). Each call
   * waits for at most two passes, so a nudge job always finishes even when the poll keeps calling.
   */
  tick(): Promise<void> {
    if (!this.running) {
      this.running = this.pass().finally(() => (this.running = null));
      return this.running;
    }
    this.next ??= this.running.then(() => {
      this.next = null;
      return this.tick();
    });
    return this.next;
  }

  private async pass(): Promise<void> {
    try {
      const now = this.clock.now();
      for (const run of await this.runs.open(now)) {
        if (!run.rangedAt)
          await this.runs.cutRanges(run.id, rangeSizeFor(run.kind, this.config.rescore.rangeSize), now);
        const last = this.lastEnqueued.get(run.id);
        const undone = await this.runs.undoneRanges(run.id);
        if (undone.length === 0) {
          await this.runs.finish(run.id, this.clock.now());
          this.lastEnqueued.delete(run.id);
          this.undoneAtLastCheck.delete(run.id);
          continue;
        }
        if (run.dispatchedAt && last !== undefined && performance.now() - last < RECHECK_MS) continue;
        // Only a run that made no progress since the last check is searched for stale jobs (one Redis read per range).
        if (run.dispatchedAt && this.undoneAtLastCheck.get(run.id) === undone.length)
          await this.clearStaleJobs(run.id, undone);
        this.undoneAtLastCheck.set(run.id, undone.length);
        // Bull ignores an add whose job id still exists, so only ranges whose job vanished are really added.
        await this.queue.addBulk(
          undone.map((r) => ({
            name: RESCORE_RANGE_JOB,
            data: { runId: run.id, rangeStart: r.rangeStart, rangeEnd: r.rangeEnd } satisfies RangeJobData,
            opts: { jobId: rangeJobId(run.id, r.rangeStart) },
          })),
        );
        this.lastEnqueued.set(run.id, performance.now());
        if (!run.dispatchedAt) {
          await this.runs.markDispatched(run.id, now);
          this.logger.log({ runId: run.id, kind: run.kind, ranges: undone.length }, 'rescore run dispatched');
        }
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'rescore dispatch failed; retrying on the next tick');
    }
  }

  /**
   * Bull ignores an add whose job id exists, so a job left behind for a range that is still undone would block it
   * for good. That happens when Redis loses a job's keys while a worker holds it: the worker's later completion or
   * failure writes into the vanished hash and re-creates it without its name, and Bull then fails it with "Missing
   * process handler for job type __default__" (seen in the Redis-loss fault test). It also happens when the keys are
   * lost part by part (a flush racing a re-add): the job's hash survives while the list that held it is gone, so the
   * job sits in no list ("stuck") and no worker ever sees it (seen in the fresh-clone CI: 33 of 40 ranges done, no
   * job queued, for 90 s). Such a job, or a completed one whose range the database says is undone, is removed so the
   * add below re-creates it. A range job that really failed all its attempts is left for an operator (the
   * re-score-stuck alert), not retried in a loop. Removing a job a worker is just taking is harmless: Bull refuses to
   * remove a locked job, and the database lets each range be applied once.
   */
  private async clearStaleJobs(runId: string, undone: readonly { rangeStart: string }[]): Promise<void> {
    for (const range of undone) {
      const job = await this.queue.getJob(rangeJobId(runId, range.rangeStart));
      if (!job) continue;
      if (job.name === RESCORE_RANGE_JOB && !(await isStale(job))) continue;
      await job
        .remove()
        .catch((error: unknown) => this.logger.warn({ runId, err: error }, 'could not clear a stale range job'));
    }
  }
}

/**
 * Completed while its range is undone, or in no list at all. Bull reads a job's state one list at a time, so a job
 * moving from waiting to active can read as "stuck" once: it must read so twice.
 */
async function isStale(job: Job): Promise<boolean> {
  const state = await job.getState();
  if (state === 'completed') return true;
  return state === 'stuck' && (await job.getState()) === 'stuck';
}
