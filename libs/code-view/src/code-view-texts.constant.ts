import type { Color, FactSource, Locale } from '@healthcode/contracts';

/** Every word the code view shows around the server's own reason and step texts, in both languages. */
export interface CodeViewTexts {
  /** What the colour means, as the banner says it. */
  colorLong: Record<Color, string>;
  /** The colour's name, on a badge beside a reason or in the history. */
  colorShort: Record<Color, string>;
  /** Where the fact behind a reason came from. */
  source: Record<FactSource, string>;
  reasonsHeading: string;
  noReasons: string;
  suppressed: string;
  since: (date: string) => string;
  until: (date: string) => string;
  rule: (ruleId: string, version: number) => string;
  greenOn: (date: string, days: number) => string;
  greenToday: string;
  greenWhen: (condition: string) => string;
  stepsHeading: string;
  stepProgress: (done: number, total: number) => string;
  greenBy: (date: string) => string;
}

export const CODE_VIEW_TEXTS: Record<Locale, CodeViewTexts> = {
  'zh-CN': {
    colorLong: { green: '绿码 – 可自由通行', yellow: '黄码 – 请居家', red: '红码 – 需隔离' },
    colorShort: { green: '绿码', yellow: '黄码', red: '红码' },
    source: {
      'self-declared': '本人申报',
      'case-registry': '病例登记',
      'transport-booking': '交通购票记录',
      'region-risk': '地区风险等级',
      'staff-override': '工作人员决定',
    },
    reasonsHeading: '为什么是这个颜色',
    noReasons: '没有记录任何原因：没有影响您健康码的事项。',
    suppressed: '当前不计入：您的颜色由工作人员决定',
    since: (date) => `自 ${date} 起`,
    until: (date) => `至 ${date}`,
    rule: (ruleId, version) => `规则 ${ruleId} v${version}`,
    greenOn: (date, days) => `${date} 转为绿码（${days} 天后）`,
    greenToday: '今天转为绿码',
    greenWhen: (condition) => `转绿条件：${condition}`,
    stepsHeading: '您可以做的事',
    stepProgress: (done, total) => `已完成 ${done} / ${total}`,
    greenBy: (date) => `预计 ${date} 转为绿码`,
  },
  en: {
    colorLong: { green: 'Green – travel freely', yellow: 'Yellow – stay home', red: 'Red – quarantine' },
    colorShort: { green: 'Green', yellow: 'Yellow', red: 'Red' },
    source: {
      'self-declared': 'You declared',
      'case-registry': 'Case registry',
      'transport-booking': 'Transport booking',
      'region-risk': 'Region risk level',
      'staff-override': 'Staff decision',
    },
    reasonsHeading: 'Why this colour',
    noReasons: 'No reasons recorded: nothing affects your code.',
    suppressed: 'Not counted now: a staff decision sets your colour',
    since: (date) => `Since ${date}`,
    until: (date) => `Until ${date}`,
    rule: (ruleId, version) => `Rule ${ruleId} v${version}`,
    greenOn: (date, days) => `Turns green on ${date} (${days === 1 ? '1 day' : `${days} days`})`,
    greenToday: 'Turns green today',
    greenWhen: (condition) => `Turns green when: ${condition}`,
    stepsHeading: 'What you can do',
    stepProgress: (done, total) => `${done} of ${total} done`,
    greenBy: (date) => `Green by ${date}`,
  },
};
