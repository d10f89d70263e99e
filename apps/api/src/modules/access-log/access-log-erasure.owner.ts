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
      holds: [{ table: 'access_log', column: 'resident_id', action: 'delete' }],
      erase: async (manager, residentId) => ({ count: await this.accessLog.deleteForResident(manager, residentId) }),
    });
  }
}
