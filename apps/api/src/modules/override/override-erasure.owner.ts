import { Injectable, type OnModuleInit } from '@nestjs/common';

import { ResidentDataRegistry } from '../resident-data/resident-data.registry';
import { FactCorrectionRepository } from './fact-correction.repository';
import { StaffOverrideRepository } from './staff-override.repository';

/** Staff overrides of the resident's colour and corrections of facts about them. */
@Injectable()
export class OverrideErasureOwner implements OnModuleInit {
  constructor(
    private readonly registry: ResidentDataRegistry,
    private readonly overrides: StaffOverrideRepository,
    private readonly corrections: FactCorrectionRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerErasure({
      kind: 'overrides',
      holds: [{ table: 'staff_overrides', column: 'resident_id', action: 'delete' }],
      erase: async (manager, residentId) => ({ count: await this.overrides.deleteForResident(manager, residentId) }),
    });
    this.registry.registerErasure({
      kind: 'factCorrections',
      holds: [{ table: 'fact_corrections', column: 'resident_id', action: 'delete' }],
      erase: async (manager, residentId) => ({ count: await this.corrections.deleteForResident(manager, residentId) }),
    });
  }
}
