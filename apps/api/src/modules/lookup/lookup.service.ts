import {
  ApiErrorCode,
  type ResidentRecordView,
  type LookupPurpose,
  type StaffLookupRequest,
  type StaffLookupResponse,
} from '@healthcode/contracts';
import { Inject, Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AccessLogRepository } from '../access-log/access-log.repository';
import { staffActor } from '../audit/audit-actor.util';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../auth/session-token.service';
import { Clock } from '../clock/clock';
import { CodeService } from '../code/code.service';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import type { ResidentEntity } from '../resident/resident.entity';
import { deleteAt } from '../retention/retention-deadline.util';
import { isInScope } from '../security/region-scope.util';
import { RetryLaterException } from '../security/retry-later.exception';
import { verificationStatusOf, verificationView } from '../identity/verification-view.util';
import { LookupRateLimiter } from './lookup-rate.limiter';
import { purposeText } from './lookup-purpose.util';
import { ResidentRecordRepository } from './resident-record.repository';

/**
 * Hotline lookup. The number is turned into its keyed HMAC at once and only the HMAC is queried; every
 * record returned is first entered in that resident's access log with the stated purpose. A staff member
 * sees only residents whose current region lies inside their scope.
 */
const NOT_FOUND = 'No registered resident in your region scope matches';

@Injectable()
export class LookupService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly records: ResidentRecordRepository,
    private readonly crypto: PiiCryptoService,
    private readonly codes: CodeService,
    private readonly accessLog: AccessLogRepository,
    private readonly clock: Clock,
    private readonly limiter: LookupRateLimiter,
    private readonly audit: AuditService,
  ) {}

  async lookup(staff: StaffPrincipal, request: StaffLookupRequest): Promise<StaffLookupResponse> {
    const wait = await this.limiter.hit(staff.staffId);
    if (wait)
      throw new RetryLaterException(
        ApiErrorCode.TooManyRequests,
        `Too many lookups: try again in ${wait} seconds`,
        wait,
      );
    const appeal = await this.purposeAppeal(staff, request.purpose);
    const match =
      request.idNumber !== undefined
        ? { idHmac: this.crypto.hmacCandidates('id', `${request.idType}:${request.idNumber}`) }
        : { phoneHmac: this.crypto.hmacCandidates('phone', request.phone as string) };
    const found = await this.records.findRegistered(match);
    const visible = found.filter(
      (r) => isInScope(staff.regionScope, currentRegion(r)) && (!appeal || appeal.residentId === r.id),
    );
    // Nobody registered, someone outside the scope, or not the appeal's resident: one answer, so a lookup
    // never tells whether a number is registered somewhere else.
    if (visible.length === 0) {
      await this.auditLookup(staff, request, 0);
      throw new DomainException(ApiErrorCode.NotFound, NOT_FOUND);
    }
    const purpose = purposeText(request.purpose);
    const items: ResidentRecordView[] = [];
    for (const resident of visible) {
      await this.accessLog.append({
        residentId: resident.id,
        staffId: staff.staffId,
        role: staff.role,
        purpose,
        scope: 'record',
        at: this.clock.now(),
      });
      items.push(await this.view(resident));
    }
    await this.auditLookup(staff, request, items.length);
    return { items, purpose };
  }

  private staffCode(residentId: string): Promise<ResidentRecordView['code']> {
    return staffCodeOf(this.codes, residentId);
  }

  /** For an `appeal` purpose: an appeal that exists, lies inside the caller's scope and is not closed. */
  private async purposeAppeal(staff: StaffPrincipal, purpose: LookupPurpose) {
    if (purpose.kind !== 'appeal') return null;
    const appeal = await this.records.appealForPurpose(purpose.appealId);
    if (!appeal || !isInScope(staff.regionScope, appeal.region) || appeal.status === 'closed')
      throw new DomainException(
        ApiErrorCode.Forbidden,
        "State an open appeal you may work on: no appeal in your region scope has that reference (see the appeal's page)",
      );
    return appeal;
  }

  /** Every lookup, found or not, is audited: who, why (the kind and reference), how many records. No number. */
  private async auditLookup(staff: StaffPrincipal, request: StaffLookupRequest, results: number): Promise<void> {
    await this.audit.record({
      actor: staffActor(staff),
      action: 'staff.lookup',
      target: { type: 'resident-lookup' },
      region: staff.regionScope || null,
      details: {
        // The call reference is free text a caller could fill with a number: only an appeal's id is kept.
        purpose: request.purpose.kind === 'appeal' ? purposeText(request.purpose) : 'hotline-call',
        by: request.idNumber !== undefined ? 'id' : 'phone',
        results,
      },
    });
  }

  private async view(r: ResidentEntity): Promise<ResidentRecordView> {
    const days = this.config.retention.declarationDays;
    const [code, declarations, checkIns, history] = await Promise.all([
      this.staffCode(r.id),
      this.records.declarationsOf(r.id),
      this.records.checkInsOf(r.id),
      this.codes.history(r.id),
    ]);
    return {
      residentId: r.id,
      identity: {
        name: r.nameMasked,
        idType: r.idType as ResidentRecordView['identity']['idType'],
        idNumber: r.idMasked,
        phone: r.phoneMasked,
        homeRegion: r.homeRegion,
        currentRegion: currentRegion(r),
      },
      verification: verificationView(verificationStatusOf(r)),
      code,
      declarations: declarations.map((d) => ({
        id: d.id,
        declaredAt: d.declaredAt.toISOString(),
        currentRegion: d.currentRegion,
        stays: d.stays,
        symptoms: d.symptoms,
        contactDate: d.contactDate,
        deleteAt: deleteAt(d.declaredAt, days).toISOString(),
      })),
      checkIns: checkIns.map((c) => ({
        id: c.id,
        day: c.day,
        healthy: c.healthy,
        temperature: c.temperature === null ? null : Number(c.temperature),
        symptoms: c.symptoms,
        deleteAt: deleteAt(c.createdAt, days).toISOString(),
      })),
      history: history.items,
    };
  }
}

/** The code without its token, or null for a resident who has proven no ID number (and so has no code). */
async function staffCodeOf(codes: CodeService, residentId: string): Promise<ResidentRecordView['code']> {
  try {
    const { token: _token, tokenExpiresAt: _expires, ...code } = await codes.currentCode(residentId);
    return code;
  } catch (error) {
    if (error instanceof DomainException && error.code === ApiErrorCode.VerificationRequired) return null;
    throw error;
  }
}

function currentRegion(r: ResidentEntity): string | null {
  return r.currentRegion ?? r.homeRegion;
}
