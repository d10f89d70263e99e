import fc from 'fast-check';
import { COLOR_SEVERITY } from './color.constant';
import { compileRuleSet } from './compile-rule-set';
import { DEFAULT_RULE_SET } from './default-rule-set.constant';
import { evaluate } from './evaluate';
import type { CheckInFact, EvaluationFacts, RegionRiskLevel, ResidentFacts } from './facts.types';
import { renderJoined, renderTemplate } from './render-template.util';
import type { EvaluationResult } from './result.types';
import type { RuleSet } from './rule-set.types';
import { day } from './testing/scoring.fixture';

// Facts, risk levels and rule sets drawn around TODAY, over a small set of regions so that
// stays, arrivals and current regions often meet risky levels and regional overrides.
const REGIONS = ['420106', '420102', '4201', '330106', '330102', '3301', '110105', '310101'] as const;
const PREFIXES = ['42', '4201', '420106', '33', '3301', '330106', '330102', '11', '110105'] as const;

const offset = fc.integer({ min: -40, max: 6 });
const date = offset.map(day);
const region = fc.constantFrom(...REGIONS);

const riskLevel: fc.Arbitrary<RegionRiskLevel> = fc
  .record({
    region: fc.constantFrom(...PREFIXES),
    level: fc.constantFrom('low', 'medium', 'high'),
    start: fc.integer({ min: -60, max: 5 }),
    length: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
    hour: fc.option(fc.integer({ min: 0, max: 23 }), { nil: null }),
  })
  .map(({ region: prefix, level, start, length, hour }) => ({
    region: prefix,
    level: level as RegionRiskLevel['level'],
    from: hour === null ? day(start) : `${day(start)}T${String(hour).padStart(2, '0')}:00:00+08:00`,
    to: length === null ? null : day(start + length),
  }));

const checkInRun = fc
  .record({ start: fc.integer({ min: -20, max: 0 }), length: fc.integer({ min: 0, max: 20 }), healthy: fc.boolean() })
  .map(({ start, length, healthy }) => {
    const list: CheckInFact[] = [];
    for (let i = 0; i < length; i++) list.push({ date: day(start + i), healthy: healthy || i % 5 !== 2 });
    return list;
  });

const residentFacts: fc.Arbitrary<ResidentFacts> = fc.record(
  {
    currentRegion: fc.option(region, { nil: null }),
    stays: fc.array(
      fc
        .record({ region, from: offset, length: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }) })
        .map((s) => ({ region: s.region, from: day(s.from), to: s.length === null ? null : day(s.from + s.length) })),
      { maxLength: 3 },
    ),
    symptoms: fc.array(
      fc.record({
        symptom: fc.constantFrom('fever', 'cough', 'sore-throat', 'shortness-of-breath', 'fatigue', 'loss-of-smell'),
        onset: date,
      }),
      { maxLength: 3 },
    ),
    declaredContacts: fc.array(fc.record({ date }), { maxLength: 2 }),
    checkIns: fc.array(checkInRun, { maxLength: 3 }).map((runs) => runs.flat()),
    cases: fc.array(
      fc.record({
        status: fc.constantFrom('confirmed', 'suspected'),
        date,
        clearedDate: fc.option(date, { nil: null }),
        ref: fc.string({ maxLength: 8 }),
      }),
      { maxLength: 2 },
    ),
    closeContacts: fc.array(fc.record({ date, ref: fc.string({ maxLength: 8 }) }), { maxLength: 2 }),
    transportBookings: fc.array(
      fc.record({
        mode: fc.constantFrom('plane', 'train', 'bus'),
        fromRegion: region,
        toRegion: region,
        date,
        ref: fc.string({ maxLength: 8 }),
      }),
      { maxLength: 2 },
    ),
    staffOverrides: fc.array(
      fc.record({
        color: fc.constantFrom('green', 'yellow', 'red'),
        until: date,
        reason: fc.string({ maxLength: 30 }),
        ref: fc.string({ maxLength: 8 }),
      }),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: [] },
);

const RECOVERY_RULE_IDS = [
  'case-status',
  'close-contact',
  'high-risk-region',
  'medium-risk-region',
  'symptoms',
] as const;

const ruleSet: fc.Arbitrary<RuleSet> = fc.oneof(
  fc.constant(DEFAULT_RULE_SET),
  fc
    .array(
      fc.record({
        prefix: fc.constantFrom(...PREFIXES),
        ruleId: fc.constantFrom(...RECOVERY_RULE_IDS),
        patch: fc.record(
          {
            withinDays: fc.integer({ min: 0, max: 30 }),
            checkInsRequired: fc.integer({ min: 0, max: 21 }),
            color: fc.constantFrom('yellow', 'red'),
          },
          { requiredKeys: [] },
        ),
      }),
      { maxLength: 4 },
    )
    .map((overrides) => {
      const regionOverrides: Record<string, Record<string, object>> = {};
      for (const { prefix, ruleId, patch } of overrides)
        regionOverrides[prefix] = { ...regionOverrides[prefix], [ruleId]: patch };
      return { ...DEFAULT_RULE_SET, version: 2, regionOverrides } as RuleSet;
    }),
);

