import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';

import { NotificationModule } from '../notification/notification.module';
import { FactCorrectionRepository } from '../override/fact-correction.repository';
import { APPEALS_QUEUE } from '../queue/queue-names.constant';
import { AppealAssignmentService } from './appeal-assignment.service';
import { AppealDeadlineProcessor } from './appeal-deadline.processor';
import { AppealDeadlineService } from './appeal-deadline.service';
import { AppealDecisionService } from './appeal-decision.service';
import { AppealErasure } from './appeal-erasure.service';
import { AppealFilingService } from './appeal-filing.service';
import { AppealRetentionPurger } from './appeal-retention.purger';
import { AppealReviewService } from './appeal-review.service';
import { AppealStatsController } from './appeal-stats.controller';
import { AppealStatsService } from './appeal-stats.service';
import { AppealWorkflow } from './appeal-workflow.service';
import { AppealRepository } from './appeal.repository';
import { EvidenceStore } from './evidence-store.service';
import { ResidentAppealController } from './resident-appeal.controller';
import { StaffAppealController } from './staff-appeal.controller';

const SERVICES = [
  AppealAssignmentService,
  AppealDeadlineService,
  AppealDecisionService,
  AppealErasure,
  AppealFilingService,
  AppealRepository,
  AppealRetentionPurger,
  AppealReviewService,
  AppealStatsService,
  AppealWorkflow,
  EvidenceStore,
  FactCorrectionRepository,
];

/** Appeals over HTTP. Needs `BullModule.forRoot` and `CoreModule` above it. */
@Module({
  imports: [NotificationModule, BullModule.registerQueue({ name: APPEALS_QUEUE })],
  controllers: [ResidentAppealController, StaffAppealController, AppealStatsController],
  providers: SERVICES,
  exports: SERVICES,
})
export class AppealModule {}

/** The worker's side: deadline jobs. */
@Module({
  imports: [AppealModule, BullModule.registerQueue({ name: APPEALS_QUEUE })],
  providers: [AppealDeadlineProcessor],
})
export class AppealWorkerModule {}
