import type { ColorNotificationPayload } from './notification-outbox.entity';
import {
  alipayTemplateData,
  chineseDate,
  cstMinute,
  fitText,
  notificationPage,
  notificationText,
  wechatTemplateData,
} from './notification-message.util';
import { wechatTemplateProblems } from './wechat-template-data.util';

const payload = {
  appealNumber: 12,
  event: 'appeal.info-requested',
  status: 'needs-info',
  at: '2026-11-29T02:05:00.000Z',
};

describe('notification messages', () => {
  it('names the appeal by number and says what happened, in both languages', () => {
    expect(notificationText(payload)).toEqual({
      title: { 'zh-CN': '申诉 #12', en: 'Appeal #12' },
      body: { 'zh-CN': '请补充申诉材料', en: 'Please add information to your appeal' },
    });
  });

  it('fits WeChat keyword limits and shows China time', () => {
    const data = wechatTemplateData(payload);
    expect(data).toEqual({
      character_string1: { value: '12' },
      phrase2: { value: '待补充' },
      thing3: { value: '请补充申诉材料' },
      time4: { value: '2026-11-29 10:05' },
    });
    expect(data.phrase2.value.length).toBeLessThanOrEqual(5);
    expect(data.thing3.value.length).toBeLessThanOrEqual(20);
  });

  it('gives Alipay the same facts as keywords', () => {
    expect(Object.keys(alipayTemplateData(payload))).toEqual(['keyword1', 'keyword2', 'keyword3', 'keyword4']);
    expect(cstMinute('2026-11-29T23:59:00Z')).toBe('2026-11-30 07:59');
  });

  it('falls back to a neutral text for an unknown event', () => {
    expect(notificationText({ ...payload, appealNumber: null, event: 'x' }).body.en).toBe('Your appeal was updated');
  });

  describe('colour changes', () => {
    const color: ColorNotificationPayload = {
      kind: 'color',
      fromColor: 'green',
      color: 'red',
      reason: {
        'zh-CN': '你是确诊病例的密切接触者，需要隔离观察并完成多次核酸检测',
        en: 'You are a close contact of a case',
      },
      greenBy: '2026-12-20',
      at: '2026-12-07T01:30:00.000Z',
    };

    it('says the new colour, the first reason and the green-by date in both languages', () => {
      expect(notificationText(color)).toEqual({
        title: { 'zh-CN': '健康码已变为红码', en: 'Your health code is now red' },
        body: {
          'zh-CN': `原因：${color.reason!['zh-CN']}。预计 2026-12-20 转为绿码。`,
          en: 'Reason: You are a close contact of a case. Expected green by 2026-12-20.',
        },
      });
      expect(notificationPage(color)).toBe('pages/code/index');
    });

    it('fits the WeChat colour template: phrase, thing ≤ 20 (cut with …), a date, a time', () => {
      const data = wechatTemplateData(color);
      expect(data).toEqual({
        phrase1: { value: '红码' },
        thing2: { value: fitText(color.reason!['zh-CN'], 20) },
        thing3: { value: '2026年12月20日前' },
        time4: { value: '2026-12-07 09:30' },
      });
      expect([...data.thing2.value]).toHaveLength(20);
      expect(wechatTemplateProblems(data)).toEqual([]);
      const green = wechatTemplateData({ ...color, color: 'green' as const, reason: null, greenBy: null });
      expect(green.thing3.value).toBe('已是绿码');
      expect(wechatTemplateProblems(green)).toEqual([]);
    });

    it('gives Alipay the same facts as keywords', () => {
      expect(alipayTemplateData(color).keyword1).toEqual({ value: '红码' });
      expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
      expect(fitText('short', 20)).toBe('short');
    });
  });

  it('every appeal event fits the WeChat appeal template', () => {
    for (const event of ['appeal.approval-pending', 'appeal.approval-refused', 'appeal.x'])
      expect(wechatTemplateProblems(wechatTemplateData({ ...payload, event }))).toEqual([]);
  });
});
