import type { Color, LocalizedText } from '@healthcode/contracts';

import {
  type AppealNotificationPayload,
  type ColorNotificationPayload,
  isColorPayload,
  type NotificationPayload,
} from './notification-outbox.entity';

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

const COLOR_TEXT: Record<Color, LocalizedText> = {
  green: { 'zh-CN': '绿码', en: 'green' },
  yellow: { 'zh-CN': '黄码', en: 'yellow' },
  red: { 'zh-CN': '红码', en: 'red' },
};

/** The mini-program pages a message opens (registered in apps/miniapp/src/app.config.ts). */
export const CODE_PAGE = 'pages/code/index';
export const APPEAL_PAGE = 'pages/appeal/index';
export const ENTRY_PAGE = 'pages/index/index';

/** The words of a message: only the appeal number or the colour, the rule's reason and dates; never a name or ID. */
export function notificationText(payload: NotificationPayload): { title: LocalizedText; body: LocalizedText } {
  if (isColorPayload(payload)) return colorText(payload);
  const n = payload.appealNumber;
  const title: LocalizedText =
    n === null ? { 'zh-CN': '健康码通知', en: 'Health code notice' } : { 'zh-CN': `申诉 #${n}`, en: `Appeal #${n}` };
  const body = EVENT_TEXT[payload.event] ?? { 'zh-CN': '你的申诉有更新', en: 'Your appeal was updated' };
  return { title, body };
}

function colorText(p: ColorNotificationPayload): { title: LocalizedText; body: LocalizedText } {
  const c = COLOR_TEXT[p.color];
  const why = p.reason ? { zh: `原因：${p.reason['zh-CN']}。`, en: ` Reason: ${p.reason.en}.` } : { zh: '', en: '' };
  const by = p.greenBy
    ? { zh: `预计 ${p.greenBy} 转为绿码。`, en: ` Expected green by ${p.greenBy}.` }
    : { zh: '', en: '' };
  return {
    title: { 'zh-CN': `健康码已变为${c['zh-CN']}`, en: `Your health code is now ${c.en}` },
    body: {
      'zh-CN': `${why.zh}${by.zh}`.trim() || '请打开小程序查看。',
      en: `${why.en}${by.en}`.trim() || 'Open the app for details.',
    },
  };
}

/** `yyyy-MM-dd HH:mm` in China Standard Time, as both host apps show dates. */
export function cstMinute(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 16);
}

/** Cuts to `max` characters (code points, as WeChat counts), ending with "…" when something was cut. */
export function fitText(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** `YYYY-MM-DD` as `YYYY年M月D日`, the date format WeChat's `date`/`time` keywords accept. */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export type TemplateData = Record<string, { value: string }>;

/**
 * WeChat subscribe-message fields. The keys are those of the templates chosen in the WeChat console (see
 * docs/ARCHITECTURE.md, "Notifications"); `wechatTemplateProblems` checks every value against its keyword type.
 * Appeal template: 申诉编号 character_string1, 申诉状态 phrase2, 进展 thing3, 时间 time4.
 * Colour template: 当前状态 phrase1, 原因 thing2, 预计转绿 thing3, 变更时间 time4.
 */
export function wechatTemplateData(payload: NotificationPayload): TemplateData {
  if (isColorPayload(payload))
    return {
      phrase1: { value: COLOR_TEXT[payload.color]['zh-CN'] },
      thing2: { value: fitText(payload.reason?.['zh-CN'] ?? '符合绿码条件', 20) },
      thing3: { value: payload.greenBy ? `${chineseDate(payload.greenBy)}前` : greenByUnknown(payload.color) },
      time4: { value: cstMinute(payload.at) },
    };
  return {
    character_string1: { value: payload.appealNumber === null ? '-' : String(payload.appealNumber) },
    phrase2: { value: STATUS_ZH[payload.status] ?? '有更新' },
    thing3: { value: fitText(notificationText(payload).body['zh-CN'], 20) },
    time4: { value: cstMinute(payload.at) },
  };
}

const greenByUnknown = (color: Color) => (color === 'green' ? '已是绿码' : '待核实后确定');

/**
 * Alipay subscription-message keywords (`keyword1`…), serialised by the caller as the JSON string Alipay expects.
 * Same facts as WeChat, in the order of the templates chosen in the Alipay merchant console.
 */
export function alipayTemplateData(payload: NotificationPayload): TemplateData {
  if (isColorPayload(payload))
    return {
      keyword1: { value: COLOR_TEXT[payload.color]['zh-CN'] },
      keyword2: { value: fitText(payload.reason?.['zh-CN'] ?? '符合绿码条件', 20) },
      keyword3: { value: payload.greenBy ?? greenByUnknown(payload.color) },
      keyword4: { value: cstMinute(payload.at) },
    };
  return {
    keyword1: { value: payload.appealNumber === null ? '-' : String(payload.appealNumber) },
    keyword2: { value: STATUS_ZH[payload.status] ?? '有更新' },
    keyword3: { value: notificationText(payload).body['zh-CN'] },
    keyword4: { value: cstMinute(payload.at) },
  };
}

/** The mini-program page a message opens. */
export function notificationPage(payload: NotificationPayload): string {
  if (isColorPayload(payload)) return CODE_PAGE;
  const appeal: AppealNotificationPayload = payload;
  return appeal.appealNumber === null ? ENTRY_PAGE : `${APPEAL_PAGE}?number=${appeal.appealNumber}`;
}

/** Which configured template a payload uses. */
export const templateKind = (payload: NotificationPayload): 'appeal' | 'color' =>
  isColorPayload(payload) ? 'color' : 'appeal';
