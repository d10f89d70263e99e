// Every text the engine produces comes from one of these templates plus parameters, so
// clients can re-render (for example with region names instead of codes).
// Placeholders: {name} inserts the value as is; {name:formatter} formats it — see render-template.util.ts.

export const TEMPLATES = {
  'reason.case.open': {
    'zh-CN': '卫生部门于{date}登记为{status:status}病例，尚未解除',
    en: 'A {status:status} case recorded by the health authority on {date}, not yet cleared',
  },
  'reason.case.cleared': {
    'zh-CN': '卫生部门于{date}登记为{status:status}病例，已于{clearedDate}解除',
    en: 'A {status:status} case recorded by the health authority on {date}, cleared on {clearedDate}',
  },
  'reason.close-contact': {
    'zh-CN': '{date}与确诊病例密切接触（卫生部门流调确认）',
    en: 'Close contact with a confirmed case on {date}, traced by the health authority',
  },
  'reason.declared-contact': {
    'zh-CN': '本人申报{date}与确诊病例接触',
    en: 'You declared contact with a confirmed case on {date}',
  },
  'reason.stay': {
    'zh-CN': '{from}至{to:date}在{region:region}停留，该地区{lastDay}为{level:level}风险地区',
    en: 'Stay in {region:region} from {from} to {to:date}; the area was {level:level}-risk on {lastDay}',
  },
  'reason.transport': {
    'zh-CN': '{date}乘{mode:mode}从{fromRegion:region}抵达，该地区当日为{level:level}风险地区',
    en: 'Arrived by {mode:mode} from {fromRegion:region} on {date}, a {level:level}-risk area that day',
  },
  'reason.current-region': {
    'zh-CN': '当前所在地区{region:region}自{since}起为{level:level}风险地区',
    en: 'Your current region {region:region} has been {level:level}-risk since {since}',
  },
  'reason.symptom': {
    'zh-CN': '本人申报自{onset}起{symptom:symptom}',
    en: 'Symptom declared by you: {symptom:symptom} since {onset}',
  },
  'reason.staff-override': {
    'zh-CN': '工作人员设为{color:color}至{until}：“{reason}”',
    en: 'Set to {color:color} by staff until {until}: “{reason}”',
  },

  'green-when.check-ins': {
    'zh-CN': '连续{required}天健康打卡后（已完成{done}天）；每日按时打卡将于{date}转为绿码',
    en: 'After {required} consecutive healthy daily check-ins ({done} done so far): on {date} if you check in every day',
  },
  'green-when.window': {
    'zh-CN': '{causeEnd}已超过{withinDays}天，将于{date}转为绿码',
    en: 'On {date}, once {causeEnd} is more than {withinDays} days ago',
  },
  'green-when.override': {
    'zh-CN': '工作人员设定于{until}到期',
    en: 'When the staff override ends on {until}',
  },
  'green-when.case-open': {
    'zh-CN': '卫生部门解除病例后，再连续{required}天健康打卡',
    en: 'Once the health authority clears the case, then after {required} consecutive healthy daily check-ins',
  },
  'green-when.region-open': {
    'zh-CN': '{region:region}不再是{level:level}风险地区或您离开该地区后，再连续{required}天健康打卡',
    en: 'Once {region:region} is no longer {level:level}-risk or you leave it, then after {required} consecutive healthy daily check-ins',
  },

  'step.check-ins.due-today': {
    'zh-CN': '已完成{done}/{total}次连续每日健康打卡；下次打卡截止：{due}（今天）',
    en: '{done} of {total} healthy daily check-ins done; next due by {due} (today)',
  },
  'step.check-ins.due-tomorrow': {
    'zh-CN': '已完成{done}/{total}次连续每日健康打卡；下次打卡截止：{due}（明天）',
    en: '{done} of {total} healthy daily check-ins done; next due by {due} (tomorrow)',
  },
  'step.check-ins.due-on': {
    'zh-CN': '已完成{done}/{total}次连续每日健康打卡；自{date}起开始计数',
    en: '{done} of {total} healthy daily check-ins done; they count from {date}',
  },
  'step.check-ins.restarted-missed': {
    'zh-CN': '已完成{done}/{total}次连续每日健康打卡；下次打卡截止：{due}。因{day}未打卡，计数已重新开始',
    en: '{done} of {total} healthy daily check-ins done; next due by {due}. The count started again because there was no check-in on {day}',
  },
  'step.check-ins.restarted-unhealthy': {
    'zh-CN': '已完成{done}/{total}次连续每日健康打卡；下次打卡截止：{due}。因{day}的打卡报告了不适，计数已重新开始',
    en: '{done} of {total} healthy daily check-ins done; next due by {due}. The count started again because the check-in on {day} reported symptoms',
  },
  'step.wait': {
    'zh-CN': '无需操作：如无变化，将于{date}转为绿码',
    en: 'Nothing to do: unless something changes, the code turns green on {date}',
  },
  'step.await-case-clearance': {
    'zh-CN': '请遵从卫生部门安排；病例解除后方可开始转绿',
    en: "Follow the health authority's instructions; the code can start turning green once the case is cleared",
  },
  'step.await-region-risk': {
    'zh-CN': '{region:region}为{level:level}风险地区；风险等级下调或您离开后（请及时更新当前所在地区）方可开始转绿',
    en: '{region:region} is {level:level}-risk; the code can start turning green once that is lowered or you leave (update your current region when you do)',
  },
  'step.staff-override': {
    'zh-CN': '工作人员设定此颜色至{until}。如有异议，请联系所在社区',
    en: 'Staff set this colour until {until}. If you think it is wrong, contact your community health office',
  },
  'step.appeal': {
    'zh-CN': '如以上信息有误，可申请更正',
    en: 'If a fact listed here is wrong, you can ask for it to be corrected',
  },

  'rule.case-status': {
    'zh-CN':
      '卫生部门登记的{statuses:status}病例赋{color:color}，直至病例解除。解除后连续{checkInsRequired}天健康打卡，或解除已超过{withinDays}天，即转为绿码。',
    en: '{color:color} code for a {statuses:status} case recorded by the health authority, until the case is cleared. After that it turns green after {checkInsRequired} consecutive healthy daily check-ins, or once the clearance is more than {withinDays} days ago.',
  },
  'rule.close-contact': {
    'zh-CN':
      '近{withinDays}天内经卫生部门流调确认为确诊病例密切接触者的，赋{color:color}。接触后连续{checkInsRequired}天健康打卡，或接触已超过{withinDays}天，即转为绿码。',
    en: '{color:color} code for close contact with a confirmed case, traced by the health authority, within the last {withinDays} days. It turns green after {checkInsRequired} consecutive healthy daily check-ins after the contact, or once the contact is more than {withinDays} days ago.',
  },
  'rule.close-contact.with-declared': {
    'zh-CN':
      '近{withinDays}天内经卫生部门流调确认或本人申报与确诊病例接触的，赋{color:color}。接触后连续{checkInsRequired}天健康打卡，或接触已超过{withinDays}天，即转为绿码。',
    en: '{color:color} code for contact with a confirmed case, traced by the health authority or declared by you, within the last {withinDays} days. It turns green after {checkInsRequired} consecutive healthy daily check-ins after the contact, or once the contact is more than {withinDays} days ago.',
  },
  'rule.region-risk-presence': {
    'zh-CN':
      '近{withinDays}天内曾在当时为{level:level}风险的地区停留（含乘飞机、火车、客车从该地区抵达）的，赋{color:color}。离开后连续{checkInsRequired}天健康打卡，或离开已超过{withinDays}天，即转为绿码。',
    en: '{color:color} code for a stay within the last {withinDays} days in a region that was {level:level}-risk at the time, including arriving by plane, train or bus from one. It turns green after {checkInsRequired} consecutive healthy daily check-ins after leaving, or once the stay is more than {withinDays} days ago.',
  },
  'rule.region-risk-presence.with-current': {
    'zh-CN':
      '当前所在地区为{level:level}风险地区，或近{withinDays}天内曾在当时为{level:level}风险的地区停留（含乘飞机、火车、客车从该地区抵达）的，赋{color:color}。离开或风险下调后连续{checkInsRequired}天健康打卡，或已超过{withinDays}天，即转为绿码。',
    en: '{color:color} code for being in a {level:level}-risk region now, or a stay within the last {withinDays} days in a region that was {level:level}-risk at the time, including arriving by plane, train or bus from one. It turns green after {checkInsRequired} consecutive healthy daily check-ins after leaving (or the level being lowered), or once that is more than {withinDays} days ago.',
  },
  'rule.symptoms': {
    'zh-CN':
      '近{withinDays}天内出现{symptoms:symptom}的，赋{color:color}。出现症状后连续{checkInsRequired}天健康打卡，或已超过{withinDays}天，即转为绿码。',
    en: '{color:color} code for {symptoms:symptom} with onset within the last {withinDays} days. It turns green after {checkInsRequired} consecutive healthy daily check-ins after the onset, or once the onset is more than {withinDays} days ago.',
  },
  'rule.staff-override': {
    'zh-CN':
      '工作人员可设定任一颜色至指定日期，并附书面理由（原文显示）。设定期间以其为准，其他原因仍列出并标注为已被覆盖。',
    en: 'Staff may set any colour until a given date, with a written reason shown word for word. While it applies it decides the colour; the other reasons stay listed, marked as suppressed.',
  },

  'diff.version': { 'zh-CN': '版本 {before} → {after}', en: 'Version {before} → {after}' },
  'diff.rule-added': { 'zh-CN': '新增规则 {ruleId}', en: 'Rule {ruleId} added' },
  'diff.rule-removed': { 'zh-CN': '删除规则 {ruleId}', en: 'Rule {ruleId} removed' },
  'diff.rule-kind': { 'zh-CN': '{ruleId}：类型 {before} → {after}', en: '{ruleId}: kind {before} → {after}' },
  'diff.param': {
    'zh-CN': '{ruleId}：{param:param} {before:value} → {after:value}',
    en: '{ruleId}: {param:param} {before:value} → {after:value}',
  },
  'diff.override-param': {
    'zh-CN': '{ruleId}（{region:region}）：{param:param} {before:value} → {after:value}',
    en: '{ruleId} in {region:region}: {param:param} {before:value} → {after:value}',
  },
} as const satisfies Record<string, { readonly 'zh-CN': string; readonly en: string }>;

export type TemplateId = keyof typeof TEMPLATES;
