import { Injectable, type OnModuleInit } from '@nestjs/common';

import { ResidentDataRegistry } from '../resident-data/resident-data.registry';
import { SessionRevocationService } from './session-revocation.service';

/**
 * Every live session of the resident ends with the erasure's commit. The epoch row stays (bumped): deleting it
 * would make tokens issued before the erasure valid again.
 */
@Injectable()
export class SessionErasureOwner implements OnModuleInit {
  constructor(
    private readonly registry: ResidentDataRegistry,
    private readonly sessions: SessionRevocationService,
  ) {}

  onModuleInit(): void {
    this.registry.registerErasure({
      kind: 'sessions',
      holds: [
        {
          table: 'resident_session_epochs',
          column: 'resident_id',
          action: 'revoke',
          note: 'the epoch is bumped so every token issued before the erasure is refused',
        },
      ],
      erase: async (manager, residentId) => {
        await this.sessions.revokeResidentSessions(residentId, manager);
        return { count: 1 };
      },
    });
  }
}
