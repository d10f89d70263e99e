import {
  addDays,
  ApiErrorCode,
  type CodeHistoryEntry,
  type CodeResponse,
  cstDate,
  type HistoryCause,
} from '@healthcode/contracts';
import { checkInWindowDays, evaluate } from '@healthcode/rules';
import { Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { Clock } from '../clock/clock';
import { IdentityEventRepository } from '../identity/identity-event.repository';
import { verificationRequiredMessage } from '../identity/verification-required.util';
import { DeclarationRepository } from '../declaration/declaration.repository';
import { CodeSignerService } from '../keys/code-signer.service';
import { StaffOverrideRepository } from '../override/staff-override.repository';
import { ResidentRepository } from '../resident/resident.repository';
import { RulesService } from '../rules/rules.service';
import { type CodeHead, CodeRepository } from './code.repository';
import type { ScoredEvaluation } from './code-diff.util';
import { type CodeView, CodeViewCache } from './code-view.cache';
import { CodeWriter } from './code-writer.service';
import { FactsRepository } from './facts.repository';
import type { FactChangeNote } from './fact-change-text.util';
import { historyCauseText } from './history-cause.util';
import type { ResidentCodeEntity } from './resident-code.entity';
import { buildEvaluationFacts, codeRegionOf } from './resident-facts.util';
import { renderStoredCode, renderStoredHistory } from './stored-code.util';

@Injectable()
export class CodeService {
  constructor(
    private readonly codes: CodeRepository,
    private readonly residents: ResidentRepository,
    private readonly declarations: DeclarationRepository,
    private readonly facts: FactsRepository,
    private readonly rules: RulesService,
    private readonly signer: CodeSignerService,
    private readonly clock: Clock,
    private readonly overrides: StaffOverrideRepository,
    private readonly views: CodeViewCache,
    private readonly identities: IdentityEventRepository,
    private readonly writer: CodeWriter,
  ) {}

  /** Evaluates one resident from scratch, without writing anything. */
  async evaluate(
    residentId: string,
    now = this.clock.now(),
  ): Promise<{ evaluation: ScoredEvaluation; ruleSetVersion: number; region: string } | null> {
    const resident = await this.residents.findActive(residentId);
    if (!resident?.consentVersion) return null;
    // A colour is built only from facts about a verified person: no proven ID number, no code.
    const proven = await this.identities.provenIdHmacs(residentId);
    if (proven.length === 0) return null;
    // The rule set says how far back check-ins can matter (its longest required run).
    const effective = await this.rules.effective();
    const [declarations, checkIns, authority, overrides] = await Promise.all([
      this.declarations.declarationsOf(residentId),
      this.declarations.checkInsSince(residentId, addDays(cstDate(now), -checkInWindowDays(effective.ruleSet))),
      this.facts.forResident(residentId, proven),
      this.overrides.activeFacts(residentId, cstDate(now)),
    ]);
    const facts = buildEvaluationFacts({
      resident,
      declarations,
      checkIns,
      authority,
      overrides,
      riskLevels: effective.riskLevels,
    });
    const evaluation = evaluate(effective.ruleSet, facts, now) as unknown as ScoredEvaluation;
    const region = codeRegionOf(resident, declarations);
    return { evaluation, ruleSetVersion: effective.version, region };
  }

  /**
   * Re-evaluates one resident and stores the result through the one code writer (a diff of one); a history row
   * only when the colour, reasons or greenAt changed. `causeRef` makes the history row idempotent: a retried call
   * records nothing twice.
   */
  async rescoreOne(
    residentId: string,
    cause: HistoryCause,
    causeRef: string,
    actorResidentId: string | null = null,
  ): Promise<ResidentCodeEntity | null> {
    const now = this.clock.now();
    const evaluated = await this.evaluate(residentId, now);
    if (!evaluated) return null;
    return this.writer.writeOne(residentId, evaluated, { now, cause, causeRef, actorResidentId });
  }

  /**
   * The resident's code, re-evaluated first if time alone may have changed it, with a (cached) signed token.
   * The hot path is one narrow primary-key read (revision, token fields, stale_at); the rendered reasons and
   * steps come from this process's cache while the revision matches, and from the full row otherwise.
   */
  async currentCode(residentId: string): Promise<CodeResponse> {
    const now = this.clock.now();
    const fresh = (c: { staleAt: Date | null }) => !c.staleAt || c.staleAt.getTime() > now.getTime();
    const head = await this.codes.findHead(residentId);
    let state: CodeHead | null = head;
    let view = head && fresh(head) ? this.views.get(residentId, head.revision) : undefined;
    if (!view && head && fresh(head)) {
      const row = await this.codes.find(residentId);
      state = row;
      if (row && fresh(row)) view = this.render(row);
    }
    if (!view) {
      const row = await this.rescoreOne(
        residentId,
        state ? 'expiry' : 'sign-up',
        state ? `expiry:${cstDate(now)}` : 'sign-up',
      );
      state = row;
      if (row) view = this.render(row);
    }
    if (!view || !state) return this.refuseWithoutCode(residentId);
    const signed = await this.signer.sign(state, now);
    return { ...view, token: signed.token, tokenExpiresAt: signed.expiresAt.toISOString() };
  }

  /** Renders a stored row for residents (region names in words) and keeps the result for its revision. */
  private render(row: ResidentCodeEntity): CodeView {
    const rendered = renderStoredCode(row);
    const view: CodeView = {
      color: row.color,
      reasons: rendered.reasons,
      greenAt: row.greenAt,
      greenWhen: rendered.greenWhen,
      steps: rendered.steps,
      ruleSetVersion: row.ruleSetVersion,
      evaluatedAt: row.evaluatedAt.toISOString(),
    };
    this.views.set(row.residentId, row.revision, view);
    return view;
  }

  /** Why there is no code: not signed up, or no proven ID number yet (and how to finish). */
  private async refuseWithoutCode(residentId: string): Promise<never> {
    const resident = await this.residents.findActive(residentId);
    if (!resident?.consentVersion)
      throw new DomainException(ApiErrorCode.NotRegistered, 'Sign up first (PUT /api/v1/me/profile) to get a code');
    throw new DomainException(
      ApiErrorCode.VerificationRequired,
      verificationRequiredMessage(resident.verificationState, resident.verificationRejectedReason),
    );
  }

  async history(residentId: string): Promise<{ items: CodeHistoryEntry[] }> {
    const rows = await this.codes.listHistory(residentId);
    const changes = await this.factChanges(residentId, rows);
    const actors = rows.flatMap((h) => (h.actorResidentId ? [h.actorResidentId] : []));
    const names = await this.codes.maskedNames([...new Set([...actors, ...(actors.length ? [residentId] : [])])]);
    const withdrawals = await this.facts.withdrawalReasons(
      rows
        .filter((h) => h.cause === 'authority-withdrawal' && /^withdrawal:\d{1,9}$/.test(h.causeRef))
        .map((h) => Number(h.causeRef.slice('withdrawal:'.length))),
    );
    return {
      items: rows.map((h) => {
        const reasons = renderStoredHistory(h);
        return {
          id: h.id,
          at: h.at.toISOString(),
          cause: h.cause,
          causeText: historyCauseText(
            h.cause,
            h.causeRef,
            changes.get(h.causeRef) ?? [],
            withdrawals.get(Number(h.causeRef.split(':')[1])),
          ),
          colorBefore: h.colorBefore,
          colorAfter: h.colorAfter,
          reasonsBefore: reasons.reasonsBefore,
          reasonsAfter: reasons.reasonsAfter,
          greenAtAfter: h.greenAtAfter,
          ...(h.actorResidentId
            ? { actedFor: { carer: names.get(h.actorResidentId) ?? null, dependant: names.get(residentId) ?? null } }
            : {}),
        };
      }),
    };
  }

  /** What each import in the history corrected in this resident's facts, by cause ref ('import:12'). */
  private async factChanges(residentId: string, rows: { cause: string; causeRef: string }[]) {
    // Only 'import:<n>' refs name an import; other writers of the cause use their own refs.
    const seqs = rows
      .filter((h) => h.cause === 'authority-import' && /^import:\d{1,9}$/.test(h.causeRef))
      .map((h) => Number(h.causeRef.slice('import:'.length)));
    const out = new Map<string, FactChangeNote[]>();
    if (seqs.length === 0) return out;
    const proven = await this.identities.provenIdHmacs(residentId);
    if (proven.length === 0) return out;
    for (const c of await this.facts.changesFor(proven, seqs))
      out.set(`import:${c.importSeq}`, [...(out.get(`import:${c.importSeq}`) ?? []), c]);
    return out;
  }
}
