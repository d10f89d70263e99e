import { Injectable, type OnModuleInit } from '@nestjs/common';

import { ResidentDataRegistry } from '../resident-data/resident-data.registry';
import { CareLinkRepository } from './care-link.repository';

/** Erasing either side of a care link unlinks them: the links go (a dependant's own record stays theirs). */
@Injectable()
export class CareErasureOwner implements OnModuleInit {
  constructor(
    private readonly registry: ResidentDataRegistry,
    private readonly links: CareLinkRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerErasure({
      kind: 'careLinks',
      holds: [
        { table: 'care_links', column: 'carer_id', action: 'delete' },
        { table: 'care_links', column: 'dependant_id', action: 'delete' },
      ],
      erase: async (manager, residentId) => ({ count: await this.links.deleteForResident(manager, residentId) }),
    });
  }
}
