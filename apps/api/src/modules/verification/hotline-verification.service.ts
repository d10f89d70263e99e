import { createHash } from 'node:crypto';

import {
  ApiErrorCode,
  type HotlineVerificationCreate,
  type HotlineVerificationDecision,
  type HotlineVerificationQuery,
  type HotlineVerificationView,
  maskIdNumber,
} from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { DomainException } from '../../common/domain.exception';
import { isUuid, newId } from '../../database/uuid-binary.transformer';
import { AccessLogRepository } from '../access-log/access-log.repository';
import { CareLinkService } from '../care/care-link.service';
import { staffActor } from '../audit/audit-actor.util';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../auth/session-token.service';
import { Clock } from '../clock/clock';
import { CodeService } from '../code/code.service';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { HmacRotationService } from '../hmac-keys/hmac-rotation.service';
import type { HotlineVerificationEntity } from '../identity/hotline-verification.entity';
import { HotlineVerificationRepository } from '../identity/hotline-verification.repository';
import { ResidentRepository } from '../resident/resident.repository';
import { assertInScope, isInScope } from '../security/region-scope.util';
import { assertMayDecide } from '../security/staff-decision.util';
import { IdentityVerificationService } from './identity-verification.service';

const NO_SUCH_REQUEST = 'No such identity verification request';

/**
 * Hotline-assisted verification, for residents whom no host app can verify. An agent checks the resident's papers
 * and files what they checked and why; a supervisor who is not the agent approves (the resident becomes verified,
 * method `hotline`) or refuses. Filing and deciding are each one transaction with their audit entry and an entry
 * in the resident's own access log; nothing about the number leaves as more than its masked form.
 */
@Injectable()
export class HotlineVerificationService {
  constructor(
    private readonly requests: HotlineVerificationRepository,
    private readonly residents: ResidentRepository,
    private readonly verification: IdentityVerificationService,
    private readonly crypto: PiiCryptoService,
    private readonly accessLog: AccessLogRepository,
    private readonly audit: AuditService,
    private readonly codes: CodeService,
    private readonly clock: Clock,
    private readonly hmacs: HmacRotationService,
    private readonly care: CareLinkService,
  ) {}

  async file(staff: StaffPrincipal, input: HotlineVerificationCreate): Promise<HotlineVerificationView> {
    // During a PII_HMAC key rotation the profile moves to the current key version first, as the number is HMACed.
    if (isUuid(input.residentId)) await this.hmacs.alignResident(input.residentId);
    return this.residents.transaction((manager) => this.fileIn(manager, staff, input));
  }

  /** Files a request in the caller's transaction (a hotline care consent creates the resident in the same one). */
  async fileIn(
    manager: EntityManager,
    staff: StaffPrincipal,
    input: HotlineVerificationCreate,
  ): Promise<HotlineVerificationView> {
    const idHmac = this.crypto.hmac('id', `${input.idType}:${input.idNumber}`);
    {
      const resident = isUuid(input.residentId)
        ? await this.residents.findActiveForUpdate(manager, input.residentId)
        : null;
      if (!resident?.consentVersion) throw new DomainException(ApiErrorCode.NotFound, 'No such resident');
      const region = resident.currentRegion ?? resident.homeRegion ?? '';
      assertInScope(staff, region, 'This resident');
      if (!resident.idHmac)
        throw new DomainException(
          ApiErrorCode.ValidationFailed,
          'This resident has not entered an ID number yet: ask them to complete their profile first',
        );
      if (resident.verificationState === 'verified')
        throw new DomainException(ApiErrorCode.IllegalTransition, "This resident's ID number is already verified");
      if (resident.idType !== input.idType || !resident.idHmac.equals(idHmac))
        throw new DomainException(
          ApiErrorCode.VerificationRefused,
          "The number on the document is not the number in the resident's profile: nothing was filed. The resident corrects their profile first.",
        );
      if (await this.requests.pendingFor(manager, resident.id))
        throw new DomainException(
          ApiErrorCode.Conflict,
          'A verification for this resident is already waiting for a supervisor',
        );
      const row: HotlineVerificationEntity = {
        id: newId(),
        residentId: resident.id,
        idType: input.idType,
        idHmac,
        idHmacKid: this.crypto.hmacKeyId,
        idMasked: maskIdNumber(input.idNumber),
        documentType: input.documentType,
        reason: input.reason,
        callRef: input.callRef,
        region,
        status: 'pending',
        requestedBy: staff.staffId,
        requestedAt: this.clock.now(),
        decidedBy: null,
        decidedAt: null,
        note: null,
      };
      await this.requests.insert(manager, row);
      await this.logAccess(manager, staff, row, `identity check filed (hotline call ${row.callRef})`);
      await this.audit.record(
        {
          actor: staffActor(staff),
          action: 'identity.hotline-filed',
          target: { type: 'hotline-verification', id: row.id },
          region,
          details: { documentType: row.documentType, idType: row.idType },
        },
        manager,
      );
      return view(row);
    }
  }

