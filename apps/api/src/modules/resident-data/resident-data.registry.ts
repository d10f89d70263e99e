import { Injectable } from '@nestjs/common';

import type { ErasureOwner, ResidentDataHolding } from './erasure-owner.interface';
import type { RetentionPurger } from './retention-purger.interface';

/**
 * The one place that knows where residents' data lives. Every module that stores data about a resident
 * registers here: an erasure owner (what `DELETE /me` deletes or anonymises) and, for records with a
 * retention period, a purger (what the worker's retention job deletes). Erasure and retention only ever go
 * through this registry, never to another module's tables. Shared (CoreModule) so any module can register.
 */
@Injectable()
export class ResidentDataRegistry {
  private readonly purgers = new Map<string, RetentionPurger>();
  private readonly owners = new Map<string, ErasureOwner>();

  registerRetention(purger: RetentionPurger): void {
    if (this.purgers.has(purger.kind) && this.purgers.get(purger.kind) !== purger) {
      throw new Error(`A retention purger for "${purger.kind}" is already registered`);
    }
    this.purgers.set(purger.kind, purger);
  }

  registerErasure(owner: ErasureOwner): void {
    const existing = this.owners.get(owner.kind);
    if (existing && existing !== owner) throw new Error(`An erasure owner for "${owner.kind}" is already registered`);
    this.owners.set(owner.kind, owner);
  }

  retention(): RetentionPurger[] {
    return [...this.purgers.values()];
  }

  erasure(): ErasureOwner[] {
    return [...this.owners.values()].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  }

  /** Every (table, column) some owner erases, with the owner's kind. */
  holdings(): (ResidentDataHolding & { kind: string })[] {
    return this.erasure().flatMap((o) => o.holds.map((h) => ({ ...h, kind: o.kind })));
  }
}
