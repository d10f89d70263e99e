import { Injectable, type OnModuleInit } from '@nestjs/common';

import { ResidentDataRegistry } from '../resident-data/resident-data.registry';
import { NotificationRepository } from './notification.repository';

/** Staged and sent messages, the resident's host recipient and the dev mailbox. */
@Injectable()
export class NotificationErasureOwner implements OnModuleInit {
  constructor(
    private readonly registry: ResidentDataRegistry,
    private readonly notifications: NotificationRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerErasure({
      kind: 'notifications',
      holds: [
        { table: 'notification_outbox', column: 'resident_id', action: 'delete' },
        { table: 'notification_recipients', column: 'resident_id', action: 'delete' },
        { table: 'dev_messages', column: 'resident_id', action: 'delete' },
      ],
      erase: async (manager, residentId) => ({
        count: await this.notifications.deleteForResident(manager, residentId),
      }),
    });
  }
}
