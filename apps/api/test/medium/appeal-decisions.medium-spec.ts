import { addDays, ApiErrorCode, cstDate } from '@healthcode/contracts';

import { DomainException } from '../../src/common/domain.exception';
import { uuidToBuffer } from '../../src/database/uuid-binary.transformer';
import { AppealDecisionService } from '../../src/modules/appeal/appeal-decision.service';
import { AppealRegionPolicyEntity } from '../../src/modules/appeal/appeal-region-policy.entity';
import { AppealFilingService } from '../../src/modules/appeal/appeal-filing.service';
import { AppealReviewService } from '../../src/modules/appeal/appeal-review.service';
import { DeclarationService } from '../../src/modules/me/declaration.service';
import { AuthorityFactEntity } from '../../src/modules/authority-facts/authority-fact.entity';
import { FactsRepository } from '../../src/modules/code/facts.repository';
import { FactCorrectionEntity } from '../../src/modules/override/fact-correction.entity';
import { StaffOverrideEntity } from '../../src/modules/override/staff-override.entity';
import { AppealContext } from '../utils/appeal-context';

const NOW = '2026-11-20T02:00:00Z';
const today = cstDate(new Date(NOW));
const REASON = 'The registry row belongs to another person with a similar ID.';

async function refusal(promise: Promise<unknown>): Promise<DomainException> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainException);
  return error as DomainException;
}

