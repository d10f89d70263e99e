import { ApiErrorCode, type WithdrawalRequest, type WithdrawalResponse } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { isUuid, newId } from '../../database/uuid-binary.transformer';
import { staffActor } from '../audit/audit-actor.util';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../auth/session-token.service';
import { Clock } from '../clock/clock';
import { RescoreRunService } from '../rescore/rescore-run.service';
import { assertInScope, isInScope } from '../security/region-scope.util';
import type { AuthorityWithdrawalEntity } from '../authority-facts/authority-withdrawal.entity';
import { AuthorityWithdrawalRepository } from './authority-withdrawal.repository';

/**
 * Withdrawing authority records imported in error: one fact, or everything an import wrote. A supervisor (or an
 * administrator) asks with a written reason; a second staff member in scope approves. The facts then leave
 * authority_facts (kept in authority_withdrawn_facts) and everyone is re-scored through the outbox; whoever's
 * colour moves reads "record withdrawn by the authority: <reason>" in their history.
 */
@Injectable()
export class AuthorityWithdrawalService {
  constructor(
    private readonly repo: AuthorityWithdrawalRepository,
    private readonly runs: RescoreRunService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async request(staff: StaffPrincipal, body: WithdrawalRequest): Promise<WithdrawalResponse> {
    const region = await this.regionOf(staff, body);
    if (await this.repo.pendingFor(body.id))
      throw new DomainException(ApiErrorCode.Conflict, 'A withdrawal of this record is already waiting for approval');
    const now = this.clock.now();
    const saved = await this.repo.transaction(async (m) => {
      const row: AuthorityWithdrawalEntity = {
        id: newId(),
        seq: await this.repo.nextSeq(m),
        target: body.target,
        targetId: body.id,
        reason: body.reason,
        status: 'pending',
        region,
        requestedBy: staff.staffId,
        requestedAt: now,
        decidedBy: null,
        decidedAt: null,
        facts: null,
        runId: null,
      };
      await this.repo.insert(m, row);
      await this.audit.record(
        {
          actor: staffActor(staff),
          action: 'withdrawal.requested',
          target: { type: `authority-${body.target}`, id: body.id },
          region: region || null,
          details: { seq: row.seq, withdrawalId: row.id },
        },
        m,
      );
      return row;
    });
    return this.view(saved, staff);
  }

  /** The second person: not the requester, in scope of the record. A replay finds it approved (409), nothing moves. */
  async approve(staff: StaffPrincipal, id: string): Promise<WithdrawalResponse> {
    const found = await this.load(staff, id);
    if (found.requestedBy === staff.staffId)
      throw new DomainException(
        ApiErrorCode.Forbidden,
        'A second staff member must approve: you asked for this withdrawal',
      );
    if (found.status !== 'pending') throw alreadyDecided();
    const now = this.clock.now();
    const saved = await this.repo.transaction(async (m) => {
      const row = await this.repo.lock(m, id);
      if (!row || row.status !== 'pending') throw alreadyDecided();
      const target = row.target === 'fact' ? { factId: row.targetId } : { importId: row.targetId };
      const facts = await this.repo.moveFacts(m, row.id, target, now);
      if (facts === 0)
        throw new DomainException(
          ApiErrorCode.IllegalTransition,
          'Nothing left to withdraw: the record is gone already',
        );
      // Who held these facts is not looked up here (the worker re-evaluates everyone, writing history only where
      // the colour or reasons move), so the request never learns whether an ID number is registered.
      const runId = await this.runs.enqueue(m, {
        kind: 'import',
        cause: 'authority-withdrawal',
        causeRef: `withdrawal:${row.seq}`,
        importId: null,
        payload: null,
        availableAt: now,
        createdBy: staff.staffId,
      });
      const fields = { status: 'approved' as const, decidedBy: staff.staffId, decidedAt: now, facts, runId };
      await this.repo.update(m, id, fields);
      await this.audit.record(
        {
          actor: staffActor(staff),
          action: 'withdrawal.approved',
          target: { type: `authority-${row.target}`, id: row.targetId },
          region: row.region || null,
          details: { seq: row.seq, withdrawalId: row.id, requestedBy: row.requestedBy, facts, runId },
        },
        m,
      );
      return { ...row, ...fields };
    });
    this.runs.notify(saved.runId);
    return this.view(saved, staff);
  }

  async list(staff: StaffPrincipal): Promise<{ items: WithdrawalResponse[] }> {
    return { items: (await this.repo.list(staff.regionScope)).map((w) => this.view(w, staff)) };
  }

  /** Where the record happened (a fact) or the import's scope; refuses a record outside the caller's scope. */
  private async regionOf(staff: StaffPrincipal, body: WithdrawalRequest): Promise<string> {
    if (body.target === 'fact') {
      const fact = await this.repo.findFact(body.id);
      if (!fact) throw new DomainException(ApiErrorCode.NotFound, 'No such authority record');
      assertInScope(staff, fact.region ?? '', 'This record');
      return fact.region ?? '';
    }
    const imp = await this.repo.findImport(body.id);
    if (!imp || !isInScope(staff.regionScope, imp.regionScope))
      throw new DomainException(ApiErrorCode.NotFound, 'No such import');
    if (imp.status !== 'applied')
      throw new DomainException(ApiErrorCode.IllegalTransition, 'Only an applied import can be withdrawn');
    return imp.regionScope;
  }

  private async load(staff: StaffPrincipal, id: string): Promise<AuthorityWithdrawalEntity> {
    const row = isUuid(id) ? await this.repo.find(id) : null;
    if (!row) throw new DomainException(ApiErrorCode.NotFound, 'No such withdrawal');
    assertInScope(staff, row.region, 'This record');
    return row;
  }

  private view(w: AuthorityWithdrawalEntity, staff: StaffPrincipal): WithdrawalResponse {
    return {
      id: w.id,
      seq: w.seq,
      target: w.target,
      targetId: w.targetId,
      reason: w.reason,
      status: w.status,
      region: w.region,
      mine: w.requestedBy === staff.staffId,
      facts: w.facts,
      runId: w.runId,
      createdAt: w.requestedAt.toISOString(),
      decidedAt: w.decidedAt?.toISOString() ?? null,
    };
  }
}

const alreadyDecided = () =>
  new DomainException(ApiErrorCode.IllegalTransition, 'This withdrawal was already approved');
