import { ApiErrorCode, type Color } from '@healthcode/contracts';
import { Inject, Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { isUuid } from '../../database/uuid-binary.transformer';
import { Clock } from '../clock/clock';
import { CheckpointRepository } from './checkpoint.repository';
import { deviceSecretMatches, parseDeviceAuthorization } from './device-secret.util';
import { SCAN_SETTINGS, type ScanSettings } from './scan-settings.util';
import { ScanRepository } from './scan.repository';
import { type TokenBucket, takeToken } from './token-bucket.util';

/** Revocations and disabling reach every API process within this long (cached lookups expire). */
export const DEVICE_CACHE_TTL_MS = 5_000;

export interface ScanningCheckpoint {
  id: string;
  admits: readonly Color[];
  /** Colours admitted from trusted peers' codes (the checkpoint's `peer_admits`, or `admits` when unset). */
  peerAdmits: readonly Color[];
  disabled: boolean;
}

interface Cached<T> {
  value: T;
  expiresAtMs: number;
}

interface CachedDevice {
  checkpointId: string;
  secretHash: Buffer;
  revoked: boolean;
}

/**
 * Authenticates scanning devices (`Authorization: Device <credentialId>.<secret>`), binds each to its one
 * checkpoint and rate-limits it with an in-process token bucket per credential. Lookups are cached briefly so
 * a scan costs no extra query; timing here is wall-clock (Date.now), not the domain clock.
 */
@Injectable()
export class DeviceAuthService {
  private readonly devices = new Map<string, Cached<CachedDevice | null>>();
  private readonly checkpoints = new Map<string, Cached<ScanningCheckpoint | null>>();
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly registry: CheckpointRepository,
    private readonly scans: ScanRepository,
    private readonly clock: Clock,
    @Inject(SCAN_SETTINGS) private readonly settings: ScanSettings,
  ) {}

  /** Resolves the checkpoint a device may scan for, or throws the refusal. */
  async authorize(authorization: string | undefined, checkpointId: string): Promise<ScanningCheckpoint> {
    const presented = parseDeviceAuthorization(authorization);
    if (!presented)
      throw new DomainException(ApiErrorCode.Unauthenticated, 'Send Authorization: Device <credentialId>.<secret>');
    const device = await this.device(presented.credentialId);
    if (!device || device.revoked || !deviceSecretMatches(presented.secret, device.secretHash)) {
      throw new DomainException(ApiErrorCode.Unauthenticated, 'This device credential is unknown, revoked or wrong');
    }
    const checkpoint = isUuid(checkpointId) ? await this.checkpoint(checkpointId) : null;
    if (!checkpoint) throw new DomainException(ApiErrorCode.NotFound, 'No such checkpoint');
    if (device.checkpointId !== checkpoint.id) {
      await this.scans.insertRefusal(checkpoint.id, 'wrong-checkpoint', this.clock.now());
      throw new DomainException(ApiErrorCode.Forbidden, 'This device credential belongs to another checkpoint');
    }
    if (checkpoint.disabled) throw new DomainException(ApiErrorCode.Forbidden, 'This checkpoint is disabled');
    if (!this.take(presented.credentialId))
      throw new DomainException(ApiErrorCode.TooManyRequests, 'Too many scans from this device: slow down');
    return checkpoint;
  }

  /** Called on revoke/disable so this process stops at once; others follow within DEVICE_CACHE_TTL_MS. */
  forget(ids: { credentialId?: string; checkpointId?: string }): void {
    if (ids.credentialId) this.devices.delete(ids.credentialId);
    if (ids.checkpointId) this.checkpoints.delete(ids.checkpointId);
  }

  private take(credentialId: string): boolean {
    // Elapsed time only (token refill, cache age): a monotonic reading, never a date.
    const now = performance.now();
    let bucket = this.buckets.get(credentialId);
    if (!bucket) {
      bucket = { tokens: this.settings.burst, updatedAtMs: now };
      this.buckets.set(credentialId, bucket);
    }
    return takeToken(bucket, now, this.settings.ratePerSec, this.settings.burst);
  }

  private device(id: string): Promise<CachedDevice | null> {
    return this.cached(this.devices, id, async () => {
      const row = await this.registry.findDevice(id);
      return row
        ? { checkpointId: row.checkpointId, secretHash: row.secretHash, revoked: row.revokedAt !== null }
        : null;
    });
  }

  private checkpoint(id: string): Promise<ScanningCheckpoint | null> {
    return this.cached(this.checkpoints, id, async () => {
      const row = await this.registry.find(id);
      return row
        ? { id: row.id, admits: row.admits, peerAdmits: row.peerAdmits ?? row.admits, disabled: row.disabled }
        : null;
    });
  }

  private async cached<T>(map: Map<string, Cached<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const now = performance.now();
    const hit = map.get(key);
    if (hit && hit.expiresAtMs > now) return hit.value;
    const value = await load();
    if (map.size > 100_000) map.clear();
    map.set(key, { value, expiresAtMs: now + DEVICE_CACHE_TTL_MS });
    return value;
  }
}
