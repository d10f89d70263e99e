import { E2eContext } from '../utils/e2e-context';
import { deleteRedisPrefix } from '../utils/redis-cleanup';

describe('per-region appeal deadlines, set by administrators (e2e)', () => {
  let ctx: E2eContext;

  beforeAll(async () => {
    ctx = await E2eContext.create({ now: '2026-11-20T02:00:00Z' });
  });
  afterAll(async () => {
    await ctx.close();
    await deleteRedisPrefix(ctx.t.config.redis.url, ctx.t.config.redis.queuePrefix);
  });

  it('sets a region prefix policy inside the admin scope and applies it to new appeals', async () => {
    const { http } = ctx;
    const admin = await ctx.newStaff('region-admin', '3301');
    const far = await ctx.newStaff('region-admin', '4201');
    const supervisor = await ctx.newStaff('supervisor', '33');
    const policy = { firstResponseHours: 1, decisionHours: 2, loweringNeedsApproval: false };

    expect((await http.put('/api/v1/admin/appeal-policies/330106', policy, far.token)).body.code).toBe('OUT_OF_SCOPE');
    expect(
      (await http.put('/api/v1/admin/appeal-policies/330106', { ...policy, decisionHours: 0.5 }, admin.token)).status,
    ).toBe(400);
    expect((await http.put('/api/v1/admin/appeal-policies/33x', policy, admin.token)).status).toBe(400);
    expect(await http.put('/api/v1/admin/appeal-policies/330106', policy, admin.token)).toMatchObject({
      status: 200,
      body: { regionPrefix: '330106', ...policy },
    });
    const listed = await http.get('/api/v1/admin/appeal-policies', supervisor.token);
    expect(listed.body).toMatchObject({
      defaults: { firstResponseHours: 24, decisionHours: 72, loweringNeedsApproval: true },
      items: [{ regionPrefix: '330106', ...policy }],
    });
    expect((await http.get('/api/v1/admin/appeal-policies', far.token)).body.items).toEqual([]);

    // A resident of 330106 appeals: their deadlines follow the region's policy.
    const resident = await ctx.newCaseResident();
    const { body: filed } = await ctx.newAppeal(resident, { category: 'other', statement: 'Please check.' });
    const hours = (iso: string) => (new Date(iso).getTime() - new Date(filed.submittedAt).getTime()) / 3_600_000;
    expect(hours(filed.firstResponseDueAt)).toBe(1);
    expect(hours(filed.decisionDueAt)).toBe(2);
  });
});
