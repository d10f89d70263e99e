import { addDays, type Color, cstDate } from '@healthcode/contracts';
import { checkInWindowDays, type CompiledRuleSet, type RegionRiskLevel } from '@healthcode/rules';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { StaffOverrideRepository } from '../override/staff-override.repository';
import { RangeFactsRepository, type RangeQuery, type RangeResident } from './range-facts.repository';
import { type ResidentSources, scoreResident, selfDeclaredKey } from './score-resident.util';
import type { ScoredResident, StoredCode } from '../code/code-diff.util';

export interface ScoredRange {
  scored: ScoredResident[];
  prev: Map<string, StoredCode>;
}

export interface PreviewRange {
  scored: ScoredResident[];
  /** The stored colour of each resident of the range that has a code. */
  colors: Map<string, Color>;
}

/**
 * Scores every resident of a range with one compiled rule set: residents first, then their codes under a write
 * lock, then the facts, so a single-resident write that committed before our lock is seen. A preview scores the
 * same way and reads the stored colours without a lock.
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
  ): Promise<ScoredRange> {
    const q = rangeQuery(range, compiled, now);
    const residents = await this.facts.residents(m, q);
    // A whole range is locked by primary-key range; an import's scattered matches by their ids.
    const prev = q.importId
      ? await this.facts.lockCodes(
          m,
          residents.map((r) => r.id),
        )
      : await this.facts.lockRangeCodes(m, q);
    return { scored: await this.scoreAll(m, q, residents, compiled, riskLevels, now), prev };
  }

  /**
   * What-if: the same residents scored the same way, compared with only the colour of their stored codes (all a
   * preview reports), read without any lock by primary-key range: a preview never makes a resident's write wait.
   */
  async preview(
    m: EntityManager,
    range: Pick<RangeQuery, 'rangeStart' | 'rangeEnd'>,
    compiled: CompiledRuleSet,
    riskLevels: readonly RegionRiskLevel[],
    now: Date,
  ): Promise<PreviewRange> {
    const q = rangeQuery({ ...range, importId: null }, compiled, now);
    const residents = await this.facts.residents(m, q);
    const colors = await this.facts.readRangeColors(m, q);
    // Residents with the same self-declared facts and nothing else are evaluated once per range (exact: same inputs).
    const cache = new Map<string, ScoredResident>();
    return { scored: await this.scoreAll(m, q, residents, compiled, riskLevels, now, cache), colors };
  }

  private async scoreAll(
    m: EntityManager,
    q: RangeQuery,
    residents: RangeResident[],
    compiled: CompiledRuleSet,
    riskLevels: readonly RegionRiskLevel[],
    now: Date,
    cache?: Map<string, ScoredResident>,
  ): Promise<ScoredResident[]> {
    const [f, overrides] = await Promise.all([
      this.facts.facts(m, q, residents),
      this.overrides.activeFactsForResidents(
        residents.map((r) => r.id),
        cstDate(now),
      ),
    ]);
    return residents.map((r) => {
      const sources: ResidentSources = {
        id: r.id,
        resident: r,
        declarations: f.declarations.get(r.id) ?? [],
        checkIns: f.checkIns.get(r.id) ?? [],
        authority: f.authority.get(r.id) ?? [],
        overrides: overrides.get(r.id) ?? [],
      };
      const key = cache ? selfDeclaredKey(sources) : null;
      const hit = key === null ? undefined : cache?.get(key);
      if (hit) return { ...hit, residentId: r.id };
      const scored = scoreResident(sources, compiled, riskLevels, now);
      if (key !== null) cache?.set(key, scored);
      return scored;
    });
  }
}

function rangeQuery(range: Omit<RangeQuery, 'checkInsFrom'>, compiled: CompiledRuleSet, now: Date): RangeQuery {
  return { ...range, checkInsFrom: addDays(cstDate(now), -checkInWindowDays(compiled.ruleSet)) };
}
