import type { Color } from '@healthcode/contracts';

import { NotificationOutboxEntity } from '../../src/modules/notification/notification-outbox.entity';
import { NotificationSender } from '../../src/modules/notification/notification-sender.service';
import { NotificationService } from '../../src/modules/notification/notification.service';
import { NotificationRepository } from '../../src/modules/notification/notification.repository';
import type { NotificationProvider } from '../../src/modules/notification/providers/notification-provider.interface';
import { AppealContext } from '../utils/appeal-context';
import { fakeWechatMessages, type FakeMessageServer } from '../utils/fake-message-servers';

/**
 * A colour change folded into a pending message at the moment that message is being sent is never lost. The
 * interleavings are forced with two connections and explicit commit order, never with timing.
 */
describe('colour messages: the sender claims a row before sending, folding touches only pending rows (medium)', () => {
  let ctx: AppealContext;
  let wechat: FakeMessageServer;
  const reason = {
    'zh-CN': '你在过去14天内到访过中风险地区',
    en: 'You visited a medium-risk region in the last 14 days',
  };

  beforeAll(async () => {
    wechat = await fakeWechatMessages('wx-app', 'wx-secret', () => 0);
    ctx = await AppealContext.create({
      WECHAT_APP_ID: 'wx-app',
      WECHAT_APP_SECRET: 'wx-secret',
      WECHAT_API_BASE: wechat.url,
      WECHAT_APPEAL_TEMPLATE_ID: 'tmpl-wx',
      WECHAT_COLOR_TEMPLATE_ID: 'tmpl-wx-color',
      NOTIFY_COLOR_DEBOUNCE_SECONDS: '0',
    });
  });
  afterAll(async () => {
    await ctx.close();
    await wechat.close();
  });

  const change = (residentId: string, fromColor: Color, color: Color) =>
    ctx.db.transaction((m) =>
      ctx
        .get(NotificationService)
        .stageColorChanges(m, [{ residentId, fromColor, color, reason, greenBy: '2026-12-20' }]),
    );
  const rows = (residentId: string) =>
    ctx.db.getRepository(NotificationOutboxEntity).find({ where: { residentId }, order: { notBefore: 'ASC' } });
  const colourSent = (openid: string) =>
    wechat.sends
      .filter((s) => s.touser === openid)
      .map((s) => (s.data as Record<string, { value: string }>).phrase1.value);

  it('a change arriving while the message is on the wire goes to a new row for the next window, sent then', async () => {
    const r = await ctx.newResident({ provider: 'wechat', hostUserId: 'openid-claim-1' });
    const [first] = await change(r.id, 'green', 'yellow');
    const sender = ctx.get(NotificationSender);
    const provider = (sender as unknown as { providers: Map<string, NotificationProvider> }).providers.get('wechat')!;
    const send = provider.send.bind(provider);
    const spy = jest.spyOn(provider, 'send').mockImplementationOnce(async (message) => {
      // The row is claimed (`sending`): this change, committed on another connection, must not fold into it.
      expect((await rows(r.id))[0]).toMatchObject({ id: first.id, status: 'sending' });
      await change(r.id, 'yellow', 'red');
      return send(message);
    });
    expect(await sender.deliver(first.id, 1, true)).toBe('sent');
    spy.mockRestore();
    const [sent, next] = await rows(r.id);
    expect(sent).toMatchObject({ id: first.id, status: 'sent', payload: { fromColor: 'green', color: 'yellow' } });
    expect(next).toMatchObject({ status: 'pending', payload: { fromColor: 'yellow', color: 'red' } });
    expect(next.notBefore!.getTime() % 3_600_000).toBe(0);
    expect(colourSent('openid-claim-1')).toEqual(['黄码']);
    // Not before its window opens; then it goes out with the latest colour.
    expect(await sender.deliver(next.id, 1, true)).toBe('skipped');
    const now = ctx.clock.now();
    ctx.clock.set(next.notBefore!);
    try {
      expect(await sender.deliver(next.id, 1, true)).toBe('sent');
    } finally {
      ctx.clock.set(now);
    }
    expect(colourSent('openid-claim-1')).toEqual(['黄码', '红码']);
  });

  it('a change folded between the sender reading the row and claiming it: the claim fails, it reads again, sends the latest', async () => {
    const r = await ctx.newResident({ provider: 'wechat', hostUserId: 'openid-claim-2' });
    const [first] = await change(r.id, 'green', 'yellow');
    const outbox = ctx.get(NotificationRepository);
    const claim = outbox.claimOutbox.bind(outbox);
    const versions: number[] = [];
    // The sender has read version 0 (yellow); another connection folds yellow → red and commits before the claim.
    const spy = jest.spyOn(outbox, 'claimOutbox').mockImplementation(async (id, version, now, stale) => {
      versions.push(version);
      if (versions.length === 1) await change(r.id, 'yellow', 'red');
      return claim(id, version, now, stale);
    });
    try {
      expect(await ctx.get(NotificationSender).deliver(first.id, 1, true)).toBe('sent');
    } finally {
      spy.mockRestore();
    }
    expect(versions).toEqual([0, 1]);
    const all = await rows(r.id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'sent', payload: { fromColor: 'green', color: 'red' } });
    expect(colourSent('openid-claim-2')).toEqual(['红码']);
  });

  it('a claim naming an older version fails; a second claim of a claimed row fails; a stale claim can be taken', async () => {
    const r = await ctx.newResident({ provider: 'wechat', hostUserId: 'openid-claim-3' });
    const [first] = await change(r.id, 'green', 'yellow');
    const repo = ctx.db.getRepository(NotificationOutboxEntity);
    const read = await repo.findOneByOrFail({ id: first.id });
    await change(r.id, 'yellow', 'red');
    const outbox = ctx.get(NotificationRepository);
    const now = ctx.clock.now();
    const stale = new Date(now.getTime() - 600_000);
    expect(await outbox.claimOutbox(first.id, read.version, now, stale)).toBe(false);
    expect(await outbox.claimOutbox(first.id, read.version + 1, now, stale)).toBe(true);
    expect(await outbox.claimOutbox(first.id, read.version + 2, now, stale)).toBe(false);
    // The worker died mid-send: after the stale limit the sweep finds the row and another worker takes it.
    const later = new Date(now.getTime() + 601_000);
    expect(await outbox.pendingSince(later, later, 10, new Date(later.getTime() - 600_000))).toContain(first.id);
    expect(await outbox.claimOutbox(first.id, read.version + 2, later, new Date(later.getTime() - 600_000))).toBe(true);
  });
});
