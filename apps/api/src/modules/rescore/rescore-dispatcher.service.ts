import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bull';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Clock } from '../clock/clock';
import { RESCORE_QUEUE, RESCORE_RANGE_JOB } from '../queue/queue-names.constant';
import { rangeJobId } from './range-bounds.util';
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
        if (!run.rangedAt) await this.runs.cutRanges(run.id, this.config.rescore.rangeSize, now);
        const last = this.lastEnqueued.get(run.id);
        const undone = await this.runs.undoneRanges(run.id);
        if (undone.length === 0) {
          await this.runs.finish(run.id, this.clock.now());
          this.lastEnqueued.delete(run.id);
          continue;
        }
        if (run.dispatchedAt && last !== undefined && performance.now() - last < RECHECK_MS) continue;
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
}
