import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock/clock';
import { APPEAL_DEADLINE_JOB, APPEALS_QUEUE } from '../queue/queue-names.constant';
import { AppealAssignmentService } from './appeal-assignment.service';
import { type AppealPolicy, resolveAppealPolicy } from './appeal-policy.util';
import { AppealWorkflow } from './appeal-workflow.service';
import type { AppealEntity } from './appeal.entity';
import { AppealRepository } from './appeal.repository';
import { pickByLoad } from './pick-by-load.util';

export type DeadlineKind = 'first-response' | 'decision';
export interface DeadlineJob {
  appealId: string;
  kind: DeadlineKind;
}

/**
 * Deadlines: a delayed Bull job per deadline (keyed `<appeal>:<kind>`, so scheduling twice is harmless).
 * When it fires and the step is still missing, the appeal is escalated to a supervisor of its region
 * (least loaded, weighted) and the breach is recorded on the timeline.
 */
@Injectable()
export class AppealDeadlineService {
  private readonly logger = new Logger(AppealDeadlineService.name);

  constructor(
    private readonly repo: AppealRepository,
    private readonly workflow: AppealWorkflow,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly assignment: AppealAssignmentService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(APPEALS_QUEUE) private readonly queue: Queue,
  ) {}

  async policyFor(region: string): Promise<AppealPolicy> {
    const { firstResponseSeconds, decisionSeconds, loweringNeedsApproval } = this.config.appeals;
    return resolveAppealPolicy(region, await this.repo.policiesFor(region), {
      firstResponseSeconds,
      decisionSeconds,
      loweringNeedsApproval,
    });
  }

  /** Never throws: without Redis the appeal still stands, and the breach is visible from its due dates. */
  async schedule(appeal: AppealEntity): Promise<void> {
    const now = this.clock.now().getTime();
    try {
      for (const [kind, due] of [
        ['first-response', appeal.firstResponseDueAt],
        ['decision', appeal.decisionDueAt],
      ] as const) {
        const data: DeadlineJob = { appealId: appeal.id, kind };
        await this.queue.add(APPEAL_DEADLINE_JOB, data, {
          delay: Math.max(0, due.getTime() - now),
          jobId: `${appeal.id}:${kind}`,
        });
      }
    } catch (error) {
      this.logger.warn({ appeal: appeal.number, err: (error as Error).message }, 'could not schedule appeal deadlines');
    }
  }

  /**
   * Breaches whose delayed job never ran (Redis was down at filing, or lost its keys): checked once they are
   * a minute overdue, so the on-time job normally gets there first. Returns how many were escalated.
   */
  async sweep(limit = 200): Promise<number> {
    const dueBefore = new Date(this.clock.now().getTime() - 60_000);
    let escalated = 0;
    for (const kind of ['first-response', 'decision'] as const) {
      for (const appealId of await this.repo.breachedWithoutEscalation(kind, dueBefore, limit)) {
        if ((await this.check({ appealId, kind })).escalated) escalated++;
      }
    }
    return escalated;
  }

  /** Whether the deadline's step is still missing. The job fires at the due time, so no clock comparison. */
  static breached(appeal: AppealEntity, kind: DeadlineKind): boolean {
    if (appeal.status === 'closed' || appeal.status === 'decided') return false;
    return kind === 'first-response' ? appeal.firstRespondedAt === null : appeal.decidedAt === null;
  }

  /** Runs when a deadline job fires: escalates a breach once, to a supervisor of the region if there is one. */
  async check(job: DeadlineJob): Promise<{ escalated: boolean; supervisorId: string | null }> {
    const none = { escalated: false, supervisorId: null };
    const appeal = await this.repo.findById(job.appealId);
    if (!appeal || !AppealDeadlineService.breached(appeal, job.kind)) return none;
    // The delayed job and the sweep may both see one breach: it is escalated once.
    if (await this.repo.hasEscalation(appeal.id, job.kind)) return none;
    const supervisor = pickByLoad(await this.repo.staffWithLoad('supervisor', 'escalated_to'), appeal.region);
    let met = false;
    await this.workflow
      .step(appeal.number, {
        event: null,
        type: 'escalated',
        actor: { kind: 'system' },
        authorize: (a) => {
          if (!AppealDeadlineService.breached(a, job.kind)) throw new DeadlineMet();
        },
        patch: () => (supervisor ? { escalatedTo: supervisor.id } : {}),
        effect: async (manager, a) => {
          await this.audit.record(
            {
              actor: { kind: 'system', job: 'appeal-deadline' },
              action: 'appeal.escalated',
              target: { type: 'appeal', id: String(a.number) },
              region: a.region,
              details: { deadline: job.kind, supervisorId: supervisor?.id ?? null },
            },
            manager,
          );
        },
        data: {
          deadline: job.kind,
          supervisorId: supervisor?.id ?? null,
          dueAt: (job.kind === 'decision' ? appeal.decisionDueAt : appeal.firstResponseDueAt).toISOString(),
        },
      })
      .catch((error) => {
        if (!(error instanceof DeadlineMet)) throw error;
        met = true;
      });
    if (met) return none;
    this.logger.warn(
      { appeal: appeal.number, deadline: job.kind, escalated: Boolean(supervisor) },
      'appeal deadline breached',
    );
    // Nobody covered the region when it was filed: an agent may have been added since.
    if (appeal.status === 'submitted') await this.assignment.assign(appeal.number);
    return { escalated: true, supervisorId: supervisor?.id ?? null };
  }
}

/** The step arrived between reading the appeal and locking it: nothing to escalate. */
class DeadlineMet extends Error {}
