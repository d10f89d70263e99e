import { cstDate } from '@healthcode/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';

import { Clock } from '../clock/clock';
import { ColorCountsRepository } from '../color-counts/color-counts.repository';
import { ResidentDataRegistry } from '../resident-data/resident-data.registry';
import { CodeRepository } from './code.repository';

/** The stored code and its colour history. Today's colour counts drop the resident; past daily counts are anonymous. */
@Injectable()
export class CodeErasureOwner implements OnModuleInit {
  constructor(
    private readonly registry: ResidentDataRegistry,
    private readonly codes: CodeRepository,
    private readonly counts: ColorCountsRepository,
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
        const code = await this.codes.findForUpdate(manager, residentId);
        const deleted = await this.codes.deleteForResident(manager, residentId);
        if (code)
          await this.counts.move(manager, { region: code.region, color: code.color }, null, cstDate(this.clock.now()));
        const unlinked = await this.codes.unlinkActor(manager, residentId);
        return { count: deleted.codes + deleted.history + unlinked };
      },
    });
  }
}
