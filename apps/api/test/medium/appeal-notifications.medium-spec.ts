import { addDays, cstDate } from '@healthcode/contracts';

import { AppealDecisionService } from '../../src/modules/appeal/appeal-decision.service';
import { AppealFilingService } from '../../src/modules/appeal/appeal-filing.service';
import { AppealReviewService } from '../../src/modules/appeal/appeal-review.service';
import { NotificationOutboxEntity } from '../../src/modules/notification/notification-outbox.entity';
import { NotificationProcessor } from '../../src/modules/notification/notification.processor';
import { NotificationService } from '../../src/modules/notification/notification.service';
import { AppealContext } from '../utils/appeal-context';
import { alipayKeyPair } from '../utils/fake-host-servers';
import { fakeAlipayMessages, fakeWechatMessages, type FakeMessageServer } from '../utils/fake-message-servers';

/** WeChat errcode -1 is "system busy": worth a retry. 43101 is "the user did not subscribe": never retried. */
describe('resident notifications: outbox, Bull retries with backoff, WeChat/Alipay/dev providers (medium)', () => {
  let ctx: AppealContext;
  let wechat: FakeMessageServer;
  let alipay: FakeMessageServer;
  let wechatAnswer: () => number = () => 0;
  let alipayAnswer: () => string = () => '10000';
  const keys = alipayKeyPair();

  beforeAll(async () => {
    wechat = await fakeWechatMessages('wx-app', 'wx-secret', () => wechatAnswer());
    alipay = await fakeAlipayMessages('2021000000000001', keys.publicKey, () => alipayAnswer());
    ctx = await AppealContext.create({
      NOTIFY_ATTEMPTS: '3',
      NOTIFY_BACKOFF_MS: '50',
      WECHAT_APP_ID: 'wx-app',
      WECHAT_APP_SECRET: 'wx-secret',
      WECHAT_API_BASE: wechat.url,
      WECHAT_APPEAL_TEMPLATE_ID: 'tmpl-wx',
      ALIPAY_APP_ID: '2021000000000001',
      ALIPAY_PRIVATE_KEY: keys.privateKey,
      ALIPAY_GATEWAY: `${alipay.url}/gateway.do`,
      ALIPAY_APPEAL_TEMPLATE_ID: 'tmpl-ali',
    });
  });
  afterAll(async () => {
    await ctx.close();
    await wechat.close();
    await alipay.close();
  });

  async function notify(residentId: string, channel: 'wechat' | 'alipay' | 'dev', event = 'appeal.info-requested') {
    const service = ctx.get(NotificationService);
    const id = await ctx.db.transaction((m) =>
      service.stage(m, {
        residentId,
        channel,
        payload: { appealNumber: 7, event, status: 'needs-info', at: ctx.clock.now().toISOString() },
        dedupeKey: `test:${Math.random()}`,
      }),
    );
    await service.dispatch([id]);
    return id;
  }

  const row = (id: string) => ctx.db.getRepository(NotificationOutboxEntity).findOneByOrFail({ id });
  const settled = (id: string) => ctx.waitFor(async () => ((await row(id)).status !== 'pending' ? row(id) : null));

  it('retries a busy WeChat with backoff until it accepts, fetching the access token once', async () => {
    const r = await ctx.newResident({ provider: 'wechat', hostUserId: 'openid-retry' });
    let failures = 2;
    wechatAnswer = () => (failures-- > 0 ? -1 : 0);
    const sent = await settled(await notify(r.id, 'wechat'));
    expect(sent).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    const mine = wechat.sends.filter((s) => s.touser === 'openid-retry');
    expect(mine).toHaveLength(3);
    expect(mine[2]).toMatchObject({
      touser: 'openid-retry',
      template_id: 'tmpl-wx',
      page: 'pages/appeal/index?number=7',
      data: { character_string1: { value: '7' }, phrase2: { value: '待补充' }, thing3: { value: '请补充申诉材料' } },
    });
    expect(wechat.tokenRequests).toHaveLength(1);
    expect(wechat.tokenRequests[0]).toEqual({ grant_type: 'client_credential', appid: 'wx-app', secret: 'wx-secret' });
  });

  it('marks a permanent refusal undeliverable at once, without retrying', async () => {
    const r = await ctx.newResident({ provider: 'wechat', hostUserId: 'openid-refused' });
    wechatAnswer = () => 43101;
    expect(await settled(await notify(r.id, 'wechat'))).toMatchObject({ status: 'undeliverable', attempts: 1 });
    expect(wechat.sends.filter((s) => s.touser === 'openid-refused')).toHaveLength(1);
  });

  it('sends through the Alipay gateway, signed RSA2', async () => {
    const r = await ctx.newResident({ provider: 'alipay', hostUserId: '2088000000000001' });
    alipayAnswer = () => '10000';
    expect(await settled(await notify(r.id, 'alipay'))).toMatchObject({ status: 'sent', attempts: 1 });
    const form = alipay.sends.at(-1) as Record<string, string>;
    expect(form.method).toBe('alipay.open.app.mini.templatemessage.send');
    const biz = JSON.parse(form.biz_content);
    expect(biz).toMatchObject({
      to_open_id: '2088000000000001',
      user_template_id: 'tmpl-ali',
      page: 'pages/appeal/index?number=7',
    });
    expect(JSON.parse(biz.data).keyword2).toEqual({ value: '待补充' });
  });

  it('a channel that keeps failing never blocks the decision and never loses the message', async () => {
    const r = await ctx.newResident({ provider: 'wechat', hostUserId: 'openid-down' });
    wechatAnswer = () => -1;
    const fact = await ctx.addCase(r.idNumber, addDays(cstDate(ctx.clock.now()), -2));
    await ctx.codes().rescoreOne(r.id, 'authority-import', `import:${fact.id}`);
    const reason = (await ctx.codes().currentCode(r.id)).reasons.find((x) => x.fact.kind === 'case')!;
    const agent = await ctx.newStaff('hotline-agent', '33');
    const { number } = await ctx.get(AppealFilingService).submit(r.id, {
      fields: {
        ruleId: reason.ruleId,
        factKind: 'case',
        factRef: String(reason.fact.ref),
        category: 'other',
        statement: 'Please check.',
      },
      files: [],
    });
    await ctx.get(AppealReviewService).startReview(agent, number);
    const decided = await ctx
      .get(AppealDecisionService)
      .decide(agent, number, { outcome: 'rejected', reason: 'The registry entry was checked with the hospital.' });
    expect(decided.status).toBe('decided');
    const rows = await ctx.waitFor(async () => {
      const all = await ctx.db.getRepository(NotificationOutboxEntity).findBy({ residentId: r.id });
      return all.length === 4 && all.every((x) => x.status === 'failed') ? all : null;
    });
    expect(rows.map((x) => x.payload.event).sort()).toEqual([
      'appeal.assigned',
      'appeal.decided',
      'appeal.review-started',
      'appeal.submitted',
    ]);
    expect(rows.every((x) => x.attempts === 3 && x.lastError?.includes('errcode -1'))).toBe(true);
  });

  it('a message whose job was lost (Redis down at commit) is sent by the outbox sweep', async () => {
    const r = await ctx.newResident({ provider: 'dev' });
    const service = ctx.get(NotificationService);
    const id = await ctx.db.transaction((m) =>
      service.stage(m, {
        residentId: r.id,
        channel: 'dev',
        payload: { appealNumber: 8, event: 'appeal.closed', status: 'closed', at: ctx.clock.now().toISOString() },
        dedupeKey: 'lost-job',
      }),
    );
    // Never dispatched. Not yet old enough for the sweep:
    expect(await ctx.get(NotificationProcessor).sweep()).toBe(0);
    ctx.clock.set(new Date(ctx.clock.now().getTime() + 5 * 60_000));
    expect(await ctx.get(NotificationProcessor).sweep()).toBe(1);
    expect(await settled(id)).toMatchObject({ status: 'sent' });
  });

  it('the dev channel stores messages for the H5 app, and no message carries an ID number, phone or name', async () => {
    const r = await ctx.newResident({ provider: 'dev' });
    await settled(await notify(r.id, 'dev', 'appeal.decided'));
    const { items } = await ctx.get(NotificationService).listForResident(r.id);
    expect(items).toEqual([
      expect.objectContaining({
        appealNumber: 7,
        title: { 'zh-CN': '申诉 #7', en: 'Appeal #7' },
        body: { 'zh-CN': '你的申诉已有裁决', en: 'Your appeal has been decided' },
      }),
    ]);

    const everything = JSON.stringify([
      wechat.sends,
      alipay.sends,
      await ctx.db.getRepository(NotificationOutboxEntity).find(),
    ]);
    const residents: { id_masked: string }[] = await ctx.db.query('SELECT id_masked FROM residents');
    expect(residents.length).toBeGreaterThan(3);
    expect(everything).not.toMatch(/3301061990\d{4}/); // resident ID numbers of the factory
    expect(everything).not.toContain('13612345678');
    expect(everything).not.toContain('王五');
  });
});
