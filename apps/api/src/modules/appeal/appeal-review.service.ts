import {
  APPEAL_DUE_SOON_HOURS,
  type AppealBacklogResponse,
  ApiErrorCode,
  type AppealListQuery,
  type AppealRequestInfo,
  type AppealView,
  type StaffAppealCodeView,
  type StaffAppealListResponse,
  type StaffAppealView,
} from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';

import { AccessLogRepository } from '../access-log/access-log.repository';
import type { StaffPrincipal } from '../auth/session-token.service';
import { Clock } from '../clock/clock';
import { narrowPrefix } from '../security/region-scope.util';
import { CodeService } from '../code/code.service';
import { DeclarationRepository } from '../declaration/declaration.repository';
import { ResidentRepository } from '../resident/resident.repository';
import { assertStaffMayAct, staffActor } from './appeal-actor.util';
import { AppealFilingService } from './appeal-filing.service';
import { AppealWorkflow } from './appeal-workflow.service';
import { AppealRepository } from './appeal.repository';

/** The hotline's side, before and after a decision: list, read (logged to the resident), review, ask, close. */
@Injectable()
export class AppealReviewService {
  constructor(
    private readonly repo: AppealRepository,
    private readonly workflow: AppealWorkflow,
    private readonly filing: AppealFilingService,
    private readonly residents: ResidentRepository,
    private readonly codes: CodeService,
    private readonly declarations: DeclarationRepository,
    private readonly accessLog: AccessLogRepository,
    private readonly clock: Clock,
  ) {}

  /** One page of the queue; a requested region prefix only narrows the staff member's own scope. */
  async list(staff: StaffPrincipal, query: AppealListQuery): Promise<StaffAppealListResponse> {
    const now = this.clock.now();
    const { rows, total } = await this.repo.pageInScope(
      narrowPrefix(staff.regionScope, query.region),
      {
        status: query.status,
        ruleId: query.ruleId,
        category: query.category,
        assignedTo: query.mine === 'true' ? staff.staffId : undefined,
        deadline: query.deadline,
        now,
        soonUntil: new Date(now.getTime() + APPEAL_DUE_SOON_HOURS * 3600_000),
      },
      query.page,
      query.pageSize,
    );
    const items = await Promise.all(
      rows.map(async (a) => ({
        ...(await this.filing.viewOf(a)),
        reference: a.id,
        assignedTo: a.assignedTo,
        escalatedTo: a.escalatedTo,
      })),
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** Counts over all undecided appeals in the caller's scope (not a page of them). */
  backlog(staff: StaffPrincipal): Promise<AppealBacklogResponse> {
    const now = this.clock.now();
    return this.repo.backlogInScope(staff.regionScope, now, new Date(now.getTime() + APPEAL_DUE_SOON_HOURS * 3600_000));
  }

  /** The appeal with the resident's masked record, code, history and declarations; the read is written to that resident's access log. */
  async view(staff: StaffPrincipal, number: number): Promise<StaffAppealView> {
    const appeal = await this.repo.findByNumber(number);
    assertStaffMayAct(appeal, staff, number);
    const resident = await this.residents.findActive(appeal.residentId);
    const [code, history, declarations, view] = await Promise.all([
      resident ? this.codeOf(appeal.residentId) : null,
      resident ? this.codes.history(appeal.residentId) : { items: [] },
      resident ? this.declarations.declarationsOf(appeal.residentId) : [],
      this.filing.viewOf(appeal),
    ]);
    await this.accessLog.append({
      residentId: appeal.residentId,
      staffId: staff.staffId,
      role: staff.role,
      purpose: `appeal #${number}`,
      scope: 'appeal',
      at: this.clock.now(),
    });
    return {
      ...view,
      reference: appeal.id,
      assignedTo: appeal.assignedTo,
      escalatedTo: appeal.escalatedTo,
      resident: {
        nameMasked: resident?.nameMasked ?? null,
        idMasked: resident?.idMasked ?? null,
        currentColor: code?.color ?? null,
      },
      code,
      history: history.items,
      declarations: declarations.map((d) => ({
        id: d.id,
        declaredAt: d.declaredAt.toISOString(),
        currentRegion: d.currentRegion,
        stays: d.stays,
        symptoms: d.symptoms,
        contactDate: d.contactDate,
      })),
    };
  }

  /** The code as the resident's app shows it, minus the QR token; null when the resident has none. */
  private async codeOf(residentId: string): Promise<StaffAppealCodeView | null> {
    try {
      const { token: _token, tokenExpiresAt: _expires, ...code } = await this.codes.currentCode(residentId);
      return code;
    } catch (e) {
      if (e instanceof DomainException && e.code === ApiErrorCode.NotRegistered) return null;
      throw e;
    }
  }

  async startReview(staff: StaffPrincipal, number: number): Promise<AppealView> {
    return this.filing.viewOf(
      await this.workflow.step(number, {
        event: 'start-review',
        type: 'review-started',
        actor: staffActor(staff),
        authorize: (a) => assertStaffMayAct(a, staff, number),
        patch: (a, now) => ({ assignedTo: staff.staffId, firstRespondedAt: a.firstRespondedAt ?? now }),
        notify: 'appeal.review-started',
      }),
    );
  }

  async requestInfo(staff: StaffPrincipal, number: number, body: AppealRequestInfo): Promise<AppealView> {
    return this.filing.viewOf(
      await this.workflow.step(number, {
        event: 'request-info',
        type: 'info-requested',
        actor: staffActor(staff),
        authorize: (a) => assertStaffMayAct(a, staff, number),
        message: body.message,
        patch: (a, now) => ({ assignedTo: a.assignedTo ?? staff.staffId, firstRespondedAt: a.firstRespondedAt ?? now }),
        notify: 'appeal.info-requested',
      }),
    );
  }

  async close(staff: StaffPrincipal, number: number): Promise<AppealView> {
    return this.filing.viewOf(
      await this.workflow.step(number, {
        event: 'close',
        type: 'closed',
        actor: staffActor(staff),
        authorize: (a) => assertStaffMayAct(a, staff, number),
        patch: (_a, now) => ({ openReasonKey: null, closedAt: now }),
        notify: 'appeal.closed',
      }),
    );
  }

  async evidence(staff: StaffPrincipal, number: number, sha256: string) {
    const appeal = await this.repo.findByNumber(number);
    assertStaffMayAct(appeal, staff, number);
    return this.filing.evidenceFile(appeal, sha256);
  }
}
