import { alipayTemplateData, cstMinute, notificationText, wechatTemplateData } from './notification-message.util';

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
});
