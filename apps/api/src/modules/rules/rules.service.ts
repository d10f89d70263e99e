import type { LocalizedText } from '@healthcode/contracts';
import { DEFAULT_RULE_SET, describeRules, type RegionRiskLevel, type RuleSet } from '@healthcode/rules';
import { Injectable } from '@nestjs/common';

import { Clock } from '../clock/clock';
import { RulesRepository } from './rules.repository';

export interface EffectiveRules {
  ruleSet: RuleSet;
  version: number;
  riskLevels: RegionRiskLevel[];
}

const CACHE_MS = 2_000;

/** The rules in force right now: the newest published rule set (or the built-in default) and all risk levels. */
@Injectable()
export class RulesService {
  private cached: { at: number; value: EffectiveRules } | null = null;

  constructor(
    private readonly repo: RulesRepository,
    private readonly clock: Clock,
  ) {}

  invalidate(): void {
    this.cached = null;
  }

  async effective(): Promise<EffectiveRules> {
    const now = this.clock.now();
    if (this.cached && now.getTime() - this.cached.at < CACHE_MS && now.getTime() >= this.cached.at)
      return this.cached.value;
    const [row, levels] = await Promise.all([this.repo.effectiveRuleSet(now), this.repo.allRiskLevels()]);
    const ruleSet = (row?.definition as RuleSet | undefined) ?? DEFAULT_RULE_SET;
    const value: EffectiveRules = {
      ruleSet,
      version: row?.version ?? ruleSet.version,
      riskLevels: levels.map((l) => ({
        region: l.region,
        level: l.level,
        from: l.effectiveFrom.toISOString(),
        to: l.effectiveTo?.toISOString() ?? null,
        decidedAt: l.createdAt.toISOString(),
      })),
    };
    this.cached = { at: now.getTime(), value };
    return value;
  }

  async publicRules(region: string) {
    const { ruleSet, version } = await this.effective();
    return { ...describeRules(ruleSet, region), region, ruleSetVersion: version };
  }

  async changelog(): Promise<{
    items: { version: number; publishedAt: string | null; effectiveAt: string | null; changelog: LocalizedText }[];
  }> {
    const rows = await this.repo.publishedRuleSets();
    return {
      items: rows.map((r) => ({
        version: r.version as number,
        publishedAt: r.publishedAt?.toISOString() ?? null,
        effectiveAt: r.effectiveAt?.toISOString() ?? null,
        changelog: r.changelog,
      })),
    };
  }
}
