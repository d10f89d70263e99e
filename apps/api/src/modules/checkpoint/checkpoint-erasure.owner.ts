import { Injectable, type OnModuleInit } from '@nestjs/common';

import { ResidentDataRegistry } from '../resident-data/resident-data.registry';
import { ScanRepository } from './scan.repository';
import { TracingRequestRepository } from './tracing-request.repository';

/**
 * The resident's checkpoint scans (found through their token links, so before those links go: order 10)
 * and contact tracing requests about them.
 */
@Injectable()
export class CheckpointErasureOwner implements OnModuleInit {
  constructor(
    private readonly registry: ResidentDataRegistry,
    private readonly scans: ScanRepository,
    private readonly tracing: TracingRequestRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerErasure({
      kind: 'scans',
      order: 10,
      holds: [
        {
          table: 'checkpoint_scans',
          column: 'code_id',
          action: 'delete',
          note: 'scans of every token linked to the resident',
        },
      ],
      erase: async (manager, residentId) => ({ count: await this.scans.deleteForResident(manager, residentId) }),
    });
    this.registry.registerErasure({
      kind: 'tracingRequests',
      holds: [{ table: 'contact_tracing_requests', column: 'resident_id', action: 'delete' }],
      erase: async (manager, residentId) => ({ count: await this.tracing.deleteForResident(manager, residentId) }),
    });
  }
}
