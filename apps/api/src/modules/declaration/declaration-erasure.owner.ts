import { Injectable, type OnModuleInit } from '@nestjs/common';

import { ResidentDataRegistry } from '../resident-data/resident-data.registry';
import { DeclarationRepository } from './declaration.repository';

/** Declarations and daily check-ins: what the resident said about themself goes with them. */
@Injectable()
export class DeclarationErasureOwner implements OnModuleInit {
  constructor(
    private readonly registry: ResidentDataRegistry,
    private readonly declarations: DeclarationRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerErasure({
      kind: 'declarations',
      holds: [{ table: 'declarations', column: 'resident_id', action: 'delete' }],
      erase: async (manager, residentId) => ({
        count: await this.declarations.deleteDeclarationsOf(manager, residentId),
      }),
    });
    this.registry.registerErasure({
      kind: 'checkIns',
      holds: [{ table: 'check_ins', column: 'resident_id', action: 'delete' }],
      erase: async (manager, residentId) => ({ count: await this.declarations.deleteCheckInsOf(manager, residentId) }),
    });
  }
}
