import { Injectable, type OnModuleInit } from '@nestjs/common';

import { Clock } from '../clock/clock';
import { ResidentDataRegistry } from '../resident-data/resident-data.registry';
import { CodeRepository } from './code.repository';
import { CodeWriter } from './code-writer.service';

/** The stored code and its colour history. Today's colour counts drop the resident; past daily counts are anonymous. */
@Injectable()
export class CodeErasureOwner implements OnModuleInit {
  constructor(
    private readonly registry: ResidentDataRegistry,
    private readonly codes: CodeRepository,
    private readonly writer: CodeWriter,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.registerErasure({
      kind: 'code',
      holds: [
        { table: 'resident_codes', column: 'resident_id', action: 'delete' },
        { table: 'code_history', column: 'resident_id', action: 'delete' },
        {
          table: 'code_history',
          column: 'actor_resident_id',
          action: 'keep-unlinked',
          note: 'a change a carer caused stays in the dependant’s history, without the carer',
        },
      ],
      erase: async (manager, residentId) => {
        // Through the code writer, so the colour counters move as on every other code write.
        const deleted = await this.writer.remove(manager, residentId, this.clock.now());
        const unlinked = await this.codes.unlinkActor(manager, residentId);
        return { count: deleted.codes + deleted.history + unlinked };
      },
    });
  }
}
