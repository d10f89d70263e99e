import type { CodeHistoryEntry } from '@healthcode/contracts';

import { buildHistoryLines } from './history-view.util';

const entry: CodeHistoryEntry = {
  id: 'h1',
  at: '2026-11-19T17:30:00Z',
  cause: 'declaration',
  causeText: { 'zh-CN': '健康申报', en: 'declaration' },
  colorBefore: 'green',
  colorAfter: 'yellow',
  reasonsBefore: [],
  reasonsAfter: [],
  greenAtAfter: '2026-11-26',
};

describe('buildHistoryLines', () => {
  it('shows the CST time, both colours by name, the cause and the green-by date', () => {
    expect(buildHistoryLines([entry], 'en')).toEqual([
      {
        id: 'h1',
        at: '2026-11-20 01:30',
        colorBefore: { color: 'green', label: 'Green' },
        colorAfter: { color: 'yellow', label: 'Yellow' },
        cause: 'declaration',
        greenBy: 'Green by 2026-11-26',
      },
    ]);
  });

  it('has no "before" for the first code and no green-by date once green', () => {
    const [line] = buildHistoryLines([{ ...entry, colorBefore: null, colorAfter: 'green' }], 'zh-CN');
    expect(line).toMatchObject({ colorBefore: null, colorAfter: { label: '绿码' }, cause: '健康申报', greenBy: null });
  });
});