  async list(staff: StaffPrincipal, query: HotlineVerificationQuery): Promise<{ items: HotlineVerificationView[] }> {
    const rows = await this.requests.list(query.status, staff.regionScope);
    return { items: rows.filter((r) => isInScope(staff.regionScope, r.region)).map(view) };
  }

  async decide(
    staff: StaffPrincipal,
    id: string,
    decision: HotlineVerificationDecision,
  ): Promise<HotlineVerificationView> {
    if (!isUuid(id)) throw new DomainException(ApiErrorCode.NotFound, NO_SUCH_REQUEST);
    // The request's and the profile's HMAC are compared: both under the current key version (they move together).
    const filed = await this.requests.find(id);
    if (filed) await this.hmacs.alignResident(filed.residentId);
    const decided = await this.residents.transaction(async (manager) => {
      const row = await this.requests.findForUpdate(manager, id);
      if (!row) throw new DomainException(ApiErrorCode.NotFound, NO_SUCH_REQUEST);
      assertInScope(staff, row.region, 'This resident');
      assertMayDecide(row, staff);
      const fields = {
        status: decision.approve ? ('approved' as const) : ('refused' as const),
        decidedBy: staff.staffId,
        decidedAt: this.clock.now(),
        note: decision.note ?? null,
      };
      if (decision.approve) {
        const resident = await this.residents.findActiveForUpdate(manager, row.residentId);
        if (!resident?.idHmac?.equals(row.idHmac))
          throw new DomainException(
            ApiErrorCode.Conflict,
            "The resident's ID number changed (or the account was erased) since this was filed: refuse it and file a new one",
          );
        if (resident.verificationState === 'verified')
          throw new DomainException(ApiErrorCode.IllegalTransition, "This resident's ID number is already verified");
        // The proof key makes an approval count once, whatever happens to the request row.
        const proofKey = createHash('sha256').update(`hotline\0${row.id}`).digest();
        await this.verification.applyIn(
          manager,
          row.residentId,
          row.idHmac,
          { type: 'verify', method: 'hotline', at: fields.decidedAt },
          proofKey,
        );
        // An adult without a phone who consented to a carer on the call: the link starts with the verification.
        await this.care.confirmHotline(manager, row.residentId, staff.staffId, fields.decidedAt);
      } else {
        await this.care.dropHotline(manager, row.residentId, fields.decidedAt);
      }
      if (!(await this.requests.decide(manager, id, fields)))
        throw new DomainException(ApiErrorCode.IllegalTransition, 'This request was decided meanwhile');
      const next = { ...row, ...fields };
      await this.logAccess(manager, staff, next, `identity check ${next.status} (hotline call ${row.callRef})`);
      await this.audit.record(
        {
          actor: staffActor(staff),
          action: decision.approve ? 'identity.hotline-approved' : 'identity.hotline-refused',
          target: { type: 'hotline-verification', id },
          region: row.region,
          details: { documentType: row.documentType },
        },
        manager,
      );
      return next;
    });
    if (decided.status === 'approved')
      await this.codes.rescoreOne(decided.residentId, 'verified', `verified:hotline:${decided.id}`);
    return view(decided);
  }

  private async logAccess(
    manager: EntityManager,
    staff: StaffPrincipal,
    row: HotlineVerificationEntity,
    purpose: string,
  ): Promise<void> {
    await this.accessLog.append(
      {
        residentId: row.residentId,
        staffId: staff.staffId,
        role: staff.role,
        purpose: purpose.slice(0, 128),
        scope: 'identity',
        at: this.clock.now(),
      },
      manager,
    );
  }
}

function view(row: HotlineVerificationEntity): HotlineVerificationView {
  return {
    id: row.id,
    residentId: row.residentId,
    idType: row.idType as HotlineVerificationView['idType'],
    idNumberMasked: row.idMasked,
    documentType: row.documentType,
    reason: row.reason,
    callRef: row.callRef,
    region: row.region,
    status: row.status,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt.toISOString(),
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    note: row.note,
  };
}
