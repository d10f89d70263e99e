import { DEFAULT_APPEAL_CATEGORIES } from '@healthcode/contracts';

import { resolveAppealCategories, toCategoryOptions } from './appeal-categories.util';

const rows = [
  { regionPrefix: '33', categories: [{ key: 'wrong-region' }, { key: 'other' }] },
  {
    regionPrefix: '3301',
    categories: [{ key: 'quarantine-hotel', label: { 'zh-CN': '隔离酒店记录有误', en: 'Quarantine hotel record' } }],
  },
  { regionPrefix: '3302', categories: null },
];

describe('resolveAppealCategories', () => {
  it('takes the longest prefix that sets a list, with labels for known and custom keys', () => {
    expect(resolveAppealCategories('330106', rows)).toEqual([
      {
        key: 'quarantine-hotel',
        label: { 'zh-CN': '隔离酒店记录有误', en: 'Quarantine hotel record' },
        custom: true,
      },
    ]);
    expect(resolveAppealCategories('330302', rows).map((c) => c.key)).toEqual(['wrong-region', 'other']);
  });

  it('lets a row that sets only deadlines inherit the wider region list', () => {
    expect(resolveAppealCategories('330203', rows).map((c) => c.key)).toEqual(['wrong-region', 'other']);
  });

  it('offers every known category where no region sets a list', () => {
    expect(resolveAppealCategories('420106', rows)).toEqual(DEFAULT_APPEAL_CATEGORIES);
  });
});

describe('toCategoryOptions', () => {
  it('gives a known key its fixed label in both languages', () => {
    expect(toCategoryOptions([{ key: 'symptoms-resolved' }])).toEqual([
      {
        key: 'symptoms-resolved',
        label: { 'zh-CN': '我的症状已消失', en: 'My symptoms have resolved' },
        custom: false,
      },
    ]);
  });
});
