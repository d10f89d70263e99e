import { Injectable, type OnModuleInit } from '@nestjs/common';

import { ResidentDataRegistry } from '../resident-data/resident-data.registry';
import { AccessLogRepository } from './access-log.repository';

/** The log of staff reads exists for the resident; it goes with them (the audit log keeps staff actions). */
@Injectable()
export class AccessLogErasureOwner implements OnModuleInit {
  constructor(
    private readonly registry: ResidentDataRegistry,
    private readonly accessLog: AccessLogRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerErasure({
      kind: 'accessLog',
      holds: [
        { table: 'access_log', column: 'resident_id', action: 'delete' },
        {
          table: 'access_log',
          column: 'actor_resident_id',
          action: 'keep-unlinked',
          note: 'a carer’s actions stay in their dependants’ logs, without the carer',
        },
      ],
      erase: async (manager, residentId) => ({
        count:
          (await this.accessLog.deleteForResident(manager, residentId)) +
          (await this.accessLog.unlinkActor(manager, residentId)),
      }),
    });
  }
}
