import { Injectable, type OnModuleInit } from '@nestjs/common';

import { ResidentDataRegistry } from '../resident-data/resident-data.registry';
import { CodeTokenRepository } from './code-token.repository';

/** The links from token ids to the resident. After the scans that go through them (order 20). */
@Injectable()
export class CodeTokenErasureOwner implements OnModuleInit {
  constructor(
    private readonly registry: ResidentDataRegistry,
    private readonly tokens: CodeTokenRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerErasure({
      kind: 'codeTokens',
      order: 20,
      holds: [{ table: 'code_tokens', column: 'resident_id', action: 'delete' }],
      erase: async (manager, residentId) => ({ count: await this.tokens.deleteForResident(manager, residentId) }),
    });
  }
}
