import { addDays, type Color, cstDate } from '@healthcode/contracts';

import { AppealDecisionService } from '../../src/modules/appeal/appeal-decision.service';
import { AppealFilingService } from '../../src/modules/appeal/appeal-filing.service';
import { AppealReviewService } from '../../src/modules/appeal/appeal-review.service';
import {
  type AppealNotificationPayload,
  NotificationOutboxEntity,
} from '../../src/modules/notification/notification-outbox.entity';
import { NotificationProcessor } from '../../src/modules/notification/notification.processor';
import { NotificationService, type StagedNotice } from '../../src/modules/notification/notification.service';
import { wechatTemplateProblems } from '../../src/modules/notification/wechat-template-data.util';
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
  const alipayOwn = alipayKeyPair();

  beforeAll(async () => {
    wechat = await fakeWechatMessages('wx-app', 'wx-secret', () => wechatAnswer());
    alipay = await fakeAlipayMessages('2021000000000001', keys.publicKey, () => alipayAnswer(), alipayOwn.privateKey);
    ctx = await AppealContext.create({
      NOTIFY_ATTEMPTS: '3',
      NOTIFY_BACKOFF_MS: '50',
      WECHAT_APP_ID: 'wx-app',
      WECHAT_APP_SECRET: 'wx-secret',
      WECHAT_API_BASE: wechat.url,
      WECHAT_APPEAL_TEMPLATE_ID: 'tmpl-wx',
      WECHAT_COLOR_TEMPLATE_ID: 'tmpl-wx-color',
      NOTIFY_COLOR_DEBOUNCE_SECONDS: '0',
      ALIPAY_APP_ID: '2021000000000001',
      ALIPAY_PRIVATE_KEY: keys.privateKey,
      ALIPAY_GATEWAY: `${alipay.url}/gateway.do`,
      ALIPAY_APPEAL_TEMPLATE_ID: 'tmpl-ali',
      ALIPAY_COLOR_TEMPLATE_ID: 'tmpl-ali-color',
      ALIPAY_PUBLIC_KEY: alipayOwn.publicKey,
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
  // `sending` is the claim held while the host answers: not settled yet.
  const settled = (id: string) =>
    ctx.waitFor(async () => (['pending', 'sending'].includes((await row(id)).status) ? null : row(id)));

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
      to_user_id: '2088000000000001',
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
    expect(rows.map((x) => (x.payload as AppealNotificationPayload).event).sort()).toEqual([
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

    // A message through each host too, so the check below covers every channel whatever ran before.
    wechatAnswer = () => 0;
    alipayAnswer = () => '10000';
    const viaWechat = await ctx.newResident({ provider: 'wechat', hostUserId: 'openid-no-pii' });
    const viaAlipay = await ctx.newResident({ provider: 'alipay', hostUserId: '2088000000000077' });
    expect(await settled(await notify(viaWechat.id, 'wechat'))).toMatchObject({ status: 'sent' });
    expect(await settled(await notify(viaAlipay.id, 'alipay'))).toMatchObject({ status: 'sent' });
    expect(wechat.sends.some((x) => x.touser === 'openid-no-pii')).toBe(true);

    const everything = JSON.stringify([
      wechat.sends,
      alipay.sends,
      await ctx.db.getRepository(NotificationOutboxEntity).find(),
    ]);
    const residents: { id_masked: string }[] = await ctx.db.query('SELECT id_masked FROM residents');
    expect(residents.length).toBeGreaterThanOrEqual(3);
    expect(everything).not.toMatch(/3301061990\d{4}/); // resident ID numbers of the factory
    expect(everything).not.toContain('13612345678');
    expect(everything).not.toContain('王五');
  });

  describe('colour changes', () => {
    const reason = {
      'zh-CN': '你在过去14天内到访过中风险地区湖北省武汉市江汉区，需要完成核酸检测',
      en: 'You visited a medium-risk region in the last 14 days',
    };
    async function change(residentId: string, steps: [Color, Color][]) {
      const service = ctx.get(NotificationService);
      const staged = await ctx.db.transaction(async (m) => {
        let last: StagedNotice[] = [];
        for (const [fromColor, color] of steps)
          last = await service.stageColorChanges(m, [
            { residentId, fromColor, color, reason: color === 'green' ? null : reason, greenBy: '2026-12-20' },
          ]);
        return last;
      });
      await service.dispatchDelayed(staged);
      return staged;
    }
    const colorRows = (residentId: string) =>
      ctx.db
        .getRepository(NotificationOutboxEntity)
        .find({ where: { residentId }, order: { createdAt: 'ASC' } })
        .then((rows) => rows.filter((r) => r.dedupeKey.startsWith('color:')));

    it('WeChat: the colour template, the code page, and data within the keyword limits', async () => {
      const r = await ctx.newResident({ provider: 'wechat', hostUserId: 'openid-color' });
      wechatAnswer = () => 0;
      const [staged] = await change(r.id, [['green', 'yellow']]);
      expect(await settled(staged.id)).toMatchObject({ status: 'sent' });
      const sent = wechat.sends.filter((x) => x.touser === 'openid-color');
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ template_id: 'tmpl-wx-color', page: 'pages/code/index', lang: 'zh_CN' });
      const data = sent[0].data as Record<string, { value: string }>;
      expect(Object.keys(data)).toEqual(['phrase1', 'thing2', 'thing3', 'time4']);
      expect(data.phrase1.value).toBe('黄码');
      expect([...data.thing2.value]).toHaveLength(20);
      expect(data.thing2.value.endsWith('…')).toBe(true);
      expect(data.thing3.value).toBe('2026年12月20日前');
      expect(data.time4.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(wechatTemplateProblems(data)).toEqual([]);
    });

    it('several changes before the send make one message with the latest colour; later ones wait for the next hour', async () => {
      const r = await ctx.newResident({ provider: 'wechat', hostUserId: 'openid-fold' });
      wechatAnswer = () => 0;
      const [staged] = await change(r.id, [
        ['green', 'yellow'],
        ['yellow', 'red'],
      ]);
      expect(await settled(staged.id)).toMatchObject({ status: 'sent' });
      const sent = wechat.sends.filter((x) => x.touser === 'openid-fold');
      expect(sent).toHaveLength(1);
      expect((sent[0].data as Record<string, { value: string }>).phrase1.value).toBe('红码');
      // The hour's message went out: the next change waits for the next window and is not sent now.
      const [next] = await change(r.id, [['red', 'yellow']]);
      const rows = await colorRows(r.id);
      expect(rows).toHaveLength(2);
      expect(rows[1]).toMatchObject({ id: next.id, status: 'pending' });
      const hour = 3_600_000;
      expect(rows[1].notBefore!.getTime() % hour).toBe(0);
      expect(rows[1].notBefore!.getTime()).toBeGreaterThan(ctx.clock.now().getTime());
      expect(rows[1].notBefore!.getTime() - ctx.clock.now().getTime()).toBeLessThanOrEqual(hour);
      expect(wechat.sends.filter((x) => x.touser === 'openid-fold')).toHaveLength(1);
    });

    it('changes that end where they began are collapsed: nothing is sent', async () => {
      const r = await ctx.newResident({ provider: 'wechat', hostUserId: 'openid-back' });
      const [staged] = await change(r.id, [
        ['green', 'red'],
        ['red', 'green'],
      ]);
      expect(await settled(staged.id)).toMatchObject({ status: 'collapsed' });
      expect(wechat.sends.filter((x) => x.touser === 'openid-back')).toHaveLength(0);
    });

    it("Alipay: the colour subscription template, no form_id, and a signed answer checked with Alipay's key", async () => {
      const r = await ctx.newResident({ provider: 'alipay', hostUserId: '2088000000000099' });
      alipayAnswer = () => '10000';
      const [staged] = await change(r.id, [['green', 'red']]);
      expect(await settled(staged.id)).toMatchObject({ status: 'sent', attempts: 1 });
      const form = alipay.sends.at(-1) as Record<string, string>;
      const biz = JSON.parse(form.biz_content);
      expect(biz).toEqual({
        to_user_id: '2088000000000099',
        user_template_id: 'tmpl-ali-color',
        page: 'pages/code/index',
        data: expect.any(String),
      });
      const data = JSON.parse(biz.data);
      expect(data.keyword1).toEqual({ value: '红码' });
      expect([...data.keyword2.value].length).toBeLessThanOrEqual(20);
      expect(data.keyword3).toEqual({ value: '2026-12-20' });
    });
  });
});
