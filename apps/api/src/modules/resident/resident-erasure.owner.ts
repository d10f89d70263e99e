import { Injectable, type OnModuleInit } from '@nestjs/common';

import { Clock } from '../clock/clock';
import { ResidentDataRegistry } from '../resident-data/resident-data.registry';
import { ResidentRepository } from './resident.repository';

/**
 * The resident row itself is anonymised, not deleted: its id stays so a late job naming it finds nothing
 * personal, while every personal field, the HMACs that matched authority feeds and the host account key go.
 * Runs last: other owners may still read the row.
 */
@Injectable()
export class ResidentErasureOwner implements OnModuleInit {
  constructor(
    private readonly registry: ResidentDataRegistry,
    private readonly residents: ResidentRepository,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.registerErasure({
      kind: 'profile',
      order: 100,
      holds: [
        { table: 'residents', column: 'id', action: 'anonymise', note: 'name, ID and phone fields are cleared' },
        { table: 'residents', column: 'host_key', action: 'anonymise', note: 'replaced by a random key' },
        { table: 'residents', column: 'id_hmac', action: 'anonymise' },
        { table: 'residents', column: 'phone_hmac', action: 'anonymise' },
      ],
      erase: async (manager, residentId) => {
        await this.residents.erase(residentId, this.clock.now(), manager);
        return { count: 1 };
      },
    });
  }
}
