import { BullModule, InjectQueue } from '@nestjs/bull';
import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';

import { HostTokenModule } from '../host-token/host-token.module';
import { NOTIFICATIONS_QUEUE, SWEEP_OUTBOX_JOB } from '../queue/queue-names.constant';
import { NotificationErasureOwner } from './notification-erasure.owner';
import { NotificationSender } from './notification-sender.service';
import { NotificationController } from './notification.controller';
import { NotificationProcessor } from './notification.processor';
import { NotificationRepository } from './notification.repository';
import { NotificationService } from './notification.service';

/** Staging and listing notifications (API and worker both stage them). Needs `BullModule.forRoot` above it. */
@Module({
  imports: [BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE })],
  controllers: [NotificationController],
  providers: [NotificationErasureOwner, NotificationRepository, NotificationService],
  exports: [NotificationRepository, NotificationService],
})
export class NotificationModule {}

class OutboxSweepScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue) {}

  /** Repeatable jobs are keyed by name and schedule, so every worker may register it: Bull keeps one. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.add(SWEEP_OUTBOX_JOB, {}, { repeat: { every: 60_000 }, jobId: SWEEP_OUTBOX_JOB });
  }
}

/** The sending side, run by the worker. */
@Module({
  imports: [NotificationModule, HostTokenModule, BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE })],
  providers: [NotificationSender, NotificationProcessor, OutboxSweepScheduler],
})
export class NotificationWorkerModule {}
