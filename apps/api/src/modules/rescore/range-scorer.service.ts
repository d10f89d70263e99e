import type { CodeEvaluation } from '@healthcode/contracts';
import { addDays, cstDate } from '@healthcode/contracts';
import { checkInWindowDays, type CompiledRuleSet, type RegionRiskLevel } from '@healthcode/rules';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { buildEvaluationFacts, codeRegionOf } from '../code/resident-facts.util';
import { StaffOverrideRepository } from '../override/staff-override.repository';
import { RangeFactsRepository, type RangeQuery } from './range-facts.repository';
import type { ScoredResident, StoredCode } from '../code/code-diff.util';

export interface ScoredRange {
  scored: ScoredResident[];
  prev: Map<string, StoredCode>;
}

/**
 * Scores every resident of a range with one compiled rule set: residents first, then (optionally) their codes
 * under a write lock, then the facts, so a single-resident write that committed before our lock is seen.
 */
@Injectable()
export class RangeScorer {
  constructor(
    private readonly facts: RangeFactsRepository,
    private readonly overrides: StaffOverrideRepository,
  ) {}

  async score(
    m: EntityManager,
    range: Omit<RangeQuery, 'checkInsFrom'>,
    compiled: CompiledRuleSet,
    riskLevels: readonly RegionRiskLevel[],
    now: Date,
    lock: boolean,
  ): Promise<ScoredRange> {
    const q: RangeQuery = { ...range, checkInsFrom: addDays(cstDate(now), -checkInWindowDays(compiled.ruleSet)) };
    const residents = await this.facts.residents(m, q);
    const ids = residents.map((r) => r.id);
    // A whole range is locked by primary-key range; an import's scattered matches by their ids.
    const prev = !lock
      ? await this.facts.readCodes(m, ids)
      : q.importId
        ? await this.facts.lockCodes(m, ids)
        : await this.facts.lockRangeCodes(m, q);
    const [f, overrides] = await Promise.all([
      this.facts.facts(m, q, residents),
      this.overrides.activeFactsForResidents(ids, cstDate(now)),
    ]);
    const scored = residents.map((r) => {
      const declarations = f.declarations.get(r.id) ?? [];
      const facts = buildEvaluationFacts({
        resident: r,
        declarations,
        checkIns: f.checkIns.get(r.id) ?? [],
        authority: f.authority.get(r.id) ?? [],
        overrides: overrides.get(r.id) ?? [],
        riskLevels: riskLevels as RegionRiskLevel[],
      });
      return {
        residentId: r.id,
        region: codeRegionOf(r, declarations),
        evaluation: compiled.evaluate(facts, now) as unknown as CodeEvaluation,
      };
    });
    return { scored, prev };
  }
}
