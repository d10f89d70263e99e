import type { CodeReason } from '@healthcode/contracts';

import { regionLabel, withRegionNames } from './region-names.util';

describe('region names in code texts', () => {
  it('labels a district with its full official name and code', () => {
    expect(regionLabel('420103')).toBe('湖北省武汉市江汉区 (420103)');
    expect(regionLabel('420103', 'en')).toBe('Jianghan District, Wuhan City, Hubei Province (420103)');
    expect(regionLabel('999999')).toBeUndefined();
  });

  it('re-renders reason texts from their template with the region named', () => {
    const reason = {
      ruleId: 'high-risk-region',
      ruleVersion: 1,
      color: 'red',
      template: 'reason.stay',
      params: { region: '420103', from: '2020-02-14', to: '2020-02-17', level: 'high', lastDay: '2020-02-17' },
      text: { 'zh-CN': 'x', en: 'x' },
      fact: { source: 'self-declared', kind: 'stay' },
      since: '2020-02-14',
      until: '2020-03-03',
    } as unknown as CodeReason;
    const [named] = withRegionNames({ reasons: [reason] }).reasons;
    expect(named.text.en).toContain('Jianghan District, Wuhan City, Hubei Province (420103)');
    expect(named.text['zh-CN']).toContain('江汉区');
  });
});
