import { effectiveLevel, levelsByRegion, regionNodes } from './risk-level.util';

const NOW = Date.parse('2026-11-20T00:00:00Z');

describe('risk levels', () => {
  const history = [
    { region: '33', level: 'low' as const, effectiveFrom: '2026-10-01T00:00:00Z', effectiveTo: null },
    {
      region: '3303',
      level: 'low' as const,
      effectiveFrom: '2026-10-01T00:00:00Z',
      effectiveTo: '2026-11-01T00:00:00Z',
    },
    { region: '3303', level: 'medium' as const, effectiveFrom: '2026-11-01T00:00:00Z', effectiveTo: null },
    { region: '330106', level: 'high' as const, effectiveFrom: '2026-12-01T00:00:00Z', effectiveTo: null },
  ];

  it('finds the level in force and the next scheduled one', () => {
    const levels = levelsByRegion(history, NOW);
    expect(levels.get('3303')?.current?.level).toBe('medium');
    expect(levels.get('330106')).toEqual({ current: null, scheduled: history[3] });
  });

  it('inherits from the most specific prefix with a level', () => {
    const levels = levelsByRegion(history, NOW);
    expect(effectiveLevel('330302', levels)).toEqual({ level: 'medium', setOn: '3303' });
    expect(effectiveLevel('330106', levels)).toEqual({ level: 'low', setOn: '33' });
    expect(effectiveLevel('420103', levels)).toBeNull();
  });

  it('builds province → city → district', () => {
    const zhejiang = regionNodes().find((n) => n.key === '33');
    const hangzhou = zhejiang?.children?.find((n) => n.key === '3301');
    expect(hangzhou?.children?.some((n) => n.key === '330106' && n.isLeaf)).toBe(true);
  });
});
