import { parseIsoDate } from './date.util';
import { compileRiskLevels, riskLevelAt } from './risk-level.util';
import { RulesException } from './rules.exception';

const d = (date: string) => parseIsoDate(date) as number;

describe('compileRiskLevels', () => {
  it('treats regions without any entry as low-risk', () => {
    const index = compileRiskLevels([]);
    expect(index.levelOn('330106', d('2020-02-20'))).toBe('low');
    expect(index.timeline('330106')).toEqual([{ start: -Infinity, end: Infinity, level: 'low' }]);
  });

  it('uses the most specific prefix that covers the day', () => {
    const index = compileRiskLevels([
      { region: '33', level: 'medium', from: '2020-01-23', to: null },
      { region: '3301', level: 'high', from: '2020-02-01', to: '2020-02-10' },
      { region: '330102', level: 'low', from: '2020-01-01', to: null },
    ]);
    expect(index.levelOn('330106', d('2020-01-25'))).toBe('medium');
    expect(index.levelOn('330106', d('2020-02-05'))).toBe('high');
    expect(index.levelOn('330106', d('2020-02-10'))).toBe('medium');
    expect(index.levelOn('330102', d('2020-02-05'))).toBe('low');
    expect(index.levelOn('330102', d('2019-12-31'))).toBe('low');
    expect(index.levelOn('331002', d('2020-02-05'))).toBe('medium');
    expect(index.levelOn('4201', d('2020-02-05'))).toBe('low');
    expect(index.levelOn('33', d('2020-02-05'))).toBe('medium');
  });

  it('counts a day when any part of it is covered, with `to` exclusive', () => {
    const index = compileRiskLevels([
      { region: '42', level: 'high', from: '2020-02-08T12:00:00+08:00', to: '2020-02-12T00:00:00+08:00' },
      { region: '11', level: 'high', from: '2020-02-08T20:00:00Z', to: '2020-02-11T16:00:01Z' },
    ]);
    expect(index.levelOn('420106', d('2020-02-07'))).toBe('low');
    expect(index.levelOn('420106', d('2020-02-08'))).toBe('high');
    expect(index.levelOn('420106', d('2020-02-11'))).toBe('high');
    expect(index.levelOn('420106', d('2020-02-12'))).toBe('low');
    // 20:00Z on the 8th is 04:00 on the 9th in UTC+8; one second past midnight (UTC+8) touches the 12th.
    expect(index.levelOn('110105', d('2020-02-08'))).toBe('low');
    expect(index.levelOn('110105', d('2020-02-09'))).toBe('high');
    expect(index.levelOn('110105', d('2020-02-12'))).toBe('high');
    expect(index.levelOn('110105', d('2020-02-13'))).toBe('low');
  });

  it('lets the later change win on the day two intervals of one prefix meet', () => {
    const index = compileRiskLevels([
      { region: '42', level: 'medium', from: '2020-02-01', to: '2020-02-10T12:00:00' },
      { region: '42', level: 'high', from: '2020-02-10T12:00:00', to: null },
    ]);
    expect(index.levelOn('42', d('2020-02-09'))).toBe('medium');
    expect(index.levelOn('42', d('2020-02-10'))).toBe('high');
  });

  it('lowers a district the same day when a lowering is decided for the day a raise took effect', () => {
    const raise = {
      region: '330106',
      level: 'high' as const,
      from: '2026-12-06',
      to: null,
      decidedAt: '2026-12-05T20:00:00+08:00',
    };
    const lowering = {
      region: '330106',
      level: 'low' as const,
      from: '2026-12-06',
      to: null,
      decidedAt: '2026-12-06T09:30:00+08:00',
    };
    // The order of the list does not matter: the decision taken last wins.
    for (const levels of [
      [raise, lowering],
      [lowering, raise],
    ]) {
      const index = compileRiskLevels(levels);
      expect(index.levelOn('330106', d('2026-12-06'))).toBe('low');
      expect(index.levelOn('330106', d('2026-12-20'))).toBe('low');
      expect(index.decisionOn('330106', d('2026-12-06'))).toMatchObject({ level: 'low', prefix: '330106' });
      expect(levels[index.decisionOn('330106', d('2026-12-06')).entry as number]).toBe(lowering);
    }
    // A mid-day lowering also takes the whole day.
    const midDay = compileRiskLevels([
      { ...raise, from: '2026-12-01' },
      { ...lowering, from: '2026-12-06T09:30:00+08:00' },
    ]);
    expect(midDay.levelOn('330106', d('2026-12-05'))).toBe('high');
    expect(midDay.levelOn('330106', d('2026-12-06'))).toBe('low');
    // Retracting the lowering (leaving it out) brings the raise back.
    expect(compileRiskLevels([raise]).levelOn('330106', d('2026-12-06'))).toBe('high');
  });

  it('keeps a later-starting decision over an earlier-starting one decided after it', () => {
    const index = compileRiskLevels([
      { region: '42', level: 'high', from: '2020-02-20', to: null, decidedAt: '2020-02-01T00:00:00Z' },
      { region: '42', level: 'medium', from: '2020-02-05', to: null, decidedAt: '2020-02-04T00:00:00Z' },
    ]);
    expect(index.levelOn('42', d('2020-02-10'))).toBe('medium');
    expect(index.levelOn('42', d('2020-02-21'))).toBe('high');
  });

  it('answers the level today and which prefix set it', () => {
    const levels = [
      { region: '33', level: 'medium' as const, from: '2026-11-01', to: null },
      { region: '330106', level: 'high' as const, from: '2026-12-10', to: null },
    ];
    expect(riskLevelAt(levels, '330106', '2026-12-06T10:00:00+08:00')).toEqual({
      level: 'medium',
      prefix: '33',
      entry: 0,
    });
    expect(riskLevelAt(levels, '330106', new Date('2026-12-10T00:30:00+08:00'))).toEqual({
      level: 'high',
      prefix: '330106',
      entry: 1,
    });
    expect(riskLevelAt(levels, '420103', '2026-12-06')).toEqual({ level: 'low', prefix: null, entry: null });
  });

  it('builds a merged timeline and finds runs of a level', () => {
    const index = compileRiskLevels([
      { region: '42', level: 'high', from: '2020-02-01', to: '2020-02-05' },
      { region: '42', level: 'high', from: '2020-02-05', to: '2020-02-08' },
      { region: '42', level: 'medium', from: '2020-02-08', to: '2020-02-10' },
      { region: '42', level: 'high', from: '2020-02-12', to: null },
    ]);
    expect(index.timeline('420106')).toEqual([
      { start: -Infinity, end: d('2020-01-31'), level: 'low' },
      { start: d('2020-02-01'), end: d('2020-02-07'), level: 'high' },
      { start: d('2020-02-08'), end: d('2020-02-09'), level: 'medium' },
      { start: d('2020-02-10'), end: d('2020-02-11'), level: 'low' },
      { start: d('2020-02-12'), end: Infinity, level: 'high' },
    ]);
    expect(index.findLevel('420106', d('2020-02-03'), d('2020-02-13'), 'high')).toEqual({
      first: d('2020-02-03'),
      last: d('2020-02-13'),
    });
    expect(index.findLevel('420106', d('2020-02-03'), d('2020-02-11'), 'high')).toEqual({
      first: d('2020-02-03'),
      last: d('2020-02-07'),
    });
    expect(index.findLevel('420106', d('2020-02-08'), d('2020-02-11'), 'high')).toBeNull();
    expect(index.findLevel('420106', d('2020-02-08'), d('2020-02-11'), 'medium')).toEqual({
      first: d('2020-02-08'),
      last: d('2020-02-09'),
    });
    expect(index.findLevel('420106', d('2020-02-09'), d('2020-02-08'), 'medium')).toBeNull();
    expect(index.segmentOn('420106', d('2020-03-01'))).toEqual({
      start: d('2020-02-12'),
      end: Infinity,
      level: 'high',
    });
  });

  it('returns the same timeline object for repeated lookups', () => {
    const index = compileRiskLevels([{ region: '42', level: 'high', from: '2020-02-01', to: null }]);
    expect(index.timeline('420106')).toBe(index.timeline('420106'));
  });

  it.each([
    [{ region: '3300', level: 'high', from: '2020-02-01', to: null }, 'riskLevels[0].region'],
    [{ region: '33', level: 'severe', from: '2020-02-01', to: null }, 'riskLevels[0].level'],
    [{ region: '33', level: 'high', from: 'Feb 1', to: null }, 'riskLevels[0].from'],
    [{ region: '33', level: 'high', from: '2020-02-01', to: '2020-02-01' }, 'riskLevels[0].to'],
    [{ region: '33', level: 'high', from: '2020-02-02', to: '2020-02-01' }, 'riskLevels[0].to'],
  ])('refuses a malformed entry %#', (entry, path) => {
    const attempt = () => compileRiskLevels([entry as never]);
    expect(attempt).toThrow(RulesException);
    expect(attempt).toThrow(path);
  });
});
