import { BullModule, InjectQueue } from '@nestjs/bull';
import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';

import { EVIDENCE_STORAGE_PROVIDER } from '../evidence/evidence-storage.provider';
import { NotificationModule } from '../notification/notification.module';
import { APPEAL_DEADLINE_SWEEP_JOB, APPEALS_QUEUE } from '../queue/queue-names.constant';
import { AppealAssignmentService } from './appeal-assignment.service';
import { AppealDeadlineProcessor } from './appeal-deadline.processor';
import { AppealDeadlineService } from './appeal-deadline.service';
import { AppealDecisionService } from './appeal-decision.service';
import { AppealErasure } from './appeal-erasure.service';
import { AppealFilingService } from './appeal-filing.service';
import { AppealRetentionPurger } from './appeal-retention.purger';
import { AppealPolicyController } from './appeal-policy.controller';
import { AppealRegionHandoverService } from './appeal-region-handover.service';
import { AppealPolicyService } from './appeal-policy.service';
import { AppealReviewService } from './appeal-review.service';
import { AppealStatsController } from './appeal-stats.controller';
import { AppealStatsService } from './appeal-stats.service';
import { AppealWorkflow } from './appeal-workflow.service';
import { AppealRepository } from './appeal.repository';
import { EvidenceStore } from './evidence-store.service';
import { ResidentAppealController } from './resident-appeal.controller';
import { ResidentAppealCategoryController } from './resident-appeal-category.controller';
import { StaffAppealController } from './staff-appeal.controller';

const SERVICES = [
  AppealAssignmentService,
  AppealDeadlineService,
  AppealDecisionService,
  AppealErasure,
  AppealFilingService,
  AppealPolicyService,
  AppealRegionHandoverService,
  AppealRepository,
  AppealRetentionPurger,
  AppealReviewService,
  AppealStatsService,
  AppealWorkflow,
  EvidenceStore,
  EVIDENCE_STORAGE_PROVIDER,
];

/** Appeals over HTTP. Needs `BullModule.forRoot` and `CoreModule` above it. */
@Module({
  imports: [NotificationModule, BullModule.registerQueue({ name: APPEALS_QUEUE })],
  controllers: [
    ResidentAppealController,
    ResidentAppealCategoryController,
    StaffAppealController,
    AppealStatsController,
    AppealPolicyController,
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class AppealModule {}

class DeadlineSweepScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(APPEALS_QUEUE) private readonly queue: Queue) {}

  /** Repeatable jobs are keyed by name and schedule, so every worker may register it: Bull keeps one. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.add(
      APPEAL_DEADLINE_SWEEP_JOB,
      {},
      { repeat: { every: 5 * 60_000 }, jobId: APPEAL_DEADLINE_SWEEP_JOB },
    );
  }
}

/** The worker's side: deadline jobs and the sweep for lost ones. */
@Module({
  imports: [AppealModule, BullModule.registerQueue({ name: APPEALS_QUEUE })],
  providers: [AppealDeadlineProcessor, DeadlineSweepScheduler],
})
export class AppealWorkerModule {}
