import {
  type CheckpointAdmissionRequest,
  ApiErrorCode,
  CHECKPOINT_STATS_MAX_DAYS,
  type CheckpointCreateRequest,
  type CheckpointListQuery,
  type CheckpointResponse,
  type CheckpointStatsQuery,
  type CheckpointStatsResponse,
  type DeviceCredentialIssued,
  type DeviceCredentialSummary,
  SCAN_REJECTIONS,
} from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { isUuid, newId } from '../../database/uuid-binary.transformer';
import { staffActor } from '../audit/audit-actor.util';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../auth/session-token.service';
import { Clock } from '../clock/clock';
import { hourlyBuckets } from './checkpoint-stats.util';
import type { CheckpointEntity } from './checkpoint.entity';
import { CheckpointRepository } from './checkpoint.repository';
import { DeviceAuthService } from './device-auth.service';
import type { DeviceCredentialEntity } from './device-credential.entity';
import { deviceAuthorization, generateDeviceSecret, hashDeviceSecret } from './device-secret.util';
import { assertInScope, narrowPrefix } from '../security/region-scope.util';
import { ScanRepository } from './scan.repository';

const DAY_MS = 86_400_000;
const REJECTED = new Set<string>([...SCAN_REJECTIONS, 'wrong-checkpoint']);

