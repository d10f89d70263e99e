import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';

import { Clock } from '../clock/clock';
import { NOTIFICATIONS_QUEUE, SEND_NOTIFICATION_JOB, SWEEP_OUTBOX_JOB } from '../queue/queue-names.constant';
import { NotificationSender, STALE_CLAIM_MS } from './notification-sender.service';
import { NotificationService } from './notification.service';
import { NotificationRepository } from './notification.repository';

/** Rows pending longer than this lost their job (Redis was down when the step committed). */
const SWEEP_AFTER_MS = 2 * 60_000;

/** Thin: the sender decides between sent, discarded (permanent refusal) and retry (rethrow). */
@Processor(NOTIFICATIONS_QUEUE)
export class NotificationProcessor {
  private readonly logger = new Logger(NotificationProcessor.name);

  constructor(
    private readonly sender: NotificationSender,
    private readonly notifications: NotificationService,
    private readonly repo: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  @Process({ name: SEND_NOTIFICATION_JOB, concurrency: 4 })
  async send(job: Job<{ outboxId: string }>): Promise<string> {
    const attempt = job.attemptsMade + 1;
    try {
      return await this.sender.deliver(job.data.outboxId, attempt, attempt >= (job.opts.attempts ?? 1));
    } catch (error) {
      this.logger.warn(
        { outboxId: job.data.outboxId, attempt, err: (error as Error).message },
        'notification send failed',
      );
      throw error;
    }
  }

  @Process(SWEEP_OUTBOX_JOB)
  async sweep(): Promise<number> {
    const now = this.clock.now();
    const ids = await this.repo.pendingSince(
      new Date(now.getTime() - SWEEP_AFTER_MS),
      now,
      500,
      new Date(now.getTime() - STALE_CLAIM_MS),
    );
    await this.notifications.dispatch(ids);
    return ids.length;
  }
}
