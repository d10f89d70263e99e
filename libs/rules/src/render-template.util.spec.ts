import { joinTexts, renderJoined, renderTemplate, renderTemplateIn } from './render-template.util';
import { TEMPLATES, type TemplateId } from './templates.constant';

describe('renderTemplate', () => {
  it('renders both locales with labelled values', () => {
    expect(renderTemplate('reason.symptom', { symptom: 'sore-throat', onset: '2020-02-18' })).toEqual({
      'zh-CN': '本人申报自2020-02-18起咽痛',
      en: 'Symptom declared by you: sore throat since 2020-02-18',
    });
    expect(
      renderTemplate('reason.transport', { mode: 'train', fromRegion: '420106', date: '2020-02-10', level: 'high' }).en,
    ).toBe('Arrived by train from 420106 on 2020-02-10, a high-risk area that day');
  });

  it('joins lists the way each language does', () => {
    const params = {
      color: 'yellow',
      symptoms: ['fever', 'cough', 'sore-throat'],
      withinDays: 14,
      checkInsRequired: 7,
    };
    expect(renderTemplateIn('en', 'rule.symptoms', params)).toContain('fever, cough or sore throat with onset');
    expect(renderTemplateIn('zh-CN', 'rule.symptoms', params)).toContain('发热、咳嗽或咽痛');
    expect(renderTemplateIn('en', 'rule.case-status', { ...params, statuses: ['confirmed'] })).toContain(
      'a confirmed case',
    );
  });

  it('renders an open end as "now" and null values as a dash', () => {
    const stay = { region: '420106', from: '2020-02-01', to: null, level: 'high', lastDay: '2020-02-20' };
    expect(renderTemplateIn('en', 'reason.stay', stay)).toBe(
      'Stay in 420106 from 2020-02-01 to now; the area was high-risk on 2020-02-20',
    );
    expect(renderTemplateIn('zh-CN', 'reason.stay', stay)).toContain('2020-02-01至今');
    expect(renderTemplateIn('en', 'diff.param', { ruleId: 'r', param: 'withinDays', before: null, after: 21 })).toBe(
      'r: days counted — → 21',
    );
  });

  it('formats booleans and unknown labels plainly', () => {
    expect(
      renderTemplateIn('en', 'diff.param', { ruleId: 'r', param: 'includeSelfDeclared', before: true, after: false }),
    ).toBe('r: self-declared contacts count yes → no');
    expect(
      renderTemplateIn('zh-CN', 'diff.param', { ruleId: 'r', param: 'mystery', before: ['a', 'b'], after: 'c' }),
    ).toBe('r：mystery a、b → c');
  });

  it('lets clients substitute region names', () => {
    const names: Record<string, string> = { '420106': 'Wuchang District' };
    const text = renderTemplateIn(
      'en',
      'reason.current-region',
      { region: '420106', level: 'high', since: '2020-01-23' },
      {
        regionName: (code) => names[code],
      },
    );
    expect(text).toBe('Your current region Wuchang District has been high-risk since 2020-01-23');
    expect(
      renderTemplateIn(
        'en',
        'reason.current-region',
        { region: '330106', level: 'high', since: '2020-01-23' },
        {
          regionName: () => undefined,
        },
      ),
    ).toContain('330106');
  });

  it('leaves a missing parameter visible rather than inventing a value', () => {
    expect(renderTemplateIn('en', 'green-when.override', {})).toBe('When the staff override ends on {until}');
  });

  it('renders template references and joins them, as greenWhen is made', () => {
    const override = { template: 'green-when.override', params: { until: '2020-03-01' } } as const;
    const open = { template: 'green-when.case-open', params: { required: 7 } } as const;
    expect(renderJoined([override])).toEqual(renderTemplate(override.template, override.params));
    expect(renderJoined([override, open])).toEqual(
      joinTexts([renderTemplate(override.template, override.params), renderTemplate(open.template, open.params)]),
    );
    expect(renderJoined([open]).en).toBe(
      'Once the health authority clears the case, then after 7 consecutive healthy daily check-ins',
    );
  });

  it('shows a staff reason word for word', () => {
    const reason = 'Tested negative twice {not a placeholder} — 两次核酸阴性';
    expect(renderTemplateIn('en', 'reason.staff-override', { color: 'green', until: '2020-03-01', reason })).toBe(
      `Set to green by staff until 2020-03-01: “${reason}”`,
    );
  });

  it('has the same placeholders in both languages of every template', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{([A-Za-z]+)(?::[a-z]+)?\}/g)].map((m) => m[1]).sort();
    for (const id of Object.keys(TEMPLATES) as TemplateId[]) {
      expect({ id, names: placeholders(TEMPLATES[id]['zh-CN']) }).toEqual({
        id,
        names: placeholders(TEMPLATES[id].en),
      });
    }
  });

  it('joins texts locale by locale', () => {
    expect(
      joinTexts([
        { 'zh-CN': '甲', en: 'a' },
        { 'zh-CN': '乙', en: 'b' },
      ]),
    ).toEqual({ 'zh-CN': '甲；乙', en: 'a. b' });
  });
});
