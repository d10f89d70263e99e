import { ApiErrorCode } from '@healthcode/contracts';

import { DomainException } from '../../src/common/domain.exception';
import { AppealAssignmentService } from '../../src/modules/appeal/appeal-assignment.service';
import { AppealDecisionService } from '../../src/modules/appeal/appeal-decision.service';
import { AppealFilingService } from '../../src/modules/appeal/appeal-filing.service';
import { AppealReviewService } from '../../src/modules/appeal/appeal-review.service';
import { AppealStatsService } from '../../src/modules/appeal/appeal-stats.service';
import { AppealRepository } from '../../src/modules/appeal/appeal.repository';
import { AppealRetentionPurger } from '../../src/modules/appeal/appeal-retention.purger';
import { EvidenceStore } from '../../src/modules/appeal/evidence-store.service';
import { AccessLogRepository } from '../../src/modules/access-log/access-log.repository';
import { AppealContext } from '../utils/appeal-context';

const NOW = '2026-11-20T02:00:00Z';

async function expectDomain(promise: Promise<unknown>, code: ApiErrorCode, message?: string | RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainException);
  expect((error as DomainException).code).toBe(code);
  if (message) expect((error as DomainException).message).toMatch(message);
}

describe('appeal lifecycle (medium: real MariaDB and Redis)', () => {
  let ctx: AppealContext;
  let filing: AppealFilingService;
  let review: AppealReviewService;
  let decisions: AppealDecisionService;

  // Each case on a database of its own (statistics, queues and purges count every appeal): any order.
  beforeEach(async () => {
    ctx = await AppealContext.create({}, NOW);
    filing = ctx.get(AppealFilingService);
    review = ctx.get(AppealReviewService);
    decisions = ctx.get(AppealDecisionService);
  }, 120_000);
  afterEach(() => ctx?.close());

  async function redResident() {
    const r = await ctx.newRedResident();
    expect(r.color).toBe('red');
    return r;
  }

  const fieldsFor = (reason: { ruleId: string; fact: Record<string, unknown> }, category = 'wrong-case-match') => ({
    ruleId: reason.ruleId,
    factKind: String(reason.fact.kind),
    factRef: String(reason.fact.ref),
    category,
    statement: 'That case is not me: I was at work in Hangzhou all month.',
  });

  it('walks submitted → assigned → in-review → needs-info → in-review → decided → closed, with a timeline', async () => {
    const agent = await ctx.newStaff('hotline-agent', '3301');
    await ctx.newStaff('hotline-agent', '4201'); // outside the region: never picked
    const r = await redResident();

    const filed = await filing.submit(r.id, { fields: fieldsFor(r.reason), files: [] });
    expect(filed).toMatchObject({
      status: 'assigned',
      category: 'wrong-case-match',
      ruleId: r.reason.ruleId,
      region: '330106',
    });
    expect(filed.reason.fact.ref).toBe(r.fact.id);
    const n = filed.number;

    await expectDomain(filing.submit(r.id, { fields: fieldsFor(r.reason), files: [] }), ApiErrorCode.Conflict, `#${n}`);
    await expectDomain(
      decisions.decide(agent, n, { outcome: 'rejected', reason: 'Nothing to see here, the match is right.' }),
      ApiErrorCode.IllegalTransition,
      /is assigned/,
    );

    expect((await review.startReview(agent, n)).status).toBe('in-review');
    expect(
      (await review.requestInfo(agent, n, { message: 'Please send a certificate from your employer.' })).status,
    ).toBe('needs-info');
    await expectDomain(filing.close(r.id, n), ApiErrorCode.IllegalTransition, /needs-info/);
    expect(
      (await filing.answer(r.id, n, { fields: { message: 'Attached: letter from my employer.' }, files: [] })).status,
    ).toBe('in-review');
    const decided = await decisions.decide(agent, n, {
      outcome: 'rejected',
      reason: 'The registry confirms the match with your ID.',
    });
    expect(decided.decision).toMatchObject({
      outcome: 'rejected',
      approval: 'not-needed',
      reason: 'The registry confirms the match with your ID.',
    });
    const closed = await filing.close(r.id, n);
    expect(closed.status).toBe('closed');
    expect(closed.timeline.map((t) => t.type)).toEqual([
      'submitted',
      'assigned',
      'review-started',
      'info-requested',
      'info-provided',
      'decided',
      'closed',
    ]);
    expect(closed.timeline.find((t) => t.type === 'info-requested')?.message).toBe(
      'Please send a certificate from your employer.',
    );

    // Finished: the same reason can be appealed again.
    expect((await filing.submit(r.id, { fields: fieldsFor(r.reason), files: [] })).number).toBe(n + 1);
  });

  it('keeps residents to their own appeals (404) and staff to their region (403); logs staff reads', async () => {
    const r = await redResident();
    const other = await ctx.newResident();
    const outsider = await ctx.newStaff('hotline-agent', '4201');
    const insider = await ctx.newStaff('supervisor', '33');
    const { number } = await filing.submit(r.id, { fields: fieldsFor(r.reason), files: [] });
    await expectDomain(filing.view(other.id, number), ApiErrorCode.NotFound);
    await expectDomain(filing.withdraw(other.id, number), ApiErrorCode.NotFound);
    await expectDomain(review.view(outsider, number), ApiErrorCode.OutOfScope);
    await expectDomain(review.startReview(outsider, number), ApiErrorCode.OutOfScope);
    const seen = await review.view(insider, number);
    expect(seen.resident.currentColor).toBe('red');
    expect(seen.code).toMatchObject({
      color: 'red',
      reasons: expect.arrayContaining([expect.objectContaining({ ruleId: r.reason.ruleId })]),
    });
    expect(seen.code).not.toHaveProperty('token');
    expect(seen.code).not.toHaveProperty('tokenExpiresAt');
    expect(seen.history.length).toBeGreaterThan(0);
    expect(seen.history[0]).toMatchObject({ colorAfter: expect.any(String) });
    expect(Array.isArray(seen.declarations)).toBe(true);
    const log = await ctx.get(AccessLogRepository).listForResident(r.id);
    expect(log[0]).toMatchObject({ staffId: insider.staffId, purpose: `appeal #${number}` });
    expect((await filing.withdraw(r.id, number)).status).toBe('closed');
  });

  it('pages and filters the staff queue in SQL, never outside the scope', async () => {
    const staff = await ctx.newStaff('supervisor', '33');
    const filed = [];
    for (let i = 0; i < 3; i++) {
      const r = await redResident();
      filed.push(await filing.submit(r.id, { fields: fieldsFor(r.reason), files: [] }));
    }
    const [breached, dueSoon, later] = filed.map((a) => a.number);
    const repo = ctx.get(AppealRepository);
    const now = ctx.clock.now().getTime();
    const idOf = async (n: number) => (await repo.findByNumber(n))!.id;
    const far = new Date(now + 30 * 86_400_000);
    await repo.update(repo.manager, await idOf(breached), {
      firstResponseDueAt: new Date(now - 3600_000),
      firstRespondedAt: null,
      decisionDueAt: far,
    });
    await repo.update(repo.manager, await idOf(dueSoon), {
      firstResponseDueAt: far,
      decisionDueAt: new Date(now + 2 * 3600_000),
    });
    await repo.update(repo.manager, await idOf(later), { firstResponseDueAt: far, decisionDueAt: far });
    const base = { page: 1, pageSize: 100 };
    const numbers = async (q: Record<string, unknown>) =>
      (await review.list(staff, { ...base, ...q })).items.map((a) => a.number);

    const first = await review.list(staff, { page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    expect(first).toMatchObject({ page: 1, pageSize: 2 });
    expect(first.total).toBeGreaterThanOrEqual(3);
    const second = await review.list(staff, { page: 2, pageSize: 2 });
    expect(second.items.map((a) => a.number)).not.toContain(first.items[0].number);

    expect(await numbers({ deadline: 'breached' })).toEqual(expect.arrayContaining([breached]));
    expect(await numbers({ deadline: 'breached' })).not.toEqual(expect.arrayContaining([dueSoon]));
    expect(await numbers({ deadline: 'due-soon' })).toEqual(expect.arrayContaining([dueSoon]));
    expect(await numbers({ deadline: 'due-soon' })).not.toContain(breached);
    expect(await numbers({ deadline: 'due-soon' })).not.toContain(later);
    expect(await numbers({ ruleId: filed[0].ruleId })).toEqual(expect.arrayContaining([breached, dueSoon, later]));
    expect(await numbers({ ruleId: 'no-such-rule' })).toEqual([]);
    expect(await numbers({ region: filed[0].region })).toContain(breached);
    expect(await numbers({ status: 'needs-info' })).not.toContain(breached);
    expect(await numbers({ mine: 'true' })).toEqual([]);
    await expectDomain(review.list(staff, { ...base, region: '42' }), ApiErrorCode.OutOfScope);
    await expectDomain(
      review.list(await ctx.newStaff('hotline-agent', '4201'), { ...base, region: '33' }),
      ApiErrorCode.OutOfScope,
    );
    expect(
      (await review.list(await ctx.newStaff('hotline-agent', '4201'), base)).items.map((a) => a.number),
    ).not.toContain(breached);
  });

  it("counts the whole backlog of a scope in SQL, with the queue's deadline rules", async () => {
    const staff = await ctx.newStaff('hotline-agent', '33');
    const r = await redResident();
    const filed = await filing.submit(r.id, { fields: fieldsFor(r.reason), files: [] });
    const repo = ctx.get(AppealRepository);
    const now = ctx.clock.now().getTime();
    const id = (await repo.findByNumber(filed.number))!.id;
    await repo.update(repo.manager, id, { firstResponseDueAt: new Date(now - 60_000), firstRespondedAt: null });
    const total = async (q: Record<string, unknown>) =>
      (await review.list(staff, { page: 1, pageSize: 1, ...q })).total;

    const backlog = await review.backlog(staff);
    expect(backlog.breached).toBe(await total({ deadline: 'breached' }));
    expect(backlog.breached).toBeGreaterThanOrEqual(1);
    expect(backlog.dueSoon).toBe(await total({ deadline: 'due-soon' }));
    const open = await Promise.all(
      ['submitted', 'assigned', 'in-review', 'needs-info'].map((status) => total({ status })),
    );
    expect(backlog.open).toBe(open.reduce((a, b) => a + b, 0));

    await filing.withdraw(r.id, filed.number);
    expect((await review.backlog(staff)).open).toBe(backlog.open - 1);
    expect(await review.backlog(await ctx.newStaff('supervisor', '4201'))).toEqual({
      open: 0,
      dueSoon: 0,
      breached: 0,
    });
  });

  it('assigns by region scope, weighted by open load', async () => {
    await ctx.db.query("UPDATE staff SET disabled = 1 WHERE role = 'hotline-agent'");
    const assignment = ctx.get(AppealAssignmentService);
    const filed = [];
    for (let i = 0; i < 4; i++) {
      const r = await redResident();
      filed.push(await filing.submit(r.id, { fields: fieldsFor(r.reason), files: [] }));
    }
    expect(filed.map((a) => a.status)).toEqual(['submitted', 'submitted', 'submitted', 'submitted']); // nobody covers the region yet

    const busy = await ctx.newStaff('hotline-agent', '330106');
    for (const a of filed.slice(0, 3)) expect(await assignment.assign(a.number)).toBe(busy.id);
    const idle = await ctx.newStaff('hotline-agent', '3301');
    const far = await ctx.newStaff('hotline-agent', '4201');
    const loads = await ctx.get(AppealRepository).staffWithLoad('hotline-agent', 'assigned_to');
    expect(Object.fromEntries(loads.map((l) => [l.id, l.open]))).toEqual({ [busy.id]: 3, [idle.id]: 0, [far.id]: 0 });
    // Weights 1/4 (busy) and 1 (idle): the middle of the draw lands on the idle agent whatever the order.
    expect(await assignment.assign(filed[3].number, () => 0.5)).toBe(idle.id);
  });

  it('publishes the median time to decision, the share within deadline and overturn rates', async () => {
    const agent = await ctx.newStaff('hotline-agent', '3301');
    const r = await redResident();
    const filed = await filing.submit(r.id, { fields: fieldsFor(r.reason), files: [] });
    await review.startReview(agent, filed.number);
    await decisions.decide(agent, filed.number, {
      outcome: 'rejected',
      reason: 'The registry confirms the match with your ID.',
    });
    const stats = await ctx.get(AppealStatsService).stats();
    expect(stats.decided).toBeGreaterThanOrEqual(1);
    expect(stats.decidedWithinDeadline).toBe(1);
    expect(stats.overturnRateByRule).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleId: 'case-status', overturned: 0 })]),
    );
    // Decided appeals exist, so the median is a number of hours (null only when nothing was decided).
    expect(stats.medianHoursToDecision).toEqual(expect.any(Number));
    expect(stats.medianHoursToDecision).toBeGreaterThanOrEqual(0);
  });

  it('purges closed appeals with their timeline and evidence files after the retention period; open ones stay', async () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
      'latin1',
    );
    const r = await redResident();
    const withdrawn = await filing.submit(r.id, {
      fields: fieldsFor(r.reason),
      files: [{ bytes: pdf, mediaType: 'application/pdf' }],
    });
    const sha = withdrawn.timeline[0].evidence[0].sha256;
    const store = ctx.get(EvidenceStore);
    expect(await store.exists(sha)).toBe(true);
    await filing.withdraw(r.id, withdrawn.number);
    const open = await filing.submit(r.id, { fields: fieldsFor(r.reason), files: [] });
    const purger = ctx.get(AppealRetentionPurger);
    expect(await purger.purge(new Date(new Date(NOW).getTime() - 1000))).toBe(0);
    expect(await purger.purge(new Date(new Date(NOW).getTime() + 1000))).toBeGreaterThanOrEqual(1);
    expect(await ctx.get(AppealRepository).findByNumber(withdrawn.number)).toBeNull();
    expect(await ctx.get(AppealRepository).findByNumber(open.number)).not.toBeNull();
    expect(await store.exists(sha)).toBe(false);
  });
});
