import {
  addDays,
  type AppealApprovalRequest,
  type AppealDecisionRequest,
  type AppealView,
  ApiErrorCode,
  COLOR_SEVERITY,
  cstDate,
} from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { DomainException } from '../../common/domain.exception';
import { newId } from '../../database/uuid-binary.transformer';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../auth/session-token.service';
import { Clock } from '../clock/clock';
import { CodeRepository } from '../code/code.repository';
import { CodeService } from '../code/code.service';
import { FactsRepository } from '../code/facts.repository';
import { FactCorrectionRepository } from '../override/fact-correction.repository';
import { StaffOverrideRepository } from '../override/staff-override.repository';
import { assertStaffMayAct, staffActor } from './appeal-actor.util';
import { AppealDeadlineService } from './appeal-deadline.service';
import { AppealStatsService } from './appeal-stats.service';
import { AppealFilingService } from './appeal-filing.service';
import { AppealWorkflow } from './appeal-workflow.service';
import type { AppealDecision, AppealEntity } from './appeal.entity';
import { AppealRepository } from './appeal.repository';

/** How far ahead an override may run: a longer one is a rule change, not an appeal decision. */
const MAX_OVERRIDE_DAYS = 90;
const AUTHORITY_SOURCES = new Set(['case-registry', 'transport-booking']);

/**
 * Decisions with a real effect on the code. "corrected" writes a staff override fact (colour, until-date,
 * the agent's reason shown word for word); an upheld or corrected wrong case match also excludes that
 * authority row for the resident for good. A decision that raises the colour always waits for a second staff
 * member, one that lowers it where the region's policy says so: until approved, nothing changes, except that an
 * emergency raise applies at once until the end of the day. Every decision re-scores.
 */
@Injectable()
export class AppealDecisionService {
  constructor(
    private readonly repo: AppealRepository,
    private readonly workflow: AppealWorkflow,
    private readonly deadlines: AppealDeadlineService,
    private readonly filing: AppealFilingService,
    private readonly codes: CodeService,
    private readonly codeRows: CodeRepository,
    private readonly facts: FactsRepository,
    private readonly overrides: StaffOverrideRepository,
    private readonly corrections: FactCorrectionRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly stats: AppealStatsService,
  ) {}

  async decide(staff: StaffPrincipal, number: number, body: AppealDecisionRequest): Promise<AppealView> {
    const appeal = await this.repo.findByNumber(number);
    assertStaffMayAct(appeal, staff, number);
    const today = cstDate(this.clock.now());
    if (body.override && (body.override.until <= today || body.override.until > addDays(today, MAX_OVERRIDE_DAYS))) {
      throw new DomainException(
        ApiErrorCode.ValidationFailed,
        `override.until: pick a day after today and at most ${MAX_OVERRIDE_DAYS} days ahead`,
        [{ path: 'override.until', message: 'Out of range' }],
      );
    }
    const correctsRowHash =
      body.outcome !== 'rejected' && appeal.category === 'wrong-case-match' ? await this.rowHashOf(appeal) : null;
    if (body.outcome === 'upheld' && !correctsRowHash) {
      // Only a wrong case match can be set right by dropping the row; anything else needs an override.
      throw new DomainException(
        ApiErrorCode.ValidationFailed,
        "Upholding this appeal changes nothing by itself: decide 'corrected' with a colour and an until-date",
        [{ path: 'outcome', message: 'Use corrected' }],
      );
    }
    const current = (await this.codeRows.find(appeal.residentId))?.color ?? 'green';
    const lowers =
      (body.override !== undefined && COLOR_SEVERITY[body.override.color] < COLOR_SEVERITY[current]) ||
      (correctsRowHash !== null && current !== 'green');
    // Every change of colour by staff takes two people: a raise always waits for a second staff member.
    const raises = body.override !== undefined && COLOR_SEVERITY[body.override.color] > COLOR_SEVERITY[current];
    if (body.emergency && !raises)
      throw new DomainException(
        ApiErrorCode.ValidationFailed,
        'emergency: only a decision that raises the colour can apply at once',
        [{ path: 'emergency', message: 'Only for a raise' }],
      );
    const pending = raises || (lowers && (await this.deadlines.policyFor(appeal.region)).loweringNeedsApproval);
    const emergencyOverrideId = body.emergency ? newId() : null;
    const decision: AppealDecision = {
      outcome: body.outcome,
      reason: body.reason,
      override: body.override ?? null,
      overrideId: body.override ? newId() : null,
      emergencyOverrideId,
      correctsRowHash,
      approval: pending ? 'pending' : 'not-needed',
      decidedBy: staff.staffId,
      decidedAt: this.clock.now().toISOString(),
      approvedBy: null,
    };
    await this.workflow.step(number, {
      event: 'decide',
      type: 'decided',
      actor: staffActor(staff),
      authorize: (a) => assertStaffMayAct(a, staff, number),
      message: body.reason,
      data: {
        outcome: body.outcome,
        override: decision.override,
        approval: decision.approval,
        factCorrected: correctsRowHash !== null,
      },
      patch: (a, now) => ({
        decision,
        decidedAt: now,
        firstRespondedAt: a.firstRespondedAt ?? now,
        openReasonKey: pending ? a.openReasonKey : null,
      }),
      effect: async (manager, a, now) => {
        if (decision.override && decision.overrideId) {
          await this.overrides.insert(manager, {
            id: decision.overrideId,
            residentId: a.residentId,
            color: decision.override.color,
            until: decision.override.until,
            reason: decision.reason,
            status: pending ? 'pending' : 'active',
            appealId: a.id,
            createdBy: staff.staffId,
            approvedBy: null,
            createdAt: now,
            approvedAt: null,
          });
        }
        if (decision.override && emergencyOverrideId) {
          // The stop-gap: in force today only (until is exclusive), so it lapses within 24 hours unless approved.
          await this.overrides.insert(manager, {
            id: emergencyOverrideId,
            residentId: a.residentId,
            color: decision.override.color,
            until: addDays(today, 1),
            reason: decision.reason,
            status: 'active',
            appealId: a.id,
            createdBy: staff.staffId,
            approvedBy: null,
            createdAt: now,
            approvedAt: null,
          });
        }
        if (!pending) await this.applyCorrection(manager, a, decision, staff.staffId, now);
        await this.record(manager, staff, 'appeal.decided', a, {
          outcome: decision.outcome,
          approval: decision.approval,
          override: decision.override,
          emergency: emergencyOverrideId !== null,
          factCorrected: correctsRowHash !== null,
        });
      },
      notify: pending ? 'appeal.approval-pending' : 'appeal.decided',
    });
    await this.codes.rescoreOne(appeal.residentId, 'appeal-decided', `appeal:${number}`);
    this.stats.invalidate();
    return this.filing.viewOf((await this.repo.findByNumber(number)) as AppealEntity);
  }

