import { Readable } from 'node:stream';

import {
  type AppealAnswerRequest,
  type AppealCategoriesResponse,
  AppealAnswerRequestSchema,
  type AppealCreateRequest,
  AppealCreateRequestSchema,
  appealReasonKey,
  type AppealView,
  ApiErrorCode,
  type CodeReason,
} from '@healthcode/contracts';
import { Injectable, Logger } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { newId } from '../../database/uuid-binary.transformer';
import { Clock } from '../clock/clock';
import { CodeRepository } from '../code/code.repository';
import { CodeService } from '../code/code.service';
import { NotificationService } from '../notification/notification.service';
import { ResidentRepository } from '../resident/resident.repository';
import { assertResidentOwns } from './appeal-actor.util';
import { AppealAssignmentService } from './appeal-assignment.service';
import { AppealDeadlineService } from './appeal-deadline.service';
import { AppealPolicyService } from './appeal-policy.service';
import { toAppealView } from './appeal-view.util';
import { AppealWorkflow } from './appeal-workflow.service';
import type { AppealEntity } from './appeal.entity';
import { AppealRepository } from './appeal.repository';
import { EvidenceStore } from './evidence-store.service';
import type { AppealUpload } from './evidence-upload.util';

const isDuplicate = (error: unknown) =>
  (error as { code?: string; driverError?: { code?: string } }).driverError?.code === 'ER_DUP_ENTRY' ||
  (error as { code?: string }).code === 'ER_DUP_ENTRY';

function factDateOf(reason: CodeReason): string | undefined {
  return appealReasonKey(reason).split('|')[3] || undefined;
}

/** The resident's side: file an appeal on one reason, read it, answer a request for information, withdraw. */
@Injectable()
export class AppealFilingService {
  private readonly logger = new Logger(AppealFilingService.name);

  constructor(
    private readonly repo: AppealRepository,
    private readonly workflow: AppealWorkflow,
    private readonly assignment: AppealAssignmentService,
    private readonly deadlines: AppealDeadlineService,
    private readonly policies: AppealPolicyService,
    private readonly evidence: EvidenceStore,
    private readonly codes: CodeService,
    private readonly codeRows: CodeRepository,
    private readonly residents: ResidentRepository,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
  ) {}

  /** The region responsible for the resident's appeals: their code's, else where they are, else home. */
  private async responsibleRegion(residentId: string): Promise<string> {
    const resident = await this.residents.findActive(residentId);
    return (await this.codeRows.find(residentId))?.region || resident?.currentRegion || resident?.homeRegion || '';
  }

  /** What the resident can choose as the category of an appeal: the list of the region responsible. */
  async categories(residentId: string): Promise<AppealCategoriesResponse> {
    const region = await this.responsibleRegion(residentId);
    return { region, categories: await this.policies.categoriesFor(region) };
  }

  async submit(residentId: string, upload: AppealUpload): Promise<AppealView> {
    const input: AppealCreateRequest = new ZodValidationPipe(AppealCreateRequestSchema).transform(upload.fields);
    const code = await this.codes.currentCode(residentId);
    const reason = code.reasons.find(
      (r) =>
        r.ruleId === input.ruleId &&
        r.fact.kind === input.factKind &&
        (input.factRef === undefined || r.fact.ref === input.factRef) &&
        (input.factDate === undefined || factDateOf(r) === input.factDate),
    );
    if (!reason)
      throw new DomainException(
        ApiErrorCode.NotFound,
        'Your code has no such reason: appeal one of the reasons it shows now',
      );
    const reasonKey = appealReasonKey(reason);
    const open = (await this.repo.listForResident(residentId)).find((a) => a.openReasonKey === reasonKey);
    if (open) throw new DomainException(ApiErrorCode.Conflict, `Appeal #${open.number} on this reason is still open`);

    const region = await this.responsibleRegion(residentId);
    const category = (await this.policies.categoriesFor(region)).find((c) => c.key === input.category);
    if (!category)
      throw new DomainException(
        ApiErrorCode.ValidationFailed,
        `The category ${input.category} is not offered in your region: choose one of GET /api/v1/me/appeal-categories`,
        [{ path: 'category', message: 'Not offered in your region: choose one of the listed categories' }],
      );

    // Everything is checked: only now do the files reach the disk.
    const stored = await Promise.all(upload.files.map((f) => this.evidence.put(f.bytes, f.mediaType)));
    const now = this.clock.now();
    const policy = await this.deadlines.policyFor(region);
    let appeal: AppealEntity;
    let outboxId = '';
    try {
      appeal = await this.repo.transaction(async (manager) => {
        const row: AppealEntity = {
          id: newId(),
          number: await this.repo.nextNumber(manager),
          residentId,
          ruleId: reason.ruleId,
          reasonKey,
          openReasonKey: reasonKey,
          reasonSnapshot: reason,
          category: category.key,
          categoryLabel: category.label,
          statement: input.statement,
          region,
          status: 'submitted',
          assignedTo: null,
          escalatedTo: null,
          decision: null,
          submittedAt: now,
          firstResponseDueAt: new Date(now.getTime() + policy.firstResponseSeconds * 1000),
          decisionDueAt: new Date(now.getTime() + policy.decisionSeconds * 1000),
          firstRespondedAt: null,
          decidedAt: null,
          closedAt: null,
          updatedAt: now,
        };
        await this.repo.insert(manager, row);
        const eventId = await this.repo.insertEvent(manager, {
          appealId: row.id,
          at: now,
          type: 'submitted',
          actorKind: 'resident',
          actorStaffId: null,
          statusAfter: 'submitted',
          message: input.statement,
          data: { category: input.category },
        });
        await this.repo.insertEvidence(
          manager,
          stored.map((e) => ({
            appealId: row.id,
            eventId,
            sha256: e.sha256,
            mediaType: e.mediaType,
            size: e.size,
            createdAt: now,
          })),
        );
        outboxId = await this.workflow.stageNotification(manager, row, 'appeal.submitted', eventId, now);
        return row;
      });
    } catch (error) {
      if (isDuplicate(error))
        throw new DomainException(ApiErrorCode.Conflict, 'An appeal on this reason is already open');
      throw error;
    }
    await this.notifications.dispatch([outboxId]);
    await this.deadlines.schedule(appeal);
    // The appeal is filed whatever happens next: a failed assignment is retried when the first deadline fires.
    await this.assignment
      .assign(appeal.number)
      .catch((error: Error) => this.logger.warn({ appeal: appeal.number, err: error.message }, 'assignment failed'));
    return this.view(residentId, appeal.number);
  }

