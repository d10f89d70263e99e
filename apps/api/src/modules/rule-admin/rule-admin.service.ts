import {
  ApiErrorCode,
  type PublishResponse,
  type RegionOverrideRequest,
  type RuleSetAdminView,
  type RuleSetDraftRequest,
} from '@healthcode/contracts';
import { type RuleSet, validateRuleSet } from '@healthcode/rules';
import { Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { isUuid } from '../../database/uuid-binary.transformer';
import { staffActor } from '../audit/audit-actor.util';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../auth/session-token.service';
import { Clock } from '../clock/clock';
import { RescoreRunService } from '../rescore/rescore-run.service';
import type { RuleSetEntity } from '../rules/rule-set.entity';
import { RulesService } from '../rules/rules.service';
import { isInScope } from '../security/region-scope.util';
import { invalidRuleSet, outOfScope, publishedIsImmutable, ruleSetNotFound } from './rule-admin.exception';
import { RuleSetAdminRepository } from './rule-set-admin.repository';
import { scopeViolations } from './rule-scope.util';

export function toAdminView(r: RuleSetEntity): RuleSetAdminView {
  return {
    id: r.id,
    status: r.status,
    version: r.version,
    definition: r.definition,
    changelog: r.changelog,
    authorStaffId: r.authorStaffId,
    effectiveAt: r.effectiveAt?.toISOString() ?? null,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/**
 * Rule sets move draft → preview → published. Regional administrators may change only the overrides of
 * prefixes inside their scope (checked here, on every save and again at publication). Publication writes the
 * version and the re-scoring outbox row in one transaction.
 */
@Injectable()
export class RuleAdminService {
  constructor(
    private readonly repo: RuleSetAdminRepository,
    private readonly rules: RulesService,
    private readonly runs: RescoreRunService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<{ items: RuleSetAdminView[] }> {
    return { items: (await this.repo.list()).map(toAdminView) };
  }

  async get(id: string): Promise<RuleSetAdminView> {
    return toAdminView(await this.load(id));
  }

  async createDraft(staff: StaffPrincipal, body: RuleSetDraftRequest): Promise<RuleSetAdminView> {
    const definition = await this.checked(body.definition, staff);
    const row = await this.repo.insertDraft(
      { definition, changelog: body.changelog, effectiveAt: body.effectiveAt ? new Date(body.effectiveAt) : null },
      staff.staffId,
      this.clock.now(),
    );
    await this.audit.record({
      actor: staffActor(staff),
      action: 'rules.draft-created',
      target: { type: 'rule-set', id: row.id },
      region: staff.regionScope || null,
    });
    return toAdminView(row);
  }

  async updateDraft(id: string, staff: StaffPrincipal, body: RuleSetDraftRequest): Promise<RuleSetAdminView> {
    const row = await this.loadUnpublished(id);
    const definition = await this.checked(body.definition, staff, row.definition as RuleSet);
    const effectiveAt = body.effectiveAt ? new Date(body.effectiveAt) : null;
    if (
      !(await this.repo.updateUnpublished(id, { definition, changelog: body.changelog, effectiveAt, status: 'draft' }))
    )
      throw publishedIsImmutable();
    await this.audit.record({
      actor: staffActor(staff),
      action: 'rules.draft-updated',
      target: { type: 'rule-set', id },
      region: staff.regionScope || null,
    });
    return this.get(id);
  }

  /** Replaces one prefix's override in a draft (an empty `rules` removes it). */
  async setOverride(
    id: string,
    prefix: string,
    staff: StaffPrincipal,
    body: RegionOverrideRequest,
  ): Promise<RuleSetAdminView> {
    if (!isInScope(staff.regionScope, prefix)) throw outOfScope([`definition.regionOverrides.${prefix}`]);
    const row = await this.loadUnpublished(id);
    const current = row.definition as RuleSet;
    const overrides = { ...current.regionOverrides } as Record<string, unknown>;
    if (Object.keys(body.rules).length === 0) delete overrides[prefix];
    else overrides[prefix] = body.rules;
    const definition = await this.checked({ ...current, regionOverrides: overrides }, staff, current);
    if (!(await this.repo.updateUnpublished(id, { definition, status: 'draft' }))) throw publishedIsImmutable();
    await this.audit.record({
      actor: staffActor(staff),
      action: 'rules.override-set',
      target: { type: 'rule-set', id },
      region: prefix,
      details: { prefix, rules: Object.keys(body.rules) },
    });
    return this.get(id);
  }

  /** Marks a draft as previewed and starts its what-if run against everyone (nothing is written to codes). */
  async preview(id: string, staff: StaffPrincipal): Promise<{ ruleSet: RuleSetAdminView; runId: string }> {
    const row = await this.loadUnpublished(id);
    const definition = await this.checked(row.definition, staff, row.definition as RuleSet);
    const { riskLevels } = await this.fresh();
    const runId = await this.repo.transaction(async (m) => {
      if (!(await this.repo.updateUnpublished(id, { status: 'preview' }, m))) throw publishedIsImmutable();
      const run = await this.runs.enqueue(m, {
        kind: 'preview',
        cause: null,
        causeRef: null,
        importId: null,
        payload: { ruleSet: definition, riskLevels, ruleSetId: id },
        availableAt: this.clock.now(),
        createdBy: staff.staffId,
      });
      await this.audit.record(
        {
          actor: staffActor(staff),
          action: 'rules.previewed',
          target: { type: 'rule-set', id },
          region: staff.regionScope || null,
          details: { runId: run },
        },
        m,
      );
      return run;
    });
    this.runs.notify(runId);
    return { ruleSet: await this.get(id), runId };
  }

  /** One transaction: the version (immutable from now on) and the outbox row that re-scores everyone. */
  async publish(id: string, staff: StaffPrincipal): Promise<PublishResponse> {
    const now = this.clock.now();
    const { runId } = await this.repo.transaction(async (m) => {
      const row = await this.repo.findForUpdate(m, id);
      if (!row) throw ruleSetNotFound();
      if (row.status === 'published') throw publishedIsImmutable();
      if (row.status !== 'preview')
        throw new DomainException(
          ApiErrorCode.IllegalTransition,
          'Preview the draft first (POST …/preview), then publish it',
        );
      const definition = await this.checked(row.definition, staff);
      const version = await this.repo.nextVersion(m);
      const effectiveAt = row.effectiveAt && row.effectiveAt > now ? row.effectiveAt : now;
      if (!(await this.repo.markPublished(m, id, version, { ...definition, version }, effectiveAt, now)))
        throw publishedIsImmutable();
      const runId = await this.runs.enqueue(m, {
        kind: 'publish',
        cause: 'rules-published',
        causeRef: `rules:${version}`,
        importId: null,
        payload: null,
        availableAt: effectiveAt,
        createdBy: staff.staffId,
      });
      await this.audit.record(
        {
          actor: staffActor(staff),
          action: 'rules.published',
          target: { type: 'rule-set', id },
          region: staff.regionScope || null,
          details: { version, effectiveAt: effectiveAt.toISOString(), runId },
        },
        m,
      );
      return { runId };
    });
    this.rules.invalidate();
    this.runs.notify(runId);
    return { ruleSet: await this.get(id), runId };
  }

  private async load(id: string): Promise<RuleSetEntity> {
    const row = isUuid(id) ? await this.repo.find(id) : null;
    if (!row) throw ruleSetNotFound();
    return row;
  }

  private async loadUnpublished(id: string): Promise<RuleSetEntity> {
    const row = await this.load(id);
    if (row.status === 'published') throw publishedIsImmutable();
    return row;
  }

  private async fresh() {
    this.rules.invalidate();
    return this.rules.effective();
  }

  /**
   * Validates with libs/rules and enforces the caller's region scope: what the caller changes, compared with
   * `baseline` (the draft before this edit) or, by default, with the rules in force (new drafts, publication).
   */
  private async checked(definition: unknown, staff: StaffPrincipal, baseline?: RuleSet): Promise<RuleSet> {
    const candidate = {
      ...(definition as object),
      version: Math.max(1, Number((definition as { version?: number }).version) || 1),
    };
    const errors = validateRuleSet(candidate);
    if (errors.length > 0)
      throw invalidRuleSet(
        errors.map((e) => ({ path: `definition.${e.path}`.replace(/\.$/, ''), message: e.message })),
      );
    const violations = scopeViolations(
      baseline ?? (await this.fresh()).ruleSet,
      candidate as RuleSet,
      staff.regionScope,
    );
    if (violations.length > 0) throw outOfScope(violations);
    return candidate as RuleSet;
  }
}