  /** The second pair of eyes: a supervisor other than the decider approves (the effect applies) or refuses. */
  async approve(staff: StaffPrincipal, number: number, body: AppealApprovalRequest): Promise<AppealView> {
    const authorize = (a: AppealEntity) => {
      assertStaffMayAct(a, staff, number);
      if (a.status !== 'decided' || a.decision?.approval !== 'pending') {
        throw new DomainException(
          ApiErrorCode.IllegalTransition,
          `Appeal #${number} is ${a.status}: no decision awaits approval`,
          [{ path: 'status', message: a.status }],
        );
      }
      if (a.decision.decidedBy === staff.staffId)
        throw new DomainException(ApiErrorCode.Forbidden, 'A second staff member must approve: you made this decision');
    };
    const appeal = await this.repo.findByNumber(number);
    assertStaffMayAct(appeal, staff, number);
    if (body.approve) {
      await this.workflow.step(number, {
        event: null,
        type: 'approved',
        actor: staffActor(staff),
        authorize,
        message: body.note ?? null,
        patch: (a) => ({
          decision: { ...(a.decision as AppealDecision), approval: 'approved', approvedBy: staff.staffId },
          openReasonKey: null,
        }),
        effect: async (manager, a, now) => {
          const decision = a.decision as AppealDecision;
          if (decision.overrideId)
            await this.overrides.setStatus(manager, decision.overrideId, 'active', staff.staffId, now);
          await this.applyCorrection(manager, a, decision, staff.staffId, now);
          await this.record(manager, staff, 'appeal.approved', a, {
            override: decision.override,
            factCorrected: decision.correctsRowHash !== null,
          });
        },
        notify: 'appeal.approved',
      });
      await this.codes.rescoreOne(appeal.residentId, 'appeal-decided', `appeal:${number}:approved`);
    } else {
      let overrideIds: string[] = [];
      await this.workflow.step(number, {
        event: 'refuse-approval',
        type: 'approval-refused',
        actor: staffActor(staff),
        authorize,
        message: body.note ?? null,
        patch: (a) => {
          overrideIds = [a.decision?.overrideId, a.decision?.emergencyOverrideId].filter((id): id is string => !!id);
          return { decision: null, decidedAt: null };
        },
        effect: async (manager, a, now) => {
          // A refused emergency raise ends at once, not at the end of the day.
          for (const id of overrideIds) await this.overrides.setStatus(manager, id, 'refused', staff.staffId, now);
          await this.record(manager, staff, 'appeal.approval-refused', a, {});
        },
        notify: 'appeal.approval-refused',
      });
      // A refused emergency raise stops applying now.
      await this.codes.rescoreOne(appeal.residentId, 'appeal-decided', `appeal:${number}:refused`);
    }
    return this.filing.viewOf((await this.repo.findByNumber(number)) as AppealEntity);
  }

  /** The authority row behind the appealed reason, by its content hash (survives a re-import under a new id). */
  private async rowHashOf(appeal: AppealEntity): Promise<string | null> {
    const fact = appeal.reasonSnapshot.fact;
    if (!AUTHORITY_SOURCES.has(fact.source) || typeof fact.ref !== 'string') return null;
    const row = await this.facts.findById(fact.ref);
    return row ? row.rowHash.toString('hex') : null;
  }

  private async applyCorrection(
    manager: EntityManager,
    appeal: AppealEntity,
    decision: AppealDecision,
    staffId: string,
    now: Date,
  ): Promise<void> {
    if (!decision.correctsRowHash) return;
    const ref = appeal.reasonSnapshot.fact.ref;
    await this.corrections.insert(manager, {
      residentId: appeal.residentId,
      rowHash: Buffer.from(decision.correctsRowHash, 'hex'),
      authorityFactId: typeof ref === 'string' ? ref : null,
      appealId: appeal.id,
      createdBy: staffId,
      createdAt: now,
    });
  }

  private async record(
    manager: EntityManager,
    staff: StaffPrincipal,
    action: string,
    appeal: AppealEntity,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(
      {
        actor: { kind: 'staff', staffId: staff.staffId, role: staff.role },
        action,
        target: { type: 'appeal', id: String(appeal.number) },
        region: appeal.region,
        details,
      },
      manager,
    );
  }
}
