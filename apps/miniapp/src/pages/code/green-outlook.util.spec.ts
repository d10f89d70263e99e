import { greenOutlook } from './green-outlook.util';

const now = new Date('2020-02-10T04:00:00Z');

describe('greenOutlook', () => {
  it('says nothing for a green code', () => {
    expect(greenOutlook({ color: 'green', greenAt: '2020-02-20', greenWhen: null }, 'en', now)).toEqual({
      kind: 'none',
    });
  });

  it('gives the date and the days left when the rules know it', () => {
    expect(greenOutlook({ color: 'yellow', greenAt: '2020-02-24T00:00:00+08:00', greenWhen: null }, 'en', now)).toEqual(
      {
        kind: 'date',
        date: '2020-02-24',
        days: 14,
      },
    );
    expect(greenOutlook({ color: 'red', greenAt: '2020-02-10', greenWhen: null }, 'en', now)).toEqual({
      kind: 'today',
    });
  });

  it('falls back to the condition, in the resident language', () => {
    const greenWhen = { 'zh-CN': '核酸检测阴性后', en: 'after a negative test' };
    expect(greenOutlook({ color: 'red', greenAt: null, greenWhen }, 'zh-CN', now)).toEqual({
      kind: 'condition',
      text: '核酸检测阴性后',
    });
    expect(greenOutlook({ color: 'red', greenAt: null, greenWhen: null }, 'en', now)).toEqual({ kind: 'none' });
  });
});