const now = fc.oneof(
  fc.integer({ min: -3, max: 3 }).map(day),
  fc
    .integer({ min: -3 * 24, max: 3 * 24 })
    .map((hours) => new Date(Date.parse(`${day(0)}T00:00:00+08:00`) + hours * 3_600_000)),
);

const scenario = fc.record({
  ruleSet,
  riskLevels: fc.array(riskLevel, { maxLength: 6 }),
  facts: residentFacts,
  now,
});

const run = (
  s: { ruleSet: RuleSet; riskLevels: RegionRiskLevel[]; facts: ResidentFacts; now: Date | string },
  extra: Partial<EvaluationFacts> = {},
) => evaluate(s.ruleSet, { ...s.facts, riskLevels: s.riskLevels, ...extra }, s.now);

const nonGreen = (result: EvaluationResult) => result.reasons.filter((reason) => reason.color !== 'green');

describe('evaluate (properties)', () => {
  it('gives the most severe colour among the reasons that decide it, green when there are none', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = run(s);
        const deciding = result.reasons.filter((reason) => !reason.suppressed);
        const expected = deciding.reduce((max, reason) => Math.max(max, COLOR_SEVERITY[reason.color]), 0);
        expect(COLOR_SEVERITY[result.color]).toBe(expected);
        // At most one reason is ever set aside from deciding: all others, when an override decides.
        const overridden = deciding.some((reason) => reason.fact.kind === 'override');
        if (overridden) expect(deciding).toHaveLength(1);
        else expect(result.reasons.every((reason) => !reason.suppressed)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('never puts greenAt before the end of a non-green reason', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = run(s);
        if (result.color === 'green') {
          expect(result.greenAt).toBeNull();
          expect(result.greenWhen).toBeNull();
          return;
        }
        expect(result.greenWhen).not.toBeNull();
        const blocking = nonGreen(result);
        const allDated = blocking.every((reason) => reason.until !== null);
        expect(result.greenAt !== null).toBe(allDated);
        if (result.greenAt === null) return;
        expect(result.greenAt >= result.evaluatedOn).toBe(true);
        for (const reason of blocking) expect(reason.until! <= result.greenAt).toBe(true);
        expect(blocking.some((reason) => reason.until === result.greenAt)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('never lets the home region change anything in the result', () => {
    const homeRegion = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.constantFrom(...REGIONS, ...PREFIXES),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(scenario, homeRegion, homeRegion, (s, a, b) => {
        expect(run(s, { homeRegion: a })).toEqual(run(s, { homeRegion: b }));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same output for the same input, cached or freshly compiled', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const first = run(s);
        expect(run(s)).toEqual(first);
        expect(JSON.stringify(compileRuleSet(s.ruleSet, s.riskLevels).evaluate(s.facts, s.now))).toBe(
          JSON.stringify(first),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("never makes things worse for today's healthy check-in", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const before = run(s);
        const checkIns = [...(s.facts.checkIns ?? []), { date: before.evaluatedOn, healthy: true }];
        const after = run(s, { checkIns });
        expect(COLOR_SEVERITY[after.color]).toBeLessThanOrEqual(COLOR_SEVERITY[before.color]);
        if (before.greenAt !== null && after.greenAt !== null) expect(after.greenAt <= before.greenAt).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives reasons and steps that clients can re-render, dated around today', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = run(s);
        for (const item of [...result.reasons, ...result.steps]) {
          expect(renderTemplate(item.template, item.params)).toEqual(item.text);
        }
        expect(result.greenWhenParts === null ? null : renderJoined(result.greenWhenParts)).toEqual(result.greenWhen);
        for (const reason of result.reasons) {
          if (reason.since !== null) expect(reason.since <= result.evaluatedOn).toBe(true);
          if (reason.until !== null) expect(reason.until >= result.evaluatedOn).toBe(true);
          if (reason.checkIns) expect(reason.checkIns.done).toBeLessThan(reason.checkIns.total);
          expect(reason.ruleVersion).toBe(s.ruleSet.version);
        }
        for (const step of result.steps) {
          if (step.progress) expect(step.progress.done).toBeLessThan(step.progress.total);
        }
      }),
      { numRuns: 300 },
    );
  });
});
