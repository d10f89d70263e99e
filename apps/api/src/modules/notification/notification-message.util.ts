import type { LocalizedText } from '@healthcode/contracts';

import type { NotificationPayload } from './notification-outbox.entity';

const STATUS_ZH: Record<string, string> = {
  submitted: '已提交',
  assigned: '已受理',
  'in-review': '审核中',
  'needs-info': '待补充',
  decided: '已裁决',
  closed: '已结束',
};

const EVENT_TEXT: Record<string, LocalizedText> = {
  'appeal.submitted': { 'zh-CN': '我们已收到你的申诉', en: 'We received your appeal' },
  'appeal.assigned': { 'zh-CN': '工作人员已受理你的申诉', en: 'A hotline agent took on your appeal' },
  'appeal.review-started': { 'zh-CN': '你的申诉正在审核', en: 'Your appeal is being reviewed' },
  'appeal.info-requested': { 'zh-CN': '请补充申诉材料', en: 'Please add information to your appeal' },
  'appeal.info-provided': { 'zh-CN': '已收到你补充的材料', en: 'We received your answer' },
  'appeal.decided': { 'zh-CN': '你的申诉已有裁决', en: 'Your appeal has been decided' },
  'appeal.approval-pending': { 'zh-CN': '裁决待第二名工作人员确认', en: 'The decision awaits a second staff member' },
  'appeal.approved': { 'zh-CN': '裁决已确认并生效', en: 'The decision was approved and applies now' },
  'appeal.approval-refused': {
    'zh-CN': '裁决未获确认，重新审核',
    en: 'The decision was not approved; review continues',
  },
  'appeal.closed': { 'zh-CN': '申诉已结束', en: 'Your appeal is closed' },
};

/** The words of a message: only the appeal number, what happened and when; never a name, ID or phone. */
export function notificationText(payload: NotificationPayload): { title: LocalizedText; body: LocalizedText } {
  const n = payload.appealNumber;
  const title: LocalizedText =
    n === null ? { 'zh-CN': '健康码通知', en: 'Health code notice' } : { 'zh-CN': `申诉 #${n}`, en: `Appeal #${n}` };
  const body = EVENT_TEXT[payload.event] ?? { 'zh-CN': '你的申诉有更新', en: 'Your appeal was updated' };
  return { title, body };
}

/** `yyyy-MM-dd HH:mm` in China Standard Time, as both host apps show dates. */
export function cstMinute(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 16);
}

/**
 * WeChat subscribe-message fields. Keyword types limit lengths: `character_string` 32, `phrase` 5 characters,
 * `thing` 20 characters, `time` a date-time.
 */
export function wechatTemplateData(payload: NotificationPayload): Record<string, { value: string }> {
  return {
    character_string1: { value: payload.appealNumber === null ? '-' : String(payload.appealNumber) },
    phrase2: { value: STATUS_ZH[payload.status] ?? '有更新' },
    thing3: { value: notificationText(payload).body['zh-CN'].slice(0, 20) },
    time4: { value: cstMinute(payload.at) },
  };
}

/** Alipay template-message keywords (`keyword1`…), serialised by the caller as the JSON string Alipay expects. */
export function alipayTemplateData(payload: NotificationPayload): Record<string, { value: string }> {
  return {
    keyword1: { value: payload.appealNumber === null ? '-' : String(payload.appealNumber) },
    keyword2: { value: STATUS_ZH[payload.status] ?? '有更新' },
    keyword3: { value: notificationText(payload).body['zh-CN'] },
    keyword4: { value: cstMinute(payload.at) },
  };
}

/** The mini-program page a message opens. */
export function notificationPage(payload: NotificationPayload): string {
  return payload.appealNumber === null ? 'pages/index/index' : `pages/appeal/index?number=${payload.appealNumber}`;
}
