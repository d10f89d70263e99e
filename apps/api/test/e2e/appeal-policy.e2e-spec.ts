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

  it('sets the categories a region offers; residents see and may file only those, staff filter by them', async () => {
    const { http } = ctx;
    const admin = await ctx.newStaff('region-admin', '3301');
    const far = await ctx.newStaff('region-admin', '4201');
    const agent = await ctx.newStaff('hotline-agent', '33');
    const supervisor = await ctx.newStaff('supervisor', '33');
    const hotel = { 'zh-CN': '隔离酒店记录有误', en: 'The quarantine hotel record is wrong' };
    const policy = {
      firstResponseHours: 24,
      decisionHours: 72,
      loweringNeedsApproval: true,
      categories: [{ key: 'wrong-case-match' }, { key: 'quarantine-hotel', label: hotel }],
    };
    const put = (body: unknown, token: string) => http.put('/api/v1/admin/appeal-policies/3301', body, token);

    // Wrong region, wrong role, and lists that cannot be offered: refused, nothing stored.
    expect((await put(policy, far.token)).body.code).toBe('OUT_OF_SCOPE');
    expect((await put(policy, agent.token)).status).toBe(403);
    for (const [categories, path] of [
      [[], 'categories'],
      [[{ key: 'quarantine-hotel' }], 'categories.0.label'],
      [[{ key: 'other', label: hotel }], 'categories.0.label'],
      [[{ key: 'other' }, { key: 'other' }], 'categories.1.key'],
      [[{ key: 'Other!' }], 'categories.0.key'],
      [[{ key: 'quarantine-hotel', label: { 'zh-CN': '酒店', en: 'x'.repeat(61) } }], 'categories.0.label.en'],
    ] as const) {
      const refused = await put({ ...policy, categories }, admin.token);
      expect({ status: refused.status, paths: refused.body.errors?.map((e: { path: string }) => e.path) }).toEqual({
        status: 400,
        paths: expect.arrayContaining([path]),
      });
    }
    expect(await ctx.db.query(`SELECT * FROM appeal_region_policies WHERE region_prefix = '3301'`)).toEqual([]);

    const set = await put(policy, admin.token);
    expect(set.status).toBe(200);
    expect(set.body.categories).toEqual([
      {
        key: 'wrong-case-match',
        label: { 'zh-CN': '病例登记匹配错了人', en: 'The case registry matched the wrong person' },
        custom: false,
      },
      { key: 'quarantine-hotel', label: hotel, custom: true },
    ]);
    const [audit] = await ctx.db.query(
      `SELECT details FROM audit_log WHERE action = 'appeal-policy.set' AND target_id = '3301'`,
    );
    const details = typeof audit.details === 'string' ? JSON.parse(audit.details) : audit.details;
    expect(details.categories).toEqual(policy.categories);
    // The 330106 row (deadlines only, from the test above) offers what its wider region offers.
    const listed = (await http.get('/api/v1/admin/appeal-policies', supervisor.token)).body.items;
    expect(listed.find((p: { regionPrefix: string }) => p.regionPrefix === '330106').categories).toEqual(
      set.body.categories,
    );

    // A resident in 330106 is offered the region's list and cannot file under another category.
    const resident = await ctx.newCaseResident();
    expect((await http.get('/api/v1/me/appeal-categories', resident.token)).body).toEqual({
      region: '330106',
      categories: set.body.categories,
    });
    expect((await http.get('/api/v1/me/appeal-categories', supervisor.token)).status).toBe(403);
    const count = async () => Number((await ctx.db.query('SELECT COUNT(*) AS n FROM appeals'))[0].n);
    const before = await count();
    await expect(ctx.newAppeal(resident, { category: 'other' })).rejects.toThrow(/400.*category/);
    await expect(ctx.newAppeal(resident, { category: 'not-a-category' })).rejects.toThrow(/400/);
    const reason = (await http.get('/api/v1/me/code', resident.token)).body.reasons.find(
      (x: { fact: { kind: string } }) => x.fact.kind === 'case',
    );
    const fields = { ruleId: reason.ruleId, factKind: 'case', factRef: resident.factId, statement: 'Not me.' };
    const zh = await http.post('/api/v1/me/appeals', { ...fields, category: 'other' }, resident.token, {
      'accept-language': 'zh-CN',
    });
    expect(zh.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '您所在地区不提供申诉类别 other，请从 GET /api/v1/me/appeal-categories 列出的类别中选择',
      errors: [{ path: 'category', message: '您所在地区不提供此类别，请从列出的类别中选择' }],
    });
    expect(await count()).toBe(before);
    const { number, body } = await ctx.newAppeal(resident, { category: 'quarantine-hotel' });
    expect(body).toMatchObject({ category: 'quarantine-hotel', categoryLabel: hotel });

    // Staff see the label and filter the queue by category.
    const numbers = async (query: string) =>
      ((await http.get(`/api/v1/appeals?${query}`, supervisor.token)).body.items as { number: number }[]).map(
        (a) => a.number,
      );
    expect(await numbers('category=quarantine-hotel')).toEqual([number]);
    expect(await numbers('category=wrong-case-match')).not.toContain(number);
    expect((await http.get('/api/v1/appeals?category=Bad!', supervisor.token)).status).toBe(400);
  });
});
