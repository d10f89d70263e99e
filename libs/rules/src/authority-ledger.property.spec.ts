import fc from 'fast-check';

import {
  type AuthorityEvent,
  type AuthorityRecord,
  replayAuthorityEvents,
  withAuthorityFacts,
} from './authority-ledger.util';
import { DEFAULT_RULE_SET } from './default-rule-set.constant';
import { evaluate } from './evaluate';
import type { RegionRiskLevel, ResidentFacts } from './facts.types';
import type { EvaluationResult } from './result.types';
import { day, RISK_LEVELS } from './testing/scoring.fixture';

// A handful of keys so that imports, corrections and withdrawals of the same fact meet often.
const KEYS = ['c1', 'c2', 'k1', 'b1', 'b2'] as const;
const date = fc.integer({ min: -40, max: 0 }).map(day);
const region = fc.constantFrom('420106', '330106', '330102', '110105');

const record: fc.Arbitrary<AuthorityRecord> = fc.oneof(
  fc
    .record({
      status: fc.constantFrom('confirmed' as const, 'suspected' as const),
      date,
      cleared: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
    })
    .map(({ status, date: d, cleared }) => ({
      kind: 'case' as const,
      fact: {
        status,
        date: d,
        clearedDate: cleared === null ? null : day(Math.min(0, dayOffset(d) + cleared)),
        ref: 'r',
      },
    })),
  fc.record({ date }).map(({ date: d }) => ({ kind: 'contact' as const, fact: { date: d, ref: 'r' } })),
  fc.record({ fromRegion: region, toRegion: region, date }).map((b) => ({
    kind: 'booking' as const,
    fact: { mode: 'train' as const, ...b, ref: 'r' },
  })),
);

function dayOffset(iso: string): number {
  return Math.round((Date.parse(iso) - Date.parse(day(0))) / 86_400_000);
}

const event: fc.Arbitrary<AuthorityEvent> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ key: fc.constantFrom(...KEYS), record }).map((e) => ({ type: 'import' as const, ...e })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...KEYS).map((key) => ({ type: 'withdraw' as const, key })) },
);

const base: fc.Arbitrary<ResidentFacts> = fc.record({
  currentRegion: fc.option(region, { nil: null }),
  checkIns: fc.constant([]),
});

const riskLevels: RegionRiskLevel[] = [...RISK_LEVELS];
const NOW = `${day(0)}T12:00:00+08:00`;
const score = (facts: ResidentFacts) => evaluate(DEFAULT_RULE_SET, { ...facts, riskLevels }, NOW);
const summary = (r: EvaluationResult) => ({ color: r.color, greenAt: r.greenAt, reasons: r.reasons.length });

/**
 * The facts that remain, computed afresh from the events without replaying them: for each key, its last event
 * decides (an import: that row's content; a withdrawal: nothing).
 */
function remainingAfresh(events: readonly AuthorityEvent[]): AuthorityRecord[] {
  const out: AuthorityRecord[] = [];
  for (const key of KEYS) {
    const last = [...events].reverse().find((e) => e.key === key);
    if (last?.type === 'import') out.push(last.record);
  }
  return out;
}

describe('authority facts over imports, corrections and withdrawals (properties)', () => {
  it('for any sequence, the colour kept up to date after each step equals a fresh evaluation of the facts that remain', () => {
    fc.assert(
      fc.property(base, fc.array(event, { maxLength: 25 }), (facts, events) => {
        // The system's way: after every import, correction or withdrawal the resident is re-scored.
        let stored = score(withAuthorityFacts(facts, []));
        for (let i = 0; i < events.length; i++)
          stored = score(withAuthorityFacts(facts, replayAuthorityEvents(events.slice(0, i + 1)).values()));
        const fresh = score(withAuthorityFacts(facts, remainingAfresh(events)));
        expect(summary(stored)).toEqual(summary(fresh));
        expect(stored.color).toBe(fresh.color);
      }),
      { numRuns: 300 },
    );
  });

  it('withdrawing every fact gives back the colour without any authority record', () => {
    fc.assert(
      fc.property(base, fc.array(event, { maxLength: 15 }), (facts, events) => {
        const all = [...events, ...KEYS.map((key) => ({ type: 'withdraw' as const, key }))];
        expect(replayAuthorityEvents(all).size).toBe(0);
        expect(summary(score(withAuthorityFacts(facts, replayAuthorityEvents(all).values())))).toEqual(
          summary(score(withAuthorityFacts(facts, []))),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('a correction replaces the fact in place: re-importing the same key never counts it twice', () => {
    fc.assert(
      fc.property(base, fc.constantFrom(...KEYS), record, record, (facts, key, first, second) => {
        const onFile = replayAuthorityEvents([
          { type: 'import', key, record: first },
          { type: 'import', key, record: second },
        ]);
        expect([...onFile.values()]).toEqual([second]);
        expect(score(withAuthorityFacts(facts, onFile.values())).color).toBe(
          score(withAuthorityFacts(facts, [second])).color,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('a cleared case brings the resident back to green once nothing else holds them', () => {
    const confirmed: AuthorityRecord = {
      kind: 'case',
      fact: { status: 'confirmed', date: day(-30), clearedDate: null, ref: 'r' },
    };
    const cleared: AuthorityRecord = { kind: 'case', fact: { ...confirmed.fact, clearedDate: day(-20) } };
    const facts = { currentRegion: null };
    expect(
      score(
        withAuthorityFacts(facts, replayAuthorityEvents([{ type: 'import', key: 'c1', record: confirmed }]).values()),
      ).color,
    ).toBe('red');
    const after = replayAuthorityEvents([
      { type: 'import', key: 'c1', record: confirmed },
      { type: 'import', key: 'c1', record: cleared },
    ]);
    expect(score(withAuthorityFacts(facts, after.values())).color).toBe('green');
  });
});
