import { compileRuleSet, DEFAULT_RULE_SET, type RegionRiskLevel } from '@healthcode/rules';

import { buildEvaluationFacts } from '../code/resident-facts.util';
import { scoreResident, selfDeclaredKey } from './score-resident.util';

const now = new Date('2026-12-07T04:00:00Z');
const riskLevels: RegionRiskLevel[] = [
  { region: '420103', level: 'high', from: '2026-11-01T00:00:00Z', to: null, decidedAt: '2026-11-01T00:00:00Z' },
];
const compiled = compileRuleSet(DEFAULT_RULE_SET, riskLevels);
const base = {
  id: 'r1',
  resident: { homeRegion: '110101', currentRegion: '330106' },
  declarations: [],
  checkIns: [],
  authority: [],
  overrides: [],
};

describe('scoreResident', () => {
  it('is the engine evaluating buildEvaluationFacts, in the region of the newest declaration', () => {
    const declarations = [
      {
        currentRegion: '330105',
        stays: [{ region: '420103', from: '2026-12-01', to: '2026-12-03' }],
        symptoms: [],
        contactDate: null,
      },
    ];
    const scored = scoreResident({ ...base, declarations }, compiled, riskLevels, now);
    const expected = compiled.evaluate(buildEvaluationFacts({ ...base, declarations, riskLevels }), now);
    expect(scored.residentId).toBe('r1');
    expect(scored.region).toBe('330105');
    expect(scored.evaluation).toEqual(expected);
    expect(scored.evaluation.color).toBe('red');
  });

  it('falls back to the resident’s own current region without a declaration', () => {
    const scored = scoreResident(base, compiled, riskLevels, now);
    expect(scored.region).toBe('330106');
    expect(scored.evaluation.color).toBe('green');
  });

  it('keys residents by every input of their evaluation, and not at all when they have facts of their own', () => {
    const declarations = [{ currentRegion: '330105', stays: [], symptoms: [], contactDate: null }];
    const key = selfDeclaredKey({ ...base, declarations });
    expect(key).toBe(selfDeclaredKey({ ...base, id: 'r2', declarations }));
    expect(key).not.toBe(
      selfDeclaredKey({ ...base, declarations: [{ ...declarations[0], contactDate: '2026-12-01' }] }),
    );
    expect(key).not.toBe(
      selfDeclaredKey({ ...base, resident: { ...base.resident, homeRegion: '110105' }, declarations }),
    );
    expect(
      selfDeclaredKey({ ...base, checkIns: [{ day: '2026-12-06', healthy: true, temperature: null, symptoms: [] }] }),
    ).toBeNull();
    expect(
      selfDeclaredKey({ ...base, authority: [{ id: 'f1', kind: 'contact', data: { date: '2026-12-01' } }] }),
    ).toBeNull();
  });
});
