import { DEFAULT_RULE_SET } from '../default-rule-set.constant';
import type { RegionRiskLevel } from '../facts.types';
import type { RuleSet } from '../rule-set.types';
import { checkIns, day, score } from '../testing/scoring.fixture';

describe('region-risk-presence rule', () => {
  describe('stays', () => {
    it('makes a stay in a high-risk region within 14 days red', () => {
      const result = score({ stays: [{ region: '420106', from: day(-10), to: day(-5) }] });
      expect(result.color).toBe('red');
      expect(result.reasons).toHaveLength(1);
      expect(result.reasons[0]).toMatchObject({
        ruleId: 'high-risk-region',
        color: 'red',
        template: 'reason.stay',
        fact: {
          source: 'self-declared',
          kind: 'stay',
          region: '420106',
          from: day(-10),
          to: day(-5),
          riskLevel: 'high',
        },
        since: day(-10),
        until: day(10),
        checkIns: { done: 0, total: 14 },
      });
      expect(result.reasons[0].text['zh-CN']).toBe(`${day(-10)}至${day(-5)}在420106停留，该地区${day(-5)}为高风险地区`);
    });

    it('counts stays that ended up to 14 days ago', () => {
      expect(score({ stays: [{ region: '420106', from: day(-20), to: day(-14) }] }).color).toBe('red');
      expect(score({ stays: [{ region: '420106', from: day(-20), to: day(-15) }] }).color).toBe('green');
      expect(score({ stays: [{ region: '420106', from: day(3), to: day(5) }] }).color).toBe('green');
    });

    it('makes a stay in a medium-risk region yellow, with 7 check-ins to green', () => {
      const result = score({ stays: [{ region: '330106', from: day(-6), to: day(-4) }], checkIns: checkIns(-3, 0) });
      expect(result).toMatchObject({ color: 'yellow', greenAt: day(3) });
      expect(result.reasons[0]).toMatchObject({ ruleId: 'medium-risk-region', fact: { riskLevel: 'medium' } });
      expect(result.steps[0].text.en).toBe(`4 of 7 healthy daily check-ins done; next due by ${day(1)} (tomorrow)`);
    });

    it('uses the most specific region level', () => {
      expect(score({ stays: [{ region: '330102', from: day(-6), to: day(-4) }] }).color).toBe('green');
      expect(score({ stays: [{ region: '3301', from: day(-6), to: day(-4) }] }).color).toBe('yellow');
    });

    it('judges a stay by the level on the days the resident was there', () => {
      const riskLevels: RegionRiskLevel[] = [
        { region: '4201', level: 'high', from: day(-8), to: `${day(-3)}T00:00:00+08:00` },
        { region: '4201', level: 'medium', from: `${day(-3)}T00:00:00+08:00`, to: null },
      ];
      const during = score({ riskLevels, stays: [{ region: '420106', from: day(-12), to: day(-1) }] });
      expect(during.reasons.map((reason) => [reason.ruleId, reason.since])).toEqual([
        ['high-risk-region', day(-8)],
        ['medium-risk-region', day(-3)],
      ]);
      expect(during.reasons[0].params.lastDay).toBe(day(-4));
      expect(score({ riskLevels, stays: [{ region: '420106', from: day(-12), to: day(-9) }] }).color).toBe('green');
      expect(score({ riskLevels, stays: [{ region: '420106', from: day(-3), to: day(-1) }] }).color).toBe('yellow');
    });

    it('treats a level starting mid-day as covering that day', () => {
      const riskLevels: RegionRiskLevel[] = [
        { region: '42', level: 'high', from: `${day(-6)}T18:00:00+08:00`, to: null },
      ];
      expect(score({ riskLevels, stays: [{ region: '420106', from: day(-9), to: day(-6) }] }).color).toBe('red');
      expect(score({ riskLevels, stays: [{ region: '420106', from: day(-9), to: day(-7) }] }).color).toBe('green');
    });

    it('for a stay still under way in an open-ended high-risk region, waits on the region', () => {
      const result = score({ stays: [{ region: '420106', from: day(-3), to: null }] });
      expect(result).toMatchObject({ color: 'red', greenAt: null });
      expect(result.reasons[0]).toMatchObject({ until: null, checkIns: null, params: { to: null, lastDay: day(0) } });
      expect(result.greenWhen?.en).toBe(
        'Once 420106 is no longer high-risk or you leave it, then after 14 consecutive healthy daily check-ins',
      );
      expect(result.steps.map((step) => step.id)).toEqual(['await-region-risk', 'appeal']);
    });

    it('for a stay under way with a planned end, counts check-ins from the day after', () => {
      const result = score({ stays: [{ region: '420106', from: day(-3), to: day(3) }], checkIns: checkIns(-3, 0) });
      expect(result).toMatchObject({ color: 'red', greenAt: day(17) });
      expect(result.steps[0].text.en).toBe(`0 of 14 healthy daily check-ins done; they count from ${day(4)}`);
    });

    it('for a stay under way, ends with a known end of the high level', () => {
      const riskLevels: RegionRiskLevel[] = [{ region: '42', level: 'high', from: day(-30), to: day(5) }];
      const result = score({ riskLevels, stays: [{ region: '420106', from: day(-3), to: null }] });
      expect(result).toMatchObject({ color: 'red', greenAt: day(18) });
    });

    it('takes regional parameters from the region stayed in, not where the resident lives', () => {
      const riskLevels: RegionRiskLevel[] = [
        { region: '42', level: 'high', from: day(-60), to: null },
        { region: '11', level: 'high', from: day(-60), to: null },
      ];
      const ruleSet: RuleSet = {
        ...DEFAULT_RULE_SET,
        regionOverrides: { '42': { 'high-risk-region': { withinDays: 21 } } },
      };
      const stay = (region: string) => ({ riskLevels, stays: [{ region, from: day(-25), to: day(-18) }] });
      expect(score({ ...stay('420106'), currentRegion: '330106' }, { ruleSet }).color).toBe('red');
      expect(score({ ...stay('110105'), currentRegion: '330106' }, { ruleSet }).color).toBe('green');
      expect(
        score({ ...stay('110105'), currentRegion: '420106', homeRegion: '420106' }, { ruleSet }).reasons.map(
          (r) => r.template,
        ),
      ).toEqual(['reason.current-region']);
    });
  });

  describe('transport bookings', () => {
    it('counts arriving from a high-risk region like a stay there that day', () => {
      const result = score({
        transportBookings: [
          { mode: 'train', fromRegion: '420106', toRegion: '330106', date: day(-3), ref: 'G1234-0211' },
        ],
      });
      expect(result.color).toBe('red');
      expect(result.reasons[0]).toMatchObject({
        template: 'reason.transport',
        fact: {
          source: 'transport-booking',
          kind: 'transport',
          mode: 'train',
          fromRegion: '420106',
          toRegion: '330106',
          date: day(-3),
          ref: 'G1234-0211',
          riskLevel: 'high',
        },
        since: day(-3),
      });
      expect(result.reasons[0].text.en).toBe(`Arrived by train from 420106 on ${day(-3)}, a high-risk area that day`);
    });

    it('ignores arrivals from low-risk regions, old arrivals and future bookings', () => {
      const booking = (fromRegion: string, offset: number) => ({
        transportBookings: [{ mode: 'plane' as const, fromRegion, toRegion: '420106', date: day(offset), ref: 'r' }],
      });
      expect(score(booking('330102', -3)).color).toBe('green');
      expect(score(booking('420106', -15)).color).toBe('green');
      expect(score(booking('420106', 2)).color).toBe('green');
      expect(score(booking('330106', -3)).color).toBe('yellow');
    });

    it('uses the level on the day of travel', () => {
      const riskLevels: RegionRiskLevel[] = [{ region: '42', level: 'high', from: day(-2), to: null }];
      const booking = (offset: number) => ({
        riskLevels,
        transportBookings: [
          { mode: 'bus' as const, fromRegion: '420106', toRegion: '330106', date: day(offset), ref: 'r' },
        ],
      });
      expect(score(booking(-3)).color).toBe('green');
      expect(score(booking(-2)).color).toBe('red');
    });
  });

  describe('current region', () => {
    it('makes being in a high-risk region now red, until it is lowered or the resident leaves', () => {
      const result = score({ currentRegion: '420106' });
      expect(result).toMatchObject({ color: 'red', greenAt: null });
      expect(result.reasons[0]).toMatchObject({
        template: 'reason.current-region',
        fact: {
          source: 'region-risk',
          kind: 'current-region',
          region: '420106',
          riskLevel: 'high',
          from: '2020-01-23',
          to: null,
        },
        since: '2020-01-23',
        until: null,
      });
    });

    it('uses a known end of the high level', () => {
      const riskLevels: RegionRiskLevel[] = [{ region: '42', level: 'high', from: day(-30), to: day(3) }];
      const result = score({ riskLevels, currentRegion: '420106', checkIns: checkIns(-5, 0) });
      expect(result).toMatchObject({ color: 'red', greenAt: day(16) });
      expect(result.reasons[0].fact).toMatchObject({ from: day(-30), to: day(3) });
    });

    it('does not count a medium-risk current region (per the catalogue)', () => {
      expect(score({ currentRegion: '330106' }).color).toBe('green');
    });

    it('counts a medium-risk current region when a region turns that on', () => {
      const ruleSet: RuleSet = {
        ...DEFAULT_RULE_SET,
        regionOverrides: { '33': { 'medium-risk-region': { includeCurrentRegion: true } } },
      };
      expect(score({ currentRegion: '330106' }, { ruleSet }).color).toBe('yellow');
    });

    it('never looks at the home region', () => {
      expect(score({ currentRegion: '330102', homeRegion: '420106' }).color).toBe('green');
      expect(score({ currentRegion: '420106', homeRegion: '330102' }).color).toBe('red');
    });

    it('refuses a malformed current region', () => {
      expect(() => score({ currentRegion: 'Wuhan' })).toThrow('Malformed region code at currentRegion');
      expect(() => score({ stays: [{ region: '99', from: day(-2), to: null }] })).toThrow('stays[0].region');
    });
  });
});
