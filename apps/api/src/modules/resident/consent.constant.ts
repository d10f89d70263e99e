import type { ConsentResponse } from '@healthcode/contracts';

import { DEFAULT_RETENTION_DAYS, type RetentionDays } from '../../config/retention-defaults.constant';

/** The version of the text below under the default retention. Change it whenever the wording changes. */
export const CONSENT_BASE_VERSION = '2026-11-v1';

/**
 * The version residents accept. The retention periods are part of the text, so a deployment that changes them
 * (RETENTION_*) shows a different text under a different version, and every resident is asked to accept it again.
 */
export function consentVersionFor(r: RetentionDays): string {
  const same =
    r.declarationDays === DEFAULT_RETENTION_DAYS.declarationDays &&
    r.scanDays === DEFAULT_RETENTION_DAYS.scanDays &&
    r.appealDays === DEFAULT_RETENTION_DAYS.appealDays;
  return same ? CONSENT_BASE_VERSION : `${CONSENT_BASE_VERSION}+r${r.declarationDays}-${r.scanDays}-${r.appealDays}`;
}

/** The consent text residents accept before anything is collected, stating the retention the config sets. */
export function consentFor(r: RetentionDays): ConsentResponse {
  return {
    version: consentVersionFor(r),
    title: { 'zh-CN': '健康码个人信息使用说明', en: 'How your health code uses your information' },
    body: {
      'zh-CN': [
        '我们收集：姓名、证件号码、手机号、常住地区，以及你申报的行程、症状、接触史和每日健康打卡。',
        '用途：仅用于计算你的健康码颜色，并向你说明每一个原因和转绿日期。颜色只取决于你去过哪里，绝不取决于你来自哪里。',
        '谁能看到：只有处理你申诉或热线来电的工作人员，且每一次查看都会记录并展示给你。我们不会向本系统角色以外的任何人提供你的数据。',
        '扫码：检查点只记录随机码编号、结果和时间，不记录你的身份或位置。',
        `保存期限：申报 ${r.declarationDays} 天、扫码记录 ${r.scanDays} 天、已结束的申诉 ${r.appealDays} 天后自动删除。你可以随时删除全部数据。`,
      ].join('\n'),
      en: [
        'We collect: your name, ID number, phone number, home region, and the travel, symptoms, contacts and daily health check-ins you declare.',
        'Purpose: only to compute your health code and to show you every reason and the date it turns green. Your colour depends on where you have been, never on where you are from.',
        'Who can see it: only staff handling your appeal or your hotline call, and every read is logged and shown to you. Nothing is shared with anyone outside this system.',
        'Scans: checkpoints record only a random code id, the result and the time, never who you are or where you are.',
        `Retention: declarations are deleted after ${r.declarationDays} days, scans after ${r.scanDays} days, closed appeals after ${r.appealDays} days. You can delete all your data at any time.`,
      ].join('\n'),
    },
  };
}

/** The consent under the default retention (what `npm start` and the tests run with). */
export const CURRENT_CONSENT: ConsentResponse = consentFor(DEFAULT_RETENTION_DAYS);
