import { cstDate, type HistoryCause } from '@healthcode/contracts';
import { generateCodeId } from '@healthcode/qr-token';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { isDuplicateKeyError, withDeadlockRetry } from '../../database/deadlock-retry.util';
import { ColorCountsRepository } from '../color-counts/color-counts.repository';
import { ColorNoticeStager, type StagedNotice } from '../notification/color-notice-stager.service';
import { type CodeDiff, diffCodes, type ScoredEvaluation } from './code-diff.util';
import { CodeRowsRepository } from './code-rows.repository';
import { colorChangesOf } from './color-changes.util';
import type { ResidentCodeEntity } from './resident-code.entity';

/** Why a code was written: the history row's cause and (idempotent) cause ref, and the carer who acted, if any. */
export interface WriteCause {
  now: Date;
  cause: HistoryCause;
  causeRef: string;
  actorResidentId?: string | null;
}

/** One resident's fresh evaluation, as `CodeService.evaluate` returns it. */
export interface OneEvaluation {
  evaluation: ScoredEvaluation;
  ruleSetVersion: number;
  region: string;
}

/**
 * The one write path of residents' codes (issue #16): a single resident (sign-up, verification, declaration,
 * check-in, appeal, expiry) is "evaluate → diff of one → write", a re-score range is "score → diff of the range →
 * write", with the same diff (`diffCodes`) and the same statements (`CodeRowsRepository`). Every write moves, in the
 * caller's transaction: the code rows (revision bumped, codeVersion bumped on a colour change), the history rows
 * (idempotent per cause ref, with the acting carer), the colour-count deltas (`color-counts` outbox) and the
 * colour-change notices. Erasure removes a code through here too, so its counters move the same way.
 */
@Injectable()
export class CodeWriter {
  constructor(
    private readonly rows: CodeRowsRepository,
    private readonly counts: ColorCountsRepository,
    private readonly notices: ColorNoticeStager,
  ) {}

  /** Writes `diff` inside the caller's transaction; returns the staged colour notices (to enqueue after commit). */
  async write(m: EntityManager, diff: CodeDiff, why: WriteCause): Promise<StagedNotice[]> {
    await this.rows.upsertCodes(m, diff.codes);
    await this.rows.insertHistory(m, diff.history, why.now, why.cause, why.causeRef, why.actorResidentId ?? null);
    // Public statistics move in the same transaction as the codes themselves.
    await this.counts.apply(m, diff.deltas.entries(), cstDate(why.now));
    // Colour-change event point (issue #17): the residents' messages are staged in this same transaction (a first
    // code is not a change); what is not enqueued after commit, the worker's outbox sweep sends once due.
    return this.notices.stage(m, colorChangesOf(diff.history));
  }

  /**
   * Stores one resident's evaluation in its own transaction. READ COMMITTED: a locking read of a missing row takes
   * no gap lock, so first writes for different residents (UUIDv7 ids all land at the end of the index) do not
   * deadlock. A missing row is created with a plain INSERT; if a concurrent first write for the same resident won,
   * the duplicate key retries the whole transaction, which then finds and locks that row, so counters and history
   * move exactly once. The row is always written (evaluatedAt, revision), history only when the code changed.
   */
  writeOne(residentId: string, fresh: OneEvaluation, why: WriteCause): Promise<ResidentCodeEntity> {
    const { evaluation, ruleSetVersion, region } = fresh;
    const work = () =>
      this.rows.transaction(async (m) => {
        const prev = await this.rows.lockStored(m, residentId);
        const diff = diffCodes(new Map(prev ? [[residentId, prev]] : []), [{ residentId, region, evaluation }], {
          now: why.now,
          ruleSetVersion,
          newCodeId: generateCodeId,
          touch: true,
        });
        await this.write(m, diff, why);
        const row = diff.codes[0];
        return {
          residentId,
          color: row.color,
          reasons: evaluation.reasons,
          greenAt: row.greenAt,
          greenWhen: evaluation.greenWhen,
          steps: evaluation.steps,
          ruleSetVersion: row.ruleSetVersion,
          codeId: row.codeId,
          codeVersion: row.codeVersion,
          colorChangedAt: row.colorChangedAt,
          region: row.region,
          evaluatedAt: row.evaluatedAt,
          staleAt: row.staleAt,
          revision: row.revision,
        };
      }, 'READ COMMITTED');
    return withDeadlockRetry(work, { alsoRetry: isDuplicateKeyError });
  }

  /** Erasure (inside the registry's transaction): the code and its history go, today's counts drop the resident. */
  async remove(m: EntityManager, residentId: string, now: Date): Promise<{ codes: number; history: number }> {
    const prev = await this.rows.lockStored(m, residentId);
    const deleted = await this.rows.deleteForResident(m, residentId);
    if (prev) await this.counts.move(m, { region: prev.region, color: prev.color }, null, cstDate(now));
    return deleted;
  }
}
