import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { Clock } from '../clock/clock';
import { SessionRevocationRepository } from './session-revocation.repository';

/**
 * Ends bearer sessions before they expire. Shared (CoreModule), so any module or job can call it:
 *
 * - `revokeResidentSessions(residentId, manager?)`: every live token of a resident stops working at once.
 *   Call it on erasure, an ID change, a ban, inside the transaction that makes the change, so the change
 *   and the revocation commit together.
 * - `revokeSession(tokenId, expiresAt, manager?)`: one token (a logout).
 *
 * `SessionRevocationGuard` enforces both on every request.
 */
@Injectable()
export class SessionRevocationService {
  constructor(
    private readonly repo: SessionRevocationRepository,
    private readonly clock: Clock,
  ) {}

  /** The epoch a newly issued resident token carries. */
  residentEpoch(residentId: string): Promise<number> {
    return this.repo.residentEpoch(residentId);
  }

  async revokeResidentSessions(residentId: string, manager?: EntityManager): Promise<void> {
    await this.repo.bumpResidentEpoch(manager, residentId, this.clock.now());
  }

  async revokeSession(tokenId: string, expiresAt: Date, manager?: EntityManager): Promise<void> {
    await this.repo.deleteExpired(this.clock.now());
    await this.repo.insertRevoked(manager, tokenId, expiresAt);
  }

  isRevoked(tokenId: string): Promise<boolean> {
    return this.repo.isRevoked(tokenId);
  }
}