/** The checkpoint registry and device credentials, for region and system administrators within their scope. */
@Injectable()
export class CheckpointService {
  constructor(
    private readonly registry: CheckpointRepository,
    private readonly scans: ScanRepository,
    private readonly deviceAuth: DeviceAuthService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(staff: StaffPrincipal, input: CheckpointCreateRequest): Promise<CheckpointResponse> {
    assertInScope(staff, input.region, 'This checkpoint');
    const row: CheckpointEntity = {
      id: newId(),
      ...input,
      peerAdmits: input.peerAdmits ?? null,
      disabled: false,
      createdBy: staff.staffId,
      createdAt: this.clock.now(),
    };
    await this.registry.insert(row);
    await this.audit.record({
      actor: staffActor(staff),
      action: 'checkpoint.created',
      target: { type: 'checkpoint', id: row.id },
      region: row.region,
      details: { kind: row.kind, admits: row.admits, peerAdmits: row.peerAdmits },
    });
    return view(row);
  }

  async list(staff: StaffPrincipal, query: CheckpointListQuery): Promise<{ items: CheckpointResponse[] }> {
    const rows = await this.registry.list(
      narrowPrefix(staff.regionScope, query.region),
      query.includeDisabled === 'true',
    );
    return { items: rows.map(view) };
  }

  async disable(staff: StaffPrincipal, id: string): Promise<CheckpointResponse> {
    const row = await this.inScope(staff, id);
    if (!row.disabled) {
      await this.registry.setDisabled(id, true);
      this.deviceAuth.forget({ checkpointId: id });
      await this.audit.record({
        actor: staffActor(staff),
        action: 'checkpoint.disabled',
        target: { type: 'checkpoint', id },
        region: row.region,
      });
    }
    return view({ ...row, disabled: true });
  }

  /**
   * Changes which colours pass, of this deployment's codes and of trusted peers'. Devices pick the new policy up at
   * once (their cached checkpoint is dropped); the change and its audit entry commit together.
   */
  async setAdmission(
    staff: StaffPrincipal,
    id: string,
    input: CheckpointAdmissionRequest,
  ): Promise<CheckpointResponse> {
    const found = await this.inScope(staff, id);
    const updated = await this.registry.transaction(async (m) => {
      const row = await this.registry.lock(m, found.id);
      if (!row) throw new DomainException(ApiErrorCode.NotFound, 'No such checkpoint');
      await this.registry.setAdmission(m, row.id, input.admits, input.peerAdmits);
      await this.audit.record(
        {
          actor: staffActor(staff),
          action: 'checkpoint.admission-changed',
          target: { type: 'checkpoint', id: row.id },
          region: row.region,
          details: {
            from: { admits: row.admits, peerAdmits: row.peerAdmits },
            to: { admits: input.admits, peerAdmits: input.peerAdmits },
          },
        },
        m,
      );
      return { ...row, admits: input.admits, peerAdmits: input.peerAdmits };
    });
    this.deviceAuth.forget({ checkpointId: id });
    return view(updated);
  }

  /** The secret is returned once and never again: only its hash is stored. */
  async issueDevice(staff: StaffPrincipal, checkpointId: string, label: string): Promise<DeviceCredentialIssued> {
    const checkpoint = await this.inScope(staff, checkpointId);
    const secret = generateDeviceSecret();
    const row: DeviceCredentialEntity = {
      id: newId(),
      checkpointId,
      label,
      secretHash: hashDeviceSecret(secret),
      createdBy: staff.staffId,
      createdAt: this.clock.now(),
      revokedAt: null,
    };
    await this.registry.insertDevice(row);
    await this.audit.record({
      actor: staffActor(staff),
      action: 'device.issued',
      target: { type: 'device', id: row.id },
      region: checkpoint.region,
      details: { checkpointId },
    });
    return { ...deviceView(row), secret, authorization: deviceAuthorization(row.id, secret) };
  }

  async listDevices(staff: StaffPrincipal, checkpointId: string): Promise<{ items: DeviceCredentialSummary[] }> {
    await this.inScope(staff, checkpointId);
    return { items: (await this.registry.listDevices(checkpointId)).map(deviceView) };
  }

  async revokeDevice(
    staff: StaffPrincipal,
    checkpointId: string,
    credentialId: string,
  ): Promise<DeviceCredentialSummary> {
    const checkpoint = await this.inScope(staff, checkpointId);
    const device = isUuid(credentialId) ? await this.registry.findDevice(credentialId) : null;
    if (!device || device.checkpointId !== checkpointId)
      throw new DomainException(ApiErrorCode.NotFound, 'No such device credential at this checkpoint');
    if (device.revokedAt) return deviceView(device);
    const at = this.clock.now();
    await this.registry.revokeDevice(credentialId, at);
    this.deviceAuth.forget({ credentialId });
    await this.audit.record({
      actor: staffActor(staff),
      action: 'device.revoked',
      target: { type: 'device', id: credentialId },
      region: checkpoint.region,
      details: { checkpointId },
    });
    return deviceView({ ...device, revokedAt: at });
  }

  /** Counts by result for one checkpoint (default: the last 24 hours). Nothing per person. */
  async stats(
    staff: StaffPrincipal,
    checkpointId: string,
    query: CheckpointStatsQuery,
  ): Promise<CheckpointStatsResponse> {
    await this.inScope(staff, checkpointId);
    const to = query.to ? new Date(query.to) : new Date(this.clock.now().getTime() + 1);
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DAY_MS);
    if (!(from < to) || to.getTime() - from.getTime() > CHECKPOINT_STATS_MAX_DAYS * DAY_MS)
      throw new DomainException(
        ApiErrorCode.ValidationFailed,
        `Statistics cover a range of at most ${CHECKPOINT_STATS_MAX_DAYS} days, with from before to`,
      );
    const byReason = await this.scans.countByReason(checkpointId, from, to);
    const byHour = await this.scans.countByHour(checkpointId, from, to);
    const count = (test: (reason: string) => boolean) =>
      Object.entries(byReason).reduce((n, [reason, c]) => n + (test(reason) ? c : 0), 0);
    return {
      checkpointId,
      from: from.toISOString(),
      to: to.toISOString(),
      total: count(() => true),
      admitted: count((r) => r === 'admitted'),
      notAdmitted: count((r) => r === 'color-not-admitted'),
      rejected: count((r) => REJECTED.has(r)),
      byReason,
      hourly: hourlyBuckets(from, to, byHour),
    };
  }

  private async inScope(staff: StaffPrincipal, id: string): Promise<CheckpointEntity> {
    const row = isUuid(id) ? await this.registry.find(id) : null;
    if (!row) throw new DomainException(ApiErrorCode.NotFound, 'No such checkpoint');
    assertInScope(staff, row.region, 'This checkpoint');
    return row;
  }
}

function view(row: CheckpointEntity): CheckpointResponse {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    region: row.region,
    place: row.place,
    admits: row.admits,
    peerAdmits: row.peerAdmits ?? null,
    disabled: Boolean(row.disabled),
    createdAt: row.createdAt.toISOString(),
  };
}

function deviceView(row: DeviceCredentialEntity): DeviceCredentialSummary {
  return {
    id: row.id,
    checkpointId: row.checkpointId,
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
