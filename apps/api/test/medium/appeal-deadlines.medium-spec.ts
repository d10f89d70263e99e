import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';

import { AppealDeadlineService } from '../../src/modules/appeal/appeal-deadline.service';
import { AppealFilingService } from '../../src/modules/appeal/appeal-filing.service';
import { AppealRegionPolicyEntity } from '../../src/modules/appeal/appeal-region-policy.entity';
import { AppealReviewService } from '../../src/modules/appeal/appeal-review.service';
import { AppealRepository } from '../../src/modules/appeal/appeal.repository';
import { APPEALS_QUEUE } from '../../src/modules/queue/queue-names.constant';
import { AppealContext } from '../utils/appeal-context';

/** Deadlines of one and two seconds through configuration: Bull's delayed jobs fire for real, no sleeping for hours. */
describe('appeal deadlines escalate to a supervisor (medium: real Bull delayed jobs)', () => {
  let ctx: AppealContext;

  // Each case with staff of its own (one needs a region with no agent yet): any order.
  beforeEach(async () => {
    ctx = await AppealContext.create({ APPEAL_FIRST_RESPONSE_SECONDS: '1', APPEAL_DECISION_SECONDS: '2' });
  }, 120_000);
  afterEach(() => ctx?.close());

  const file = async () => ctx.newAppeal(await ctx.newRedResident({ daysAgo: 2 }));

  const escalations = async (number: number) => {
    const appeal = await ctx.get(AppealRepository).findByNumber(number);
    return (await ctx.get(AppealRepository).listEvents(appeal!.id)).filter((e) => e.type === 'escalated');
  };

  it('records a missed first response and a missed decision, escalated to a supervisor of the region, and assigns an agent who joined since', async () => {
    const supervisor = await ctx.newStaff('supervisor', '3301');
    await ctx.newStaff('supervisor', '4201');
    const appeal = await file(); // no hotline agent at all: nobody answers
    expect(appeal.status).toBe('submitted');
    const lateAgent = await ctx.newStaff('hotline-agent', '3301'); // joins before the deadline fires
    const events = await ctx.waitFor(async () => {
      const found = await escalations(appeal.number);
      return found.length === 2 ? found : null;
    });
    expect(events.map((e) => e.data?.deadline).sort()).toEqual(['decision', 'first-response']);
    expect(events.every((e) => e.data?.supervisorId === supervisor.id && e.actorKind === 'system')).toBe(true);
    expect(await ctx.get(AppealRepository).findByNumber(appeal.number)).toMatchObject({
      escalatedTo: supervisor.id,
      status: 'assigned',
      assignedTo: lateAgent.id,
    });
    // The resident's timeline shows it too.
    expect(
      (
        await ctx.get(AppealFilingService).viewOf((await ctx.get(AppealRepository).findByNumber(appeal.number))!)
      ).timeline.map((t) => t.type),
    ).toContain('escalated');
  });

  it('does not escalate a deadline that was met', async () => {
    const agent = await ctx.newStaff('hotline-agent', '33');
    const appeal = await file();
    await ctx.get(AppealReviewService).startReview(agent, appeal.number); // first response in time
    const events = await ctx.waitFor(async () => {
      const found = await escalations(appeal.number);
      return found.length >= 1 ? found : null;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect((await escalations(appeal.number)).map((e) => e.data?.deadline)).toEqual(['decision']);
    expect(events).toHaveLength(1);
  });

  it('the sweep escalates breaches whose delayed job was lost, once', async () => {
    // Hour-long deadlines for this region, so the delayed jobs are surely still waiting when we drop them.
    await ctx.db
      .getRepository(AppealRegionPolicyEntity)
      .save({ regionPrefix: '3301', firstResponseSeconds: 3600, decisionSeconds: 7200, loweringNeedsApproval: true });
    const appeal = await file();
    const row = (await ctx.get(AppealRepository).findByNumber(appeal.number))!;
    const queue = ctx.app.get<Queue>(getQueueToken(APPEALS_QUEUE), { strict: false });
    for (const kind of ['first-response', 'decision']) await (await queue.getJob(`${row.id}:${kind}`))?.remove();
    const deadlines = ctx.get(AppealDeadlineService);
    expect(await deadlines.sweep()).toBe(0); // not yet a minute overdue on the (fake) clock
    ctx.clock.set(new Date(ctx.clock.now().getTime() + 3 * 3_600_000));
    expect(await deadlines.sweep()).toBe(2);
    expect(await deadlines.sweep()).toBe(0);
    expect(await deadlines.check({ appealId: row.id, kind: 'decision' })).toEqual({
      escalated: false,
      supervisorId: null,
    });
    expect((await escalations(appeal.number)).map((e) => e.data?.deadline).sort()).toEqual([
      'decision',
      'first-response',
    ]);
  });
});