describe('appeal decisions: overrides, two-person approval, case-match corrections (medium)', () => {
  let ctx: AppealContext;
  let filing: AppealFilingService;
  let review: AppealReviewService;
  let decisions: AppealDecisionService;

  beforeAll(async () => {
    ctx = await AppealContext.create({}, NOW);
    filing = ctx.get(AppealFilingService);
    review = ctx.get(AppealReviewService);
    decisions = ctx.get(AppealDecisionService);
  });
  afterAll(() => ctx.close());

  async function appealInReview(category = 'wrong-case-match', rowSeed?: string) {
    const r = await ctx.newRedResident({ rowSeed });
    const agent = await ctx.newStaff('hotline-agent', '3301');
    const { number } = await ctx.newAppeal(r, { category });
    await review.startReview(agent, number);
    return { r, fact: r.fact, agent, number };
  }

  it('refuses a decision without a written reason, or with an override for the wrong outcome', async () => {
    const { AppealDecisionRequestSchema } = await import('@healthcode/contracts');
    expect(AppealDecisionRequestSchema.safeParse({ outcome: 'rejected' }).success).toBe(false);
    expect(AppealDecisionRequestSchema.safeParse({ outcome: 'rejected', reason: 'too short' }).success).toBe(false);
    expect(AppealDecisionRequestSchema.safeParse({ outcome: 'corrected', reason: REASON }).success).toBe(false);
    expect(
      AppealDecisionRequestSchema.safeParse({
        outcome: 'rejected',
        reason: REASON,
        override: { color: 'green', until: '2026-12-01' },
      }).success,
    ).toBe(false);
  });

  it('lowering red to green waits for a second staff member; until then nothing changes', async () => {
    const { r, agent, number } = await appealInReview('data-error');
    const supervisor = await ctx.newStaff('supervisor', '33');
    const until = addDays(today, 14);
    const decided = await decisions.decide(agent, number, {
      outcome: 'corrected',
      reason: REASON,
      override: { color: 'green', until },
    });
    expect(decided.decision).toMatchObject({
      outcome: 'corrected',
      approval: 'pending',
      override: { color: 'green', until },
    });
    expect((await ctx.codes().currentCode(r.id)).color).toBe('red');
    expect(await ctx.db.getRepository(StaffOverrideEntity).findOneByOrFail({ residentId: r.id })).toMatchObject({
      status: 'pending',
    });

    // The decider cannot approve their own decision, even as a supervisor.
    const selfApproval = await decisions.decide(supervisor, number, { outcome: 'rejected', reason: REASON }).then(
      () => null,
      (e) => e,
    );
    expect((selfApproval as DomainException).code).toBe(ApiErrorCode.IllegalTransition);
    const sameStaff = { ...supervisor, staffId: agent.staffId };
    expect((await refusal(decisions.approve(sameStaff, number, { approve: true }))).code).toBe(ApiErrorCode.Forbidden);
    expect(
      (await refusal(decisions.approve(await ctx.newStaff('supervisor', '42'), number, { approve: true }))).code,
    ).toBe(ApiErrorCode.OutOfScope);

    const approved = await decisions.approve(supervisor, number, { approve: true });
    expect(approved.decision?.approval).toBe('approved');
    const code = await ctx.codes().currentCode(r.id);
    expect(code.color).toBe('green');
    expect(code.reasons.find((x) => x.fact.kind === 'override')).toMatchObject({ fact: { reason: REASON, until } });
    const history = await ctx.codes().history(r.id);
    expect(history.items.filter((h) => h.cause === 'appeal-decided')).toEqual([
      expect.objectContaining({
        colorBefore: 'red',
        colorAfter: 'green',
        causeText: { 'zh-CN': `申诉 #${number} 已裁决`, en: `appeal #${number} decided` },
      }),
    ]);
    expect((await refusal(decisions.approve(supervisor, number, { approve: true }))).code).toBe(
      ApiErrorCode.IllegalTransition,
    );
  });

  /** A resident made yellow by a declared symptom, with an appeal on that reason in review. */
  async function yellowAppealInReview() {
    const r = await ctx.newResident();
    await ctx.get(DeclarationService).declare(r.id, {
      currentRegion: '330106',
      stays: [],
      symptoms: [{ symptom: 'fever', onset: today }],
      contact: null,
    });
    expect((await ctx.codes().currentCode(r.id)).color).toBe('yellow');
    const agent = await ctx.newStaff('hotline-agent', '3301');
    const { number } = await filing.submit(r.id, {
      fields: { ruleId: 'symptoms', factKind: 'symptom', category: 'other', statement: 'Please look again.' },
      files: [],
    });
    await review.startReview(agent, number);
    return { r, agent, number };
  }

  it('a raise waits for a second staff member: one hotline agent alone cannot make anyone red', async () => {
    const { r, agent, number } = await yellowAppealInReview();
    const decided = await decisions.decide(agent, number, {
      outcome: 'corrected',
      reason: REASON,
      override: { color: 'red', until: addDays(today, 90) },
    });
    expect(decided.decision).toMatchObject({ approval: 'pending', override: { color: 'red' } });
    expect((await ctx.codes().currentCode(r.id)).color).toBe('yellow');
    const sameStaff = { ...(await ctx.newStaff('supervisor', '33')), staffId: agent.staffId };
    expect((await refusal(decisions.approve(sameStaff, number, { approve: true }))).code).toBe(ApiErrorCode.Forbidden);
    await decisions.approve(await ctx.newStaff('supervisor', '33'), number, { approve: true });
    expect((await ctx.codes().currentCode(r.id)).color).toBe('red');
  });

  it('an emergency raise applies at once but only for today unless approved, and a refusal ends it at once', async () => {
    const lapsing = await yellowAppealInReview();
    await decisions.decide(lapsing.agent, lapsing.number, {
      outcome: 'corrected',
      reason: REASON,
      override: { color: 'red', until: addDays(today, 30) },
      emergency: true,
    });
    expect((await ctx.codes().currentCode(lapsing.r.id)).color).toBe('red');
    const stopGap = await ctx.db
      .getRepository(StaffOverrideEntity)
      .findOneByOrFail({ residentId: lapsing.r.id, status: 'active' });
    expect(stopGap.until).toBe(addDays(today, 1));

    const refused = await yellowAppealInReview();
    await decisions.decide(refused.agent, refused.number, {
      outcome: 'corrected',
      reason: REASON,
      override: { color: 'red', until: addDays(today, 30) },
      emergency: true,
    });
    expect((await ctx.codes().currentCode(refused.r.id)).color).toBe('red');
    await decisions.approve(await ctx.newStaff('supervisor', '33'), refused.number, { approve: false });
    expect((await ctx.codes().currentCode(refused.r.id)).color).toBe('yellow');

    // Without approval the stop-gap lapses with the day.
    ctx.clock.advanceDays(1);
    try {
      expect((await ctx.codes().currentCode(lapsing.r.id)).color).toBe('yellow');
    } finally {
      ctx.clock.advanceDays(-1);
    }
  });

  it('refuses an emergency flag on a decision that does not raise', async () => {
    const { agent, number } = await appealInReview('data-error');
    const error = await refusal(
      decisions.decide(agent, number, {
        outcome: 'corrected',
        reason: REASON,
        override: { color: 'green', until: addDays(today, 5) },
        emergency: true,
      }),
    );
    expect(error.code).toBe(ApiErrorCode.ValidationFailed);
  });

  it('refuses an upheld decision that would change nothing (not a wrong case match)', async () => {
    const { agent, number } = await appealInReview('symptoms-resolved');
    const error = await refusal(decisions.decide(agent, number, { outcome: 'upheld', reason: REASON }));
    expect(error).toMatchObject({
      code: ApiErrorCode.ValidationFailed,
      message: expect.stringContaining("decide 'corrected'"),
    });
  });

  it('a refused approval sends the appeal back to review and drops the override', async () => {
    const { r, agent, number } = await appealInReview('data-error');
    const supervisor = await ctx.newStaff('supervisor', '3301');
    await decisions.decide(agent, number, {
      outcome: 'corrected',
      reason: REASON,
      override: { color: 'yellow', until: addDays(today, 7) },
    });
    const back = await decisions.approve(supervisor, number, {
      approve: false,
      note: 'Ask for the hospital discharge letter first.',
    });
    expect(back).toMatchObject({ status: 'in-review', decision: null });
    expect(await ctx.db.getRepository(StaffOverrideEntity).findOneByOrFail({ residentId: r.id })).toMatchObject({
      status: 'refused',
    });
    expect((await ctx.codes().currentCode(r.id)).color).toBe('red');
  });

  it('applies at once where the region policy needs no second approval', async () => {
    await ctx.db.getRepository(AppealRegionPolicyEntity).save({
      regionPrefix: '330106',
      firstResponseSeconds: 3600,
      decisionSeconds: 7200,
      loweringNeedsApproval: false,
    });
    const { r, agent, number } = await appealInReview('data-error');
    const decided = await decisions.decide(agent, number, {
      outcome: 'corrected',
      reason: REASON,
      override: { color: 'yellow', until: addDays(today, 7) },
    });
    expect(decided.decision?.approval).toBe('not-needed');
    expect((await ctx.codes().currentCode(r.id)).color).toBe('yellow');
    await ctx.db.getRepository(AppealRegionPolicyEntity).delete({ regionPrefix: '330106' });
  });

  it('an upheld wrong case match excludes that authority row for the resident for good, even re-imported', async () => {
    const { r, fact, agent, number } = await appealInReview('wrong-case-match');
    const supervisor = await ctx.newStaff('supervisor', '33');
    const decided = await decisions.decide(agent, number, { outcome: 'upheld', reason: REASON });
    expect(decided.decision).toMatchObject({ outcome: 'upheld', factCorrected: true, approval: 'pending' });
    expect((await ctx.codes().currentCode(r.id)).color).toBe('red');
    await decisions.approve(supervisor, number, { approve: true });
    expect((await ctx.codes().currentCode(r.id)).color).toBe('green');
    expect(await ctx.db.getRepository(FactCorrectionEntity).countBy({ residentId: r.id })).toBe(1);

    // The feed is re-imported: the same row comes back under a new id.
    await ctx.db.getRepository(AuthorityFactEntity).delete({ id: fact.id });
    const again = await ctx.addCase(r.idNumber, addDays(today, -3), `${r.idNumber}${addDays(today, -3)}`);
    expect(again.rowHash.equals(fact.rowHash)).toBe(true);
    await ctx.codes().rescoreOne(r.id, 'authority-import', `import:${again.id}`);
    expect((await ctx.codes().currentCode(r.id)).color).toBe('green');

    // The bulk path (re-scoring many residents) applies the same exclusion; other residents keep their rows.
    const other = await ctx.newResident();
    await ctx.addCase(other.idNumber, addDays(today, -2));
    const hmacOf = async (id: string) =>
      (await ctx.db.query('SELECT id_hmac FROM residents WHERE id = ?', [uuidToBuffer(id)]))[0].id_hmac as Buffer;
    const bulk = await ctx.get(FactsRepository).forResidents([
      { id: r.id, idHmacs: [await hmacOf(r.id)] },
      { id: other.id, idHmacs: [await hmacOf(other.id)] },
    ]);
    expect(bulk.get(r.id)).toEqual([]);
    expect(bulk.get(other.id)).toHaveLength(1);
  });
});