  async list(residentId: string): Promise<{ items: AppealView[] }> {
    const rows = await this.repo.listForResident(residentId);
    return { items: await Promise.all(rows.map((a) => this.viewOf(a))) };
  }

  async view(residentId: string, number: number): Promise<AppealView> {
    const appeal = await this.repo.findByNumber(number);
    assertResidentOwns(appeal, residentId, number);
    return this.viewOf(appeal);
  }

  async answer(residentId: string, number: number, upload: AppealUpload): Promise<AppealView> {
    const input: AppealAnswerRequest = new ZodValidationPipe(AppealAnswerRequestSchema).transform(upload.fields);
    const existing = await this.repo.findByNumber(number);
    assertResidentOwns(existing, residentId, number);
    if (existing.status !== 'needs-info') {
      throw new DomainException(
        ApiErrorCode.IllegalTransition,
        `Appeal #${number}: This appeal is ${existing.status}: it cannot provide info now`,
        [{ path: 'status', message: existing.status }],
      );
    }
    const stored = await Promise.all(upload.files.map((f) => this.evidence.put(f.bytes, f.mediaType)));
    await this.workflow.step(number, {
      event: 'provide-info',
      type: 'info-provided',
      actor: { kind: 'resident', residentId },
      authorize: (a) => assertResidentOwns(a, residentId, number),
      message: input.message,
      evidence: stored,
      notify: 'appeal.info-provided',
    });
    return this.view(residentId, number);
  }

  async withdraw(residentId: string, number: number): Promise<AppealView> {
    await this.workflow.step(number, {
      event: 'withdraw',
      type: 'withdrawn',
      actor: { kind: 'resident', residentId },
      authorize: (a) => assertResidentOwns(a, residentId, number),
      patch: (_a, now) => ({ openReasonKey: null, closedAt: now }),
      notify: 'appeal.closed',
    });
    return this.view(residentId, number);
  }

  /** A resident acknowledges a decision in force and closes the appeal. */
  async close(residentId: string, number: number): Promise<AppealView> {
    await this.workflow.step(number, {
      event: 'close',
      type: 'closed',
      actor: { kind: 'resident', residentId },
      authorize: (a) => {
        assertResidentOwns(a, residentId, number);
        if (a.decision?.approval === 'pending')
          throw new DomainException(
            ApiErrorCode.IllegalTransition,
            `Appeal #${number}: its decision still awaits approval`,
            [{ path: 'status', message: a.status }],
          );
      },
      patch: (_a, now) => ({ openReasonKey: null, closedAt: now }),
      notify: 'appeal.closed',
    });
    return this.view(residentId, number);
  }

  async evidenceOf(residentId: string, number: number, sha256: string) {
    const appeal = await this.repo.findByNumber(number);
    assertResidentOwns(appeal, residentId, number);
    return this.evidenceFile(appeal, sha256);
  }

  /** One evidence file of an appeal, by its sha256 (only files attached to this appeal). */
  async evidenceFile(appeal: AppealEntity, sha256: string) {
    const file = (await this.repo.listEvidence(appeal.id)).find((f) => f.sha256.toString('hex') === sha256);
    const bytes = file ? await this.evidence.read(sha256) : null;
    if (!file || !bytes) throw new DomainException(ApiErrorCode.NotFound, 'No such evidence file on this appeal');
    return { stream: Readable.from([bytes]), mediaType: file.mediaType, size: bytes.length };
  }

  async viewOf(appeal: AppealEntity): Promise<AppealView> {
    const [events, evidence] = await Promise.all([this.repo.listEvents(appeal.id), this.repo.listEvidence(appeal.id)]);
    return toAppealView(appeal, events, evidence);
  }
}
