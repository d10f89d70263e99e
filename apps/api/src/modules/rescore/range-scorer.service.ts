import { addDays, type Color, cstDate } from '@healthcode/contracts';
import { checkInWindowDays, type CompiledRuleSet, type RegionRiskLevel } from '@healthcode/rules';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { StaffOverrideRepository } from '../override/staff-override.repository';
import { factScope, RangeFactsRepository, type RangeQuery, type RangeResident } from './range-facts.repository';
import { PREVIEW_EVALUATIONS_PER_RUN, PreviewEvaluations } from './preview-evaluations';
import { type ResidentSources, scoreResident, selfDeclaredKey } from './score-resident.util';
import type { ScoredResident, StoredCode } from '../code/code-diff.util';

export interface ScoredRange {
  scored: ScoredResident[];
  prev: Map<string, StoredCode>;
}

/** Residents with facts of their own a preview reads at once (as many as a re-score range by default). */
const OWN_CHUNK = 2000;

/** Residents of a preview range that score the same and have the same stored colour, counted once. */
export interface PreviewEntry {
  /** The evaluation, with one of the residents' ids. */
  scored: ScoredResident;
  /** The stored colour (undefined: no code yet). */
  stored: Color | undefined;
  count: number;
}

/**
 * Scores every resident of a range with one compiled rule set: residents first, then their codes under a write
 * lock, then the facts, so a single-resident write that committed before our lock is seen. A preview scores the
 * same way and reads the stored colours without a lock.
 */
@Injectable()
export class RangeScorer {
  private readonly previewEvaluations = new PreviewEvaluations();

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
    // A re-score is under way: a preview's evaluations held by this process are of no more use.
    this.previewEvaluations.clear();
    const q = rangeQuery(range, compiled, now);
    const residents = await this.facts.residents(m, q);
    // A whole range is locked by primary-key range; an import's scattered matches by their ids.
    const prev = q.importId
      ? await this.facts.lockCodes(
          m,
          residents.map((r) => r.id),
        )
      : await this.facts.lockRangeCodes(m, q);
    // Residents with the same self-declared facts and nothing else share one evaluation (exact: same inputs).
    const cache = new Map<string, ScoredResident>();
    return { scored: await this.scoreAll(m, q, residents, compiled, riskLevels, now, cache), prev };
  }

  /**
   * What-if: the same residents scored the same way, compared with only the colour of their stored codes (all a
   * preview reports), read without any lock: a preview never makes a resident's write wait. Residents with facts
   * of their own (check-ins, authority facts, overrides, several declarations) are read one by one; every other
   * resident is counted in SQL per identical inputs and stored colour and each set of inputs is evaluated once
   * (exact: those are every input of the evaluation). Both reads must see one snapshot (REPEATABLE READ). Every
   * range of a run is scored at the same instant `now` (the run's), so one evaluation per set of inputs serves all
   * the run's ranges this process works on (`PreviewEvaluations`).
   */
  async preview(
    m: EntityManager,
    run: { id: string; range: Pick<RangeQuery, 'rangeStart' | 'rangeEnd'> },
    compiled: CompiledRuleSet,
    riskLevels: readonly RegionRiskLevel[],
    now: Date,
  ): Promise<PreviewEntry[]> {
    const q = rangeQuery({ ...run.range, importId: null }, compiled, now);
    const own = await this.facts.residentsWithOwnFacts(m, q, cstDate(now));
    const groups = await this.facts.selfDeclaredGroups(m, q, own);
    const cache = this.previewEvaluations.forRun(run.id);
    const entries: PreviewEntry[] = [];
    // Residents with facts of their own, one by one, at most OWN_CHUNK at a time (a preview range is larger than a
    // re-score's): their facts by id, not the whole range's.
    for (let i = 0; i < own.length; i += OWN_CHUNK) {
      const residents = await this.facts.residents(m, q, own.slice(i, i + OWN_CHUNK));
      const colors = await this.facts.readColors(
        m,
        residents.map((r) => r.id),
      );
      for (const scored of await this.scoreAll(m, q, residents, compiled, riskLevels, now, cache, true))
        entries.push({ scored, stored: colors.get(scored.residentId), count: 1 });
    }
    for (const g of groups) {
      const sources: ResidentSources = {
        id: g.sampleId,
        resident: g.resident,
        declarations: g.declarations,
        checkIns: [],
        authority: [],
        overrides: [],
      };
      entries.push({
        scored: scoreCached(sources, compiled, riskLevels, now, cache),
        stored: g.color ?? undefined,
        count: g.count,
      });
    }
    return entries;
  }

  private async scoreAll(
    m: EntityManager,
    q: RangeQuery,
    residents: RangeResident[],
    compiled: CompiledRuleSet,
    riskLevels: readonly RegionRiskLevel[],
    now: Date,
    cache: Map<string, ScoredResident>,
    listed = false,
  ): Promise<ScoredResident[]> {
    // A preview's residents with facts of their own: only their rows (a chunk at a time), not the range's.
    const scope = factScope(q, residents, listed);
    const [f, overrides] = await Promise.all([
      this.facts.facts(m, q, residents, listed),
      this.overrides.activeFactsFor(m, scope, cstDate(now)),
    ]);
    return residents.map((r) =>
      scoreCached(
        {
          id: r.id,
          resident: r,
          declarations: f.declarations.get(r.id) ?? [],
          checkIns: f.checkIns.get(r.id) ?? [],
          authority: f.authority.get(r.id) ?? [],
          overrides: overrides.get(r.id) ?? [],
        },
        compiled,
        riskLevels,
        now,
        cache,
      ),
    );
  }
}

/**
 * `scoreResident`, evaluated once per self-declared key (exact: the key holds every input); residents with the same
 * key share one evaluation object, which `diffCodes` then serialises once.
 */
function scoreCached(
  sources: ResidentSources,
  compiled: CompiledRuleSet,
  riskLevels: readonly RegionRiskLevel[],
  now: Date,
  cache: Map<string, ScoredResident>,
): ScoredResident {
  const key = selfDeclaredKey(sources);
  const hit = key === null ? undefined : cache.get(key);
  if (hit) return { ...hit, residentId: sources.id };
  const scored = scoreResident(sources, compiled, riskLevels, now);
  if (key !== null && cache.size < PREVIEW_EVALUATIONS_PER_RUN) cache.set(key, scored);
  return scored;
}

function rangeQuery(range: Omit<RangeQuery, 'checkInsFrom'>, compiled: CompiledRuleSet, now: Date): RangeQuery {
  return { ...range, checkInsFrom: addDays(cstDate(now), -checkInWindowDays(compiled.ruleSet)) };
}
