import {
  ApiErrorCode,
  type TracingDecision,
  type TracingRequestCreate,
  type TracingRequestListQuery,
  type TracingRequestResponse,
  type TracingScan,
} from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { isUuid, newId } from '../../database/uuid-binary.transformer';
import { AccessLogRepository } from '../access-log/access-log.repository';
import { staffActor } from '../audit/audit-actor.util';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../auth/session-token.service';
import { Clock } from '../clock/clock';
import { FactsRepository } from '../code/facts.repository';
import { ResidentRepository } from '../resident/resident.repository';
import { assertInScope, isInScope } from '../security/region-scope.util';
import { assertMayDecide } from '../security/staff-decision.util';
import { ScanRepository } from './scan.repository';
import type { TracingRequestEntity } from './tracing-request.entity';
import { TracingRequestRepository } from './tracing-request.repository';

/**
 * Contact tracing: the one exception to "staff cannot list scans by person". A hotline agent or supervisor
 * asks for one confirmed case's scans; a different supervisor approves; each read is audited and written
 * to the resident's own access log.
 */
@Injectable()
export class TracingService {
  constructor(
    private readonly requests: TracingRequestRepository,
    private readonly residents: ResidentRepository,
    private readonly facts: FactsRepository,
    private readonly scans: ScanRepository,
    private readonly accessLog: AccessLogRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async request(staff: StaffPrincipal, input: TracingRequestCreate): Promise<TracingRequestResponse> {
    const region = await this.confirmedCaseRegion(staff, input.residentId);
    const row: TracingRequestEntity = {
      id: newId(),
      residentId: input.residentId,
      caseReference: input.caseReference,
      justification: input.justification,
      status: 'pending',
      requestedBy: staff.staffId,
      requestedAt: this.clock.now(),
      decidedBy: null,
      decidedAt: null,
      note: null,
    };
    await this.requests.insert(row);
    await this.audit.record({
      actor: staffActor(staff),
      action: 'tracing.requested',
      target: { type: 'tracing-request', id: row.id },
      region,
    });
    return view(row);
  }

  /** Supervisors see every request of their scope; a hotline agent sees the requests they made. */
  async list(staff: StaffPrincipal, query: TracingRequestListQuery): Promise<{ items: TracingRequestResponse[] }> {
    const rows = await this.requests.list({
      status: query.status,
      requestedBy: staff.role === 'supervisor' ? undefined : staff.staffId,
    });
    const visible: TracingRequestEntity[] = [];
    for (const row of rows)
      if (staff.regionScope === '' || isInScope(staff.regionScope, await this.residentRegion(row.residentId)))
        visible.push(row);
    return { items: visible.map(view) };
  }

  async decide(staff: StaffPrincipal, id: string, decision: TracingDecision): Promise<TracingRequestResponse> {
    const row = await this.find(id);
    const region = await this.residentRegion(row.residentId);
    assertInScope(staff, region ?? '', 'This resident');
    assertMayDecide(row, staff);
    const decided = {
      status: decision.approve ? ('approved' as const) : ('rejected' as const),
      decidedBy: staff.staffId,
      decidedAt: this.clock.now(),
      note: decision.note ?? null,
    };
    if (!(await this.requests.decide(id, decided)))
      throw new DomainException(ApiErrorCode.IllegalTransition, 'This request was decided meanwhile');
    await this.audit.record({
      actor: staffActor(staff),
      action: decision.approve ? 'tracing.approved' : 'tracing.rejected',
      target: { type: 'tracing-request', id },
      region,
    });
    return view({ ...row, ...decided });
  }

  /** The approved case's scans; the read is audited and shown to the resident in their access log. */
  async scansFor(
    staff: StaffPrincipal,
    id: string,
  ): Promise<{ request: TracingRequestResponse; items: TracingScan[] }> {
    const row = await this.find(id);
    if (row.status !== 'approved')
      throw new DomainException(ApiErrorCode.Forbidden, 'Scans are shown only for an approved request');
    if (staff.staffId !== row.requestedBy && staff.staffId !== row.decidedBy)
      throw new DomainException(
        ApiErrorCode.Forbidden,
        'Only the requester or the approving supervisor can read these scans',
      );
    const region = await this.residentRegion(row.residentId);
    assertInScope(staff, region ?? '', 'This resident');
    const scans = await this.scans.listForResident(row.residentId);
    await this.accessLog.append({
      residentId: row.residentId,
      staffId: staff.staffId,
      role: staff.role,
      purpose: `contact tracing (case ${row.caseReference})`.slice(0, 128),
      scope: 'scans',
      at: this.clock.now(),
    });
    await this.audit.record({
      actor: staffActor(staff),
      action: 'tracing.read',
      target: { type: 'tracing-request', id },
      region,
      details: { scans: scans.length },
    });
    return {
      request: view(row),
      items: scans.map((s) => ({
        checkpointId: s.checkpointId,
        checkpointName: s.name,
        place: s.place,
        region: s.region,
        scannedAt: s.scannedAt.toISOString(),
        color: s.color,
        admitted: s.admitted,
      })),
    };
  }

  private async find(id: string): Promise<TracingRequestEntity> {
    const row = isUuid(id) ? await this.requests.find(id) : null;
    if (!row) throw new DomainException(ApiErrorCode.NotFound, 'No such contact-tracing request');
    return row;
  }

  /** Only a resident with a confirmed-case fact from the health authority can be traced. */
  private async confirmedCaseRegion(staff: StaffPrincipal, residentId: string): Promise<string> {
    const resident = await this.residents.findActive(residentId);
    if (!resident) throw new DomainException(ApiErrorCode.NotFound, 'No such resident');
    const region = resident.currentRegion ?? resident.homeRegion ?? '';
    assertInScope(staff, region, 'This resident');
    const facts = resident.idHmac ? await this.facts.forIdHmac(resident.idHmac) : [];
    if (!facts.some((f) => f.kind === 'case')) {
      throw new DomainException(
        ApiErrorCode.Forbidden,
        'Contact tracing is only for a confirmed case reported by the health authority',
      );
    }
    return region;
  }

  private async residentRegion(residentId: string): Promise<string | null> {
    const resident = await this.residents.findActive(residentId);
    return resident ? (resident.currentRegion ?? resident.homeRegion ?? null) : null;
  }
}

function view(row: TracingRequestEntity): TracingRequestResponse {
  return {
    id: row.id,
    residentId: row.residentId,
    caseReference: row.caseReference,
    justification: row.justification,
    status: row.status,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt.toISOString(),
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    note: row.note,
  };
}
