import { type AppealListQuery, type AppealRequestInfo, type AppealView, type StaffAppealListItem, type StaffAppealView } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';

import { AccessLogRepository } from '../access-log/access-log.repository';
import type { StaffPrincipal } from '../auth/session-token.service';
import { Clock } from '../clock/clock';
import { CodeRepository } from '../code/code.repository';
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
    private readonly codeRows: CodeRepository,
    private readonly accessLog: AccessLogRepository,
    private readonly clock: Clock,
  ) {}

  async list(staff: StaffPrincipal, query: AppealListQuery): Promise<{ items: StaffAppealListItem[] }> {
    const rows = await this.repo.listInScope(staff.regionScope, { status: query.status, assignedTo: query.mine === 'true' ? staff.staffId : undefined });
    return { items: await Promise.all(rows.map(async (a) => ({ ...(await this.filing.viewOf(a)), assignedTo: a.assignedTo, escalatedTo: a.escalatedTo }))) };
  }

  /** The appeal with the resident's masked record; the read is written to that resident's access log. */
  async view(staff: StaffPrincipal, number: number): Promise<StaffAppealView> {
    const appeal = await this.repo.findByNumber(number);
    assertStaffMayAct(appeal, staff, number);
    const [resident, code, view] = await Promise.all([this.residents.findActive(appeal.residentId), this.codeRows.find(appeal.residentId), this.filing.viewOf(appeal)]);
    await this.accessLog.append({ residentId: appeal.residentId, staffId: staff.staffId, role: staff.role, purpose: `appeal #${number}`, scope: 'appeal', at: this.clock.now() });
    return {
      ...view,
      assignedTo: appeal.assignedTo,
      escalatedTo: appeal.escalatedTo,
      resident: { nameMasked: resident?.nameMasked ?? null, idMasked: resident?.idMasked ?? null, currentColor: code?.color ?? null },
    };
  }

  async startReview(staff: StaffPrincipal, number: number): Promise<AppealView> {
    return this.filing.viewOf(await this.workflow.step(number, {
      event: 'start-review',
      type: 'review-started',
      actor: staffActor(staff),
      authorize: (a) => assertStaffMayAct(a, staff, number),
      patch: (a, now) => ({ assignedTo: staff.staffId, firstRespondedAt: a.firstRespondedAt ?? now }),
      notify: 'appeal.review-started',
    }));
  }

  async requestInfo(staff: StaffPrincipal, number: number, body: AppealRequestInfo): Promise<AppealView> {
    return this.filing.viewOf(await this.workflow.step(number, {
      event: 'request-info',
      type: 'info-requested',
      actor: staffActor(staff),
      authorize: (a) => assertStaffMayAct(a, staff, number),
      message: body.message,
      patch: (a, now) => ({ assignedTo: a.assignedTo ?? staff.staffId, firstRespondedAt: a.firstRespondedAt ?? now }),
      notify: 'appeal.info-requested',
    }));
  }

  async close(staff: StaffPrincipal, number: number): Promise<AppealView> {
    return this.filing.viewOf(await this.workflow.step(number, {
      event: 'close',
      type: 'closed',
      actor: staffActor(staff),
      authorize: (a) => assertStaffMayAct(a, staff, number),
      patch: (_a, now) => ({ openReasonKey: null, closedAt: now }),
      notify: 'appeal.closed',
    }));
  }

  async evidence(staff: StaffPrincipal, number: number, sha256: string) {
    const appeal = await this.repo.findByNumber(number);
    assertStaffMayAct(appeal, staff, number);
    return this.filing.evidenceFile(appeal, sha256);
  }
}
