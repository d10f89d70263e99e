import { regionLabel, regionShortName } from './region-label.util';

describe('region labels', () => {
  it('shows the official name with the code', () => {
    expect(regionLabel('33')).toBe('浙江省 (33)');
    expect(regionLabel('3301')).toBe('杭州市 (3301)');
    expect(regionShortName('330106')).toBe('西湖区');
  });

  it('falls back to the code when the region is unknown', () => {
    expect(regionLabel('99')).toBe('99');
    expect(regionShortName('9999')).toBe('9999');
  });
});
