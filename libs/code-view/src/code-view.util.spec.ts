import type { CodeEvaluation } from '@healthcode/contracts';

import { buildCodeView, greenOutlookText } from './code-view.util';

const now = new Date('2026-11-20T02:00:00Z'); // 10:00 CST, 2026-11-20

const yellow: CodeEvaluation = {
  color: 'yellow',
  reasons: [
    {
      ruleId: 'symptoms',
      ruleVersion: 3,
      color: 'yellow',
      text: { 'zh-CN': '您申报了发热症状', en: 'You declared a fever' },
      fact: { source: 'self-declared', kind: 'symptom' },
      since: '2026-11-19T20:00:00Z',
      until: null,
    },
    {
      ruleId: 'case-contact',
      ruleVersion: 1,
      color: 'red',
      text: { 'zh-CN': '密切接触者', en: 'Close contact' },
      fact: { source: 'case-registry', kind: 'contact' },
      since: '2026-11-18',
      until: '2026-11-25',
      suppressed: true,
    },
  ],
  greenAt: '2026-11-26',
  greenWhen: null,
  steps: [
    { id: 'check-in', text: { 'zh-CN': '每日健康打卡', en: 'Check in daily' }, progress: { done: 2, total: 7 } },
    { id: 'test', text: { 'zh-CN': '核酸检测', en: 'Take a test' } },
  ],
};

describe('buildCodeView', () => {
  it('puts every reason, its source, CST dates, rule and override note into the reader language', () => {
    const view = buildCodeView(yellow, 'en', now);
    expect(view.colorLabel).toBe('Yellow – stay home');
    expect(view.noReasons).toBeNull();
    expect(view.reasons).toEqual([
      {
        key: 'symptoms-0',
        color: 'yellow',
        colorLabel: 'Yellow',
        source: 'You declared',
        text: 'You declared a fever',
        suppressed: null,
        since: 'Since 2026-11-20',
        until: null,
        rule: 'Rule symptoms v3',
      },
      {
        key: 'case-contact-1',
        color: 'red',
        colorLabel: 'Red',
        source: 'Case registry',
        text: 'Close contact',
        suppressed: 'Not counted now: a staff decision sets your colour',
        since: 'Since 2026-11-18',
        until: 'Until 2026-11-25',
        rule: 'Rule case-contact v1',
      },
    ]);
    expect(view.outlook).toBe('Turns green on 2026-11-26 (6 days)');
    expect(view.steps).toEqual([
      { id: 'check-in', text: 'Check in daily', progress: { done: 2, total: 7, caption: '2 of 7 done' } },
      { id: 'test', text: 'Take a test', progress: null },
    ]);
  });

  it('speaks Chinese for a zh-CN reader', () => {
    const view = buildCodeView(yellow, 'zh-CN', now);
    expect(view.colorLabel).toBe('黄码 – 请居家');
    expect(view.reasons[0]).toMatchObject({ source: '本人申报', text: '您申报了发热症状', since: '自 2026-11-20 起' });
    expect(view.outlook).toBe('2026-11-26 转为绿码（6 天后）');
    expect(view.steps[0].progress?.caption).toBe('已完成 2 / 7');
  });

  it('gives the empty-state text only when there are no reasons', () => {
    const view = buildCodeView({ ...yellow, color: 'green', reasons: [], greenAt: null, steps: [] }, 'en', now);
    expect(view.noReasons).toBe('No reasons recorded: nothing affects your code.');
    expect(view.outlook).toBeNull();
  });
});

describe('greenOutlookText', () => {
  it('says today, one day, or the condition when no date is known', () => {
    expect(greenOutlookText({ color: 'red', greenAt: '2026-11-20', greenWhen: null }, 'en', now)).toBe(
      'Turns green today',
    );
    expect(greenOutlookText({ color: 'red', greenAt: '2026-11-21', greenWhen: null }, 'en', now)).toBe(
      'Turns green on 2026-11-21 (1 day)',
    );
    expect(
      greenOutlookText(
        { color: 'yellow', greenAt: null, greenWhen: { 'zh-CN': '连续打卡 7 天', en: '7 days of check-ins' } },
        'zh-CN',
        now,
      ),
    ).toBe('转绿条件：连续打卡 7 天');
    expect(greenOutlookText({ color: 'yellow', greenAt: null, greenWhen: null }, 'en', now)).toBeNull();
  });
});
