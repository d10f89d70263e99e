import { Injectable, Logger } from '@nestjs/common';

import { AppealWorkflow } from './appeal-workflow.service';
import { AppealRepository } from './appeal.repository';
import { pickByLoad } from './pick-by-load.util';

/** Automatic assignment: a hotline agent whose scope covers the appeal's region, weighted by open load. */
@Injectable()
export class AppealAssignmentService {
  private readonly logger = new Logger(AppealAssignmentService.name);

  constructor(
    private readonly repo: AppealRepository,
    private readonly workflow: AppealWorkflow,
  ) {}

  /** Returns the agent's id, or null when nobody covers the region (the deadline job escalates it then). */
  async assign(number: number, random: () => number = Math.random): Promise<string | null> {
    const appeal = await this.repo.findByNumber(number);
    if (!appeal || appeal.status !== 'submitted') return null;
    const agent = pickByLoad(await this.repo.staffWithLoad('hotline-agent', 'assigned_to'), appeal.region, random);
    if (!agent) {
      this.logger.warn({ appeal: number, region: appeal.region }, 'no hotline agent covers this region');
      return null;
    }
    await this.workflow.step(number, {
      event: 'assign',
      type: 'assigned',
      actor: { kind: 'system' },
      authorize: () => undefined,
      patch: () => ({ assignedTo: agent.id }),
      data: { role: 'hotline-agent' },
      notify: 'appeal.assigned',
    });
    return agent.id;
  }
}
