import type { Clock } from '../../clock/clock';
import { isColorPayload } from '../notification-outbox.entity';
import { notificationText } from '../notification-message.util';
import type { NotificationRepository } from '../notification.repository';
import type { NotificationProvider, OutgoingMessage } from './notification-provider.interface';

/** Development channel: "sending" stores the message for the H5 app (`GET /api/v1/me/notifications`). */
export class DevNotificationProvider implements NotificationProvider {
  readonly channel = 'dev' as const;

  constructor(
    private readonly repo: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    const { title, body } = notificationText(message.payload);
    await this.repo.insertDevMessage({
      residentId: message.residentId,
      outboxId: message.outboxId,
      title,
      body,
      appealNumber: isColorPayload(message.payload) ? null : message.payload.appealNumber,
      at: this.clock.now(),
    });
  }
}
