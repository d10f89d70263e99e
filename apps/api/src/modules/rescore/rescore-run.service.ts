import { ApiErrorCode, type RescoreRunResponse } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { DomainException } from '../../common/domain.exception';
import { isUuid } from '../../database/uuid-binary.transformer';
import { Clock } from '../clock/clock';
import { mergePreview, type PreviewSlice } from './preview-tally.util';
import { runProgress } from './rescore-progress.util';
import { type NewRun, RescoreRunRepository } from './rescore-run.repository';

/** Producer side of the outbox (called inside the transaction of the change) and the progress read model. */
@Injectable()
export class RescoreRunService {
  constructor(
    private readonly runs: RescoreRunRepository,
    private readonly clock: Clock,
  ) {}

  /** Must be called with the manager of the transaction that writes the change itself. */
  enqueue(m: EntityManager, run: NewRun): Promise<string> {
    return this.runs.insert(m, run, this.clock.now());
  }

  async view(id: string): Promise<RescoreRunResponse> {
    const run = isUuid(id) ? await this.runs.find(id) : null;
    if (!run) throw new DomainException(ApiErrorCode.NotFound, 'No such re-scoring run');
    const p = await this.runs.progress(run.id);
    const now = this.clock.now();
    const done = run.finishedAt ? run.total : Math.min(p.done, run.total);
    const progress = runProgress(done, run.total, run.dispatchedAt, now, run.finishedAt);
    const state = run.finishedAt ? 'finished' : run.dispatchedAt ? (p.rangesDone > 0 ? 'running' : 'queued') : 'scheduled';
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
      ranges: p.ranges,
      rangesDone: p.rangesDone,
    };
    if (run.kind === 'preview' && run.finishedAt) response.preview = mergePreview((await this.runs.results(run.id)) as PreviewSlice[]);
    return response;
  }
}
