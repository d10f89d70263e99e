import type { RiskLevelResponse } from '@healthcode/contracts';

import { levelsByRegion, levelToday, regionNodes } from './risk-level.util';

const NOW = Date.parse('2026-11-20T00:00:00Z');

const entry = (over: Partial<RiskLevelResponse> & Pick<RiskLevelResponse, 'region' | 'level' | 'effectiveFrom'>) => ({
  id: `${over.region}-${over.effectiveFrom}`,
  effectiveTo: null,
  decidedAt: over.effectiveFrom,
  retractedAt: null,
  retractReason: null,
  ...over,
});

describe('risk levels', () => {
  const history: RiskLevelResponse[] = [
    entry({ region: '33', level: 'low', effectiveFrom: '2026-10-01T00:00:00Z' }),
    entry({ region: '3303', level: 'low', effectiveFrom: '2026-10-01T00:00:00Z', effectiveTo: '2026-11-01T00:00:00Z' }),
    entry({ region: '3303', level: 'medium', effectiveFrom: '2026-11-01T00:00:00Z' }),
    entry({ region: '330106', level: 'high', effectiveFrom: '2026-12-01T00:00:00Z' }),
  ];

  it('finds the level in force and the next scheduled one', () => {
    const levels = levelsByRegion(history, NOW);
    expect(levels.get('3303')?.current?.level).toBe('medium');
    expect(levels.get('330106')).toEqual({ current: null, scheduled: history[3] });
  });

  it('inherits from the most specific prefix with a level', () => {
    expect(levelToday(history, '330302', NOW)).toEqual({ level: 'medium', setOn: '3303' });
    expect(levelToday(history, '330106', NOW)).toEqual({ level: 'low', setOn: '33' });
    expect(levelToday(history, '420103', NOW)).toBeNull();
  });

  it('agrees with the engine on a same-day lowering and ignores retracted decisions', () => {
    const day = Date.parse('2026-12-06T10:00:00+08:00');
    const raise = entry({
      region: '330106',
      level: 'high',
      effectiveFrom: '2026-12-05T16:00:00Z',
      decidedAt: '2026-12-05T12:00:00Z',
    });
    const lowering = entry({
      region: '330106',
      level: 'low',
      effectiveFrom: '2026-12-05T16:00:00Z',
      decidedAt: '2026-12-06T01:30:00Z',
    });
    expect(levelToday([raise, lowering], '330106', day)).toEqual({ level: 'low', setOn: '330106' });
    expect(levelsByRegion([raise, lowering], day).get('330106')?.current).toBe(lowering);
    const retracted = { ...lowering, retractedAt: '2026-12-06T02:00:00Z', retractReason: 'wrong district' };
    expect(levelToday([raise, retracted], '330106', day)).toEqual({ level: 'high', setOn: '330106' });
  });

  it('builds province → city → district', () => {
    const zhejiang = regionNodes().find((n) => n.key === '33');
    const hangzhou = zhejiang?.children?.find((n) => n.key === '3301');
    expect(hangzhou?.children?.some((n) => n.key === '330106' && n.isLeaf)).toBe(true);
  });
});
