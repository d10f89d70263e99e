import type { ConsentResponse } from '@healthcode/contracts';

/** The consent text residents accept before anything is collected. Change the version whenever the text changes. */
export const CURRENT_CONSENT: ConsentResponse = {
  version: '2026-11-v1',
  title: { 'zh-CN': '健康码个人信息使用说明', en: 'How your health code uses your information' },
  body: {
    'zh-CN': [
      '我们收集：姓名、证件号码、手机号、常住地区，以及你申报的行程、症状、接触史和每日健康打卡。',
      '用途：仅用于计算你的健康码颜色，并向你说明每一个原因和转绿日期。颜色只取决于你去过哪里，绝不取决于你来自哪里。',
      '谁能看到：只有处理你申诉或热线来电的工作人员，且每一次查看都会记录并展示给你。我们不会向本系统角色以外的任何人提供你的数据。',
      '扫码：检查点只记录随机码编号、结果和时间，不记录你的身份或位置。',
      '保存期限：申报 60 天、扫码记录 28 天、已结束的申诉 180 天后自动删除。你可以随时删除全部数据。',
    ].join('\n'),
    en: [
      'We collect: your name, ID number, phone number, home region, and the travel, symptoms, contacts and daily health check-ins you declare.',
      'Purpose: only to compute your health code and to show you every reason and the date it turns green. Your colour depends on where you have been, never on where you are from.',
      'Who can see it: only staff handling your appeal or your hotline call, and every read is logged and shown to you. Nothing is shared with anyone outside this system.',
      'Scans: checkpoints record only a random code id, the result and the time, never who you are or where you are.',
      'Retention: declarations are deleted after 60 days, scans after 28 days, closed appeals after 180 days. You can delete all your data at any time.',
    ].join('\n'),
  },
};
