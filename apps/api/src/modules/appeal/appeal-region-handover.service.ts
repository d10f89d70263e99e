import { Injectable, Logger } from '@nestjs/common';

import { AuditService } from '../audit/audit.service';
import { isInScope } from '../security/region-scope.util';
import { AppealAssignmentService } from './appeal-assignment.service';
import { AppealWorkflow } from './appeal-workflow.service';
import type { AppealEntity } from './appeal.entity';
import { AppealRepository } from './appeal.repository';
import { isOpen } from './appeal-state-machine';
import { pickByLoad } from './pick-by-load.util';

/** Raised inside the step when the appeal changed between the scan and the lock: nothing to hand over. */
class NothingToHandOver extends Error {}

/**
 * An appeal is filed in the region responsible for the resident at the time. When the resident moves (a new home
 * region, or a declaration somewhere else), an open appeal follows them: its region becomes the one now responsible,
 * its agent is kept if their scope covers the new region and otherwise replaced by an agent of that region (by
 * load; none yet: unassigned, and the deadline job escalates to a supervisor there), and a supervisor outside the
 * new region lets go. The hand-over is a step of the appeal's timeline (`region-handover`, shown to the resident)
 * and an audit entry (`appeal.region-handover`), in one transaction. Run by the worker's appeal sweep.
 */
@Injectable()
export class AppealRegionHandoverService {
  private readonly logger = new Logger(AppealRegionHandoverService.name);

  constructor(
    private readonly repo: AppealRepository,
    private readonly workflow: AppealWorkflow,
    private readonly assignment: AppealAssignmentService,
    private readonly audit: AuditService,
  ) {}

  /** Hands over every open appeal whose resident moved; returns how many were handed over. */
  async handOverMoved(limit = 500): Promise<number> {
    let handed = 0;
    for (const moved of await this.repo.movedOpenAppeals(limit))
      if (await this.handOver(moved.number, moved.now)) handed++;
    return handed;
  }

  async handOver(number: number, to: string): Promise<boolean> {
    const current = await this.repo.findByNumber(number);
    if (!current || !isOpen(current.status) || current.region === to) return false;
    const from = current.region;
    const agents = await this.repo.staffWithLoad('hotline-agent', 'assigned_to');
    let agentId: string | null = null;
    let appeal: AppealEntity;
    try {
      appeal = await this.workflow.step(number, {
        event: null,
        type: 'region-handover',
        actor: { kind: 'system' },
        authorize: (a) => {
          // Changed since it was read (handed over by another sweep, closed): the next sweep looks again.
          if (!isOpen(a.status) || a.region !== from) throw new NothingToHandOver();
        },
        patch: (a) => {
          const keepAgent =
            a.assignedTo !== null && agents.some((s) => s.id === a.assignedTo && isInScope(s.regionScope, to));
          agentId = keepAgent ? a.assignedTo : a.status === 'submitted' ? null : (pickByLoad(agents, to)?.id ?? null);
          return { region: to, assignedTo: agentId, escalatedTo: null };
        },
        effect: async (manager, a) => {
          await this.audit.record(
            {
              actor: { kind: 'system', job: 'appeal-region-handover' },
              action: 'appeal.region-handover',
              target: { type: 'appeal', id: String(a.number) },
              region: to,
              details: { from, to, agentId },
            },
            manager,
          );
        },
        data: { from, to },
      });
    } catch (error) {
      if (error instanceof NothingToHandOver) return false;
      throw error;
    }
    this.logger.log({ appeal: number, from, to, assigned: appeal.assignedTo !== null }, 'appeal handed over');
    // Not assigned yet (nobody covered the old region): an agent of the new one takes it now.
    if (appeal.status === 'submitted') await this.assignment.assign(number);
    return true;
  }
}
