import { ApiErrorCode, type RescoreRunListResponse, type RescoreRunResponse } from '@healthcode/contracts';
import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import type { EntityManager } from 'typeorm';

import { DomainException } from '../../common/domain.exception';
import { isUuid } from '../../database/uuid-binary.transformer';
import { Clock } from '../clock/clock';
import { RESCORE_DISPATCH_JOB, RESCORE_QUEUE } from '../queue/queue-names.constant';
import { mergePreview, type PreviewSlice } from './preview-tally.util';
import { runProgress } from './rescore-progress.util';
import type { RescoreRunEntity } from './rescore-run.entity';
import { type NewRun, RescoreRunRepository } from './rescore-run.repository';

/** Producer side of the outbox (called inside the transaction of the change) and the progress read model. */
@Injectable()
export class RescoreRunService {
  private readonly logger = new Logger(RescoreRunService.name);

  constructor(
    private readonly runs: RescoreRunRepository,
    @InjectQueue(RESCORE_QUEUE) private readonly queue: Queue,
    private readonly clock: Clock,
  ) {}

  /** Must be called with the manager of the transaction that writes the change itself. */
  enqueue(m: EntityManager, run: NewRun): Promise<string> {
    return this.runs.insert(m, run, this.clock.now());
  }

  /**
   * After the transaction commits: nudges the workers' dispatcher. Best effort and not awaited (a request never
   * waits on Redis): if the nudge is lost, the outbox row is still there and the next poll dispatches it.
   */
  notify(runId: string | null): void {
    if (!runId) return;
    this.queue
      .add(
        RESCORE_DISPATCH_JOB,
        {},
        { jobId: `dispatch:${runId}`, attempts: 1, removeOnComplete: true, removeOnFail: true },
      )
      .catch((error: unknown) =>
        this.logger.warn({ runId, err: error }, 'could not nudge the dispatcher; the outbox poll will pick the run up'),
      );
  }

  /** The newest runs that changed (or are changing) codes, each with its progress. */
  async recent(limit = 20): Promise<RescoreRunListResponse> {
    const runs = await this.runs.recent(limit);
    return { items: await Promise.all(runs.map((run) => this.viewOf(run))) };
  }

  async view(id: string): Promise<RescoreRunResponse> {
    const run = isUuid(id) ? await this.runs.find(id) : null;
    if (!run) throw new DomainException(ApiErrorCode.NotFound, 'No such re-scoring run');
    return this.viewOf(run);
  }

  private async viewOf(run: RescoreRunEntity): Promise<RescoreRunResponse> {
    const p = await this.runs.progress(run.id);
    const now = this.clock.now();
    const done = run.finishedAt ? run.total : Math.min(p.done, run.total);
    const progress = runProgress(done, run.total, run.dispatchedAt, now, run.finishedAt);
    const state = run.finishedAt
      ? 'finished'
      : run.dispatchedAt
        ? p.rangesDone > 0
          ? 'running'
          : 'queued'
        : 'scheduled';
    const response: RescoreRunResponse = {
      id: run.id,
      kind: run.kind,
      causeRef: run.causeRef,
      state,
      availableAt: run.availableAt.toISOString(),
      createdAt: run.createdAt.toISOString(),
      dispatchedAt: run.dispatchedAt?.toISOString() ?? null,
      finishedAt: run.finishedAt?.toISOString() ?? null,
      ...progress,
      changed: p.changed,
      colorChanged: run.kind === 'preview' ? p.changed : p.colorChanged,
      ranges: p.ranges,
      rangesDone: p.rangesDone,
    };
    if (run.kind === 'preview' && run.finishedAt)
      response.preview = mergePreview((await this.runs.results(run.id)) as PreviewSlice[]);
    return response;
  }
}
