import { generateCodeId } from '@healthcode/qr-token';
import { compileRuleSet, type CompiledRuleSet, RulesException } from '@healthcode/rules';
import { Injectable } from '@nestjs/common';

import { Clock } from '../clock/clock';
import { RulesService } from '../rules/rules.service';
import { CodeWriter } from '../code/code-writer.service';
import { diffCodes } from '../code/code-diff.util';
import { NotificationService, type StagedNotice } from '../notification/notification.service';
import { PreviewTally } from './preview-tally.util';
import { RangeScorer } from './range-scorer.service';
import { RescoreDiscardException, RescoreFailureCode } from './rescore.exception';
import type { RescoreRunEntity } from './rescore-run.entity';
import { RescoreRunRepository } from './rescore-run.repository';
import type { PreviewPayload } from './preview-payload.util';

export interface RangeJobData {
  runId: string;
  rangeStart: string;
  rangeEnd: string;
}

export interface RangeOutcome {
  applied: boolean;
  residents: number;
  changed: number;
}

/**
 * Applies one range of a run, exactly once: the range row is locked and checked first, and marked done in the
 * same transaction that writes the codes, the history and the colour counters with set-based statements.
 */
@Injectable()
export class RescoreRangeService {
  constructor(
    private readonly runs: RescoreRunRepository,
    private readonly scorer: RangeScorer,
    private readonly writer: CodeWriter,
    private readonly rules: RulesService,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {}

  async process(job: RangeJobData): Promise<RangeOutcome> {
    const run = await this.runs.find(job.runId);
    if (!run) throw new RescoreDiscardException(RescoreFailureCode.RunNotFound, 'The run no longer exists');
    return run.kind === 'preview' ? this.preview(run, job) : this.apply(run, job);
  }

  private async apply(run: RescoreRunEntity, job: RangeJobData): Promise<RangeOutcome> {
    const now = this.clock.now();
    // Fresh, not the 2 s cache: a job right after a publish must see the new version.
    this.rules.invalidate();
    const effective = await this.rules.effective();
    const compiled = this.compile(() => compileRuleSet(effective.ruleSet, effective.riskLevels));
    let notices: StagedNotice[] = [];
    const outcome = await this.runs.transaction(async (m) => {
      if (!(await this.runs.claimRange(m, run.id, job.rangeStart))) return { applied: false, residents: 0, changed: 0 };
      const range = { rangeStart: job.rangeStart, rangeEnd: job.rangeEnd, importId: run.importId };
      const { scored, prev } = await this.scorer.score(m, range, compiled, effective.riskLevels, now);
      const diff = diffCodes(prev, scored, { now, ruleSetVersion: effective.version, newCodeId: generateCodeId });
      // The one code writer (codes, history, colour-count deltas, colour notices), as for a single resident.
      notices = await this.writer.write(m, diff, {
        now,
        cause: run.cause ?? 'rules-published',
        causeRef: run.causeRef ?? `run:${run.id}`,
      });
      const colorChanged = diff.codes.filter((c) => {
        const before = prev.get(c.residentId);
        return before !== undefined && before.color !== c.color;
      }).length;
      await this.runs.completeRange(m, run.id, job.rangeStart, diff.codes.length, now, { colorChanged });
      return { applied: true, residents: scored.length, changed: diff.codes.length };
    }, 'READ COMMITTED');
    await this.notifications.dispatchDelayed(notices);
    return outcome;
  }

  /** What-if: the same scoring against the candidate rules, compared with the stored codes; writes only tallies. */
  private async preview(run: RescoreRunEntity, job: RangeJobData): Promise<RangeOutcome> {
    // Every range at the instant the preview was asked for: one "today" for the whole run, whenever a range runs.
    const now = run.createdAt;
    const payload = run.payload as PreviewPayload;
    const compiled = this.compile(() => compileRuleSet(payload.ruleSet, payload.riskLevels));
    // REPEATABLE READ: the preview's reads (who has facts of their own, everyone else counted) see one snapshot.
    return this.runs.transaction(async (m) => {
      if (!(await this.runs.claimRange(m, run.id, job.rangeStart))) return { applied: false, residents: 0, changed: 0 };
      const range = { rangeStart: job.rangeStart, rangeEnd: job.rangeEnd };
      const entries = await this.scorer.preview(m, { id: run.id, range }, compiled, payload.riskLevels, now);
      const tally = new PreviewTally(run.id);
      let residents = 0;
      for (const e of entries) {
        tally.add(e.scored, e.stored, e.count);
        residents += e.count;
      }
      await this.runs.completeRange(m, run.id, job.rangeStart, tally.changed, this.clock.now(), tally.toJSON());
      return { applied: true, residents, changed: tally.changed };
    }, 'REPEATABLE READ');
  }

  private compile(fn: () => CompiledRuleSet): CompiledRuleSet {
    try {
      return fn();
    } catch (error) {
      if (error instanceof RulesException)
        throw new RescoreDiscardException(RescoreFailureCode.InvalidRules, error.message);
      throw error;
    }
  }
}
