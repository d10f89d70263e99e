import { DEFAULT_RULE_SET } from '../default-rule-set.constant';
import type { RuleSet } from '../rule-set.types';
import { checkIns, day, score } from '../testing/scoring.fixture';

describe('symptoms rule', () => {
  it.each(['fever', 'cough', 'sore-throat', 'shortness-of-breath'] as const)('makes %s yellow', (symptom) => {
    const result = score({ symptoms: [{ symptom, onset: day(-2) }] });
    expect(result.color).toBe('yellow');
    expect(result.reasons[0]).toMatchObject({
      ruleId: 'symptoms',
      fact: { source: 'self-declared', kind: 'symptom', symptom, onset: day(-2) },
      since: day(-2),
    });
  });

  it.each(['fatigue', 'loss-of-smell'] as const)('ignores %s by default', (symptom) => {
    expect(score({ symptoms: [{ symptom, onset: day(-2) }] }).color).toBe('green');
  });

  it('shows progress towards 7 healthy check-ins', () => {
    const result = score({ symptoms: [{ symptom: 'fever', onset: day(-3) }], checkIns: checkIns(-2, -1) });
    expect(result.greenAt).toBe(day(4));
    expect(result.steps[0]).toEqual({
      id: 'check-ins',
      template: 'step.check-ins.due-today',
      params: { done: 2, total: 7, due: day(0) },
      text: {
        'zh-CN': `已完成2/7次连续每日健康打卡；下次打卡截止：${day(0)}（今天）`,
        en: `2 of 7 healthy daily check-ins done; next due by ${day(0)} (today)`,
      },
      progress: { done: 2, total: 7 },
    });
  });

  it('is green after 7 healthy check-ins, before the 14-day window ends', () => {
    expect(score({ symptoms: [{ symptom: 'fever', onset: day(-8) }], checkIns: checkIns(-7, -1) }).color).toBe('green');
    expect(score({ symptoms: [{ symptom: 'fever', onset: day(-8) }], checkIns: checkIns(-6, -1) }).color).toBe(
      'yellow',
    );
  });

  it('restarts the count after an unhealthy day, and says so and why', () => {
    const result = score({
      symptoms: [{ symptom: 'cough', onset: day(-3) }],
      checkIns: [...checkIns(-2, -1), { date: day(0), healthy: false }],
    });
    expect(result.greenAt).toBe(day(7));
    expect(result.steps[0].text.en).toBe(
      `0 of 7 healthy daily check-ins done; next due by ${day(1)}. The count started again because the check-in on ${day(0)} reported symptoms`,
    );
    expect(result.steps[0].text['zh-CN']).toBe(
      `已完成0/7次连续每日健康打卡；下次打卡截止：${day(1)}。因${day(0)}的打卡报告了不适，计数已重新开始`,
    );
    expect(result.steps[0].progress).toEqual({ done: 0, total: 7 });
  });

  it('counts a run interrupted by a missed day from after the gap, telling the resident which day was missed', () => {
    const result = score({
      symptoms: [{ symptom: 'fever', onset: day(-6) }],
      checkIns: [...checkIns(-5, -4), ...checkIns(-2, -1)],
    });
    expect(result.greenAt).toBe(day(4));
    expect(result.reasons[0].checkIns).toEqual({ done: 2, total: 7 });
    expect(result.steps[0].text.en).toBe(
      `2 of 7 healthy daily check-ins done; next due by ${day(0)}. The count started again because there was no check-in on ${day(-3)}`,
    );
  });

  it('forgets onsets more than 14 days ago and ignores future ones', () => {
    expect(score({ symptoms: [{ symptom: 'fever', onset: day(-14) }] }).color).toBe('yellow');
    expect(score({ symptoms: [{ symptom: 'fever', onset: day(-15) }] }).color).toBe('green');
    expect(score({ symptoms: [{ symptom: 'fever', onset: day(1) }] }).color).toBe('green');
  });

  it('gives one reason per symptom', () => {
    const result = score({
      symptoms: [
        { symptom: 'fever', onset: day(-1) },
        { symptom: 'cough', onset: day(-4) },
      ],
    });
    expect(result.reasons.map((reason) => reason.fact)).toEqual([
      { source: 'self-declared', kind: 'symptom', symptom: 'cough', onset: day(-4) },
      { source: 'self-declared', kind: 'symptom', symptom: 'fever', onset: day(-1) },
    ]);
    expect(result.greenAt).toBe(day(6));
  });

  it('takes its list and window from the regional override for the current region', () => {
    const ruleSet: RuleSet = {
      ...DEFAULT_RULE_SET,
      regionOverrides: { '33': { symptoms: { withinDays: 7, symptoms: ['fever', 'loss-of-smell'] } } },
    };
    expect(
      score({ currentRegion: '330106', symptoms: [{ symptom: 'loss-of-smell', onset: day(-2) }] }, { ruleSet }).color,
    ).toBe('yellow');
    expect(
      score({ currentRegion: '330106', symptoms: [{ symptom: 'cough', onset: day(-2) }] }, { ruleSet }).color,
    ).toBe('green');
    expect(
      score({ currentRegion: '330106', symptoms: [{ symptom: 'fever', onset: day(-8) }] }, { ruleSet }).color,
    ).toBe('green');
    expect(
      score({ currentRegion: '110105', symptoms: [{ symptom: 'fever', onset: day(-8) }] }, { ruleSet }).color,
    ).toBe('yellow');
  });
});
