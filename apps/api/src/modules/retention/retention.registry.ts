import { Injectable } from '@nestjs/common';

import type { RetentionPurger } from './retention-purger.interface';

/** Every kind of record with a retention period. Shared (CoreModule) so any module can register one. */
@Injectable()
export class RetentionRegistry {
  private readonly purgers = new Map<string, RetentionPurger>();

  register(purger: RetentionPurger): void {
    if (this.purgers.has(purger.kind) && this.purgers.get(purger.kind) !== purger) {
      throw new Error(`A retention purger for "${purger.kind}" is already registered`);
    }
    this.purgers.set(purger.kind, purger);
  }

  all(): RetentionPurger[] {
    return [...this.purgers.values()];
  }
}
