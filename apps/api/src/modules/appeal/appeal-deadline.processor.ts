import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';

import { APPEAL_DEADLINE_JOB, APPEAL_DEADLINE_SWEEP_JOB, APPEALS_QUEUE } from '../queue/queue-names.constant';
import { AppealDeadlineService, type DeadlineJob } from './appeal-deadline.service';
import { AppealRegionHandoverService } from './appeal-region-handover.service';

/** Thin: the service decides whether the deadline was met; any error is rethrown so Bull retries. */
@Processor(APPEALS_QUEUE)
export class AppealDeadlineProcessor {
  constructor(
    private readonly deadlines: AppealDeadlineService,
    private readonly handover: AppealRegionHandoverService,
  ) {}

  @Process(APPEAL_DEADLINE_JOB)
  async check(job: Job<DeadlineJob>): Promise<{ escalated: boolean; supervisorId: string | null }> {
    return this.deadlines.check(job.data);
  }

  @Process(APPEAL_DEADLINE_SWEEP_JOB)
  async sweep(): Promise<number> {
    // Appeals of residents who moved go to the region now responsible (and get an agent there) before deadlines.
    await this.handover.handOverMoved();
    return this.deadlines.sweep();
  }
}
