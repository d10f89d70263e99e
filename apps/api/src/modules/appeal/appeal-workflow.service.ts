import { ApiErrorCode } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { DomainException } from '../../common/domain.exception';
import { Clock } from '../clock/clock';
import { channelFor, NotificationService } from '../notification/notification.service';
import { ResidentRepository } from '../resident/resident.repository';
import type { AppealActor } from './appeal-actor.util';
import type { AppealEventType } from './appeal-event.entity';
import { type AppealEvent, IllegalAppealTransition, nextAppealStatus } from './appeal-state-machine';
import type { AppealEntity } from './appeal.entity';
import { AppealRepository } from './appeal.repository';
import type { StoredEvidence } from './evidence-store.service';

export interface StepInput {
  /** The state-machine event; null for a step that records without moving (an escalation). */
  event: AppealEvent | null;
  type: AppealEventType;
  actor: AppealActor;
  /** Checks who may act, on the locked row (throws 404/403). */
  authorize: (appeal: AppealEntity) => void;
  message?: string | null;
  data?: Record<string, unknown> | null;
  evidence?: StoredEvidence[];
  /** Extra columns to write with the new status. */
  patch?: (appeal: AppealEntity, now: Date) => QueryDeepPartialEntity<AppealEntity>;
  /** Other writes that must commit with the step (override rows, corrections). */
  effect?: (manager: EntityManager, appeal: AppealEntity, now: Date) => Promise<void>;
  /** The notification event sent to the resident, if any. */
  notify?: string;
}

/**
 * Applies one step of an appeal in one transaction: lock the row, check the actor and the transition,
 * write the new state, the timeline entry, evidence rows, side effects and the outbox message; after the
 * commit, hand the message to the queue. An illegal step is a 409 naming the current state.
 */
@Injectable()
export class AppealWorkflow {
  constructor(
    private readonly repo: AppealRepository,
    private readonly residents: ResidentRepository,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
  ) {}

  async step(number: number, input: StepInput): Promise<AppealEntity> {
    const now = this.clock.now();
    const { appeal, outboxId } = await this.repo.transaction(async (manager) => {
      const locked = await this.repo.lockByNumber(manager, number);
      if (!locked) throw new DomainException(ApiErrorCode.NotFound, `There is no appeal #${number}`);
      input.authorize(locked);
      const status = input.event ? this.next(locked, input.event) : locked.status;
      const fields = { ...(input.patch?.(locked, now) ?? {}), status, updatedAt: now };
      await this.repo.update(manager, locked.id, fields);
      const updated = { ...locked, ...fields } as AppealEntity;
      const eventId = await this.repo.insertEvent(manager, {
        appealId: locked.id,
        at: now,
        type: input.type,
        actorKind: input.actor.kind,
        actorStaffId: input.actor.kind === 'staff' ? input.actor.staffId : null,
        statusAfter: status,
        message: input.message ?? null,
        data: input.data ?? null,
      });
      await this.repo.insertEvidence(
        manager,
        (input.evidence ?? []).map((e) => ({
          appealId: locked.id,
          eventId,
          sha256: e.sha256,
          mediaType: e.mediaType,
          size: e.size,
          createdAt: now,
        })),
      );
      await input.effect?.(manager, updated, now);
      const outboxId = input.notify ? await this.stageNotification(manager, updated, input.notify, eventId, now) : '';
      return { appeal: updated, outboxId };
    });
    await this.notifications.dispatch([outboxId]);
    return appeal;
  }

  /** Stages the resident's message for a step; the caller dispatches the returned outbox id after commit. */
  async stageNotification(
    manager: EntityManager,
    appeal: AppealEntity,
    event: string,
    eventId: string,
    now: Date,
  ): Promise<string> {
    const resident = await this.residents.findActive(appeal.residentId);
    if (!resident) return '';
    return this.notifications.stage(manager, {
      residentId: appeal.residentId,
      channel: channelFor(resident.hostProvider),
      payload: { appealNumber: appeal.number, event, status: appeal.status, at: now.toISOString() },
      dedupeKey: `appeal-event:${eventId}`,
    });
  }

  private next(appeal: AppealEntity, event: AppealEvent) {
    try {
      return nextAppealStatus(appeal.status, event);
    } catch (error) {
      if (error instanceof IllegalAppealTransition)
        throw new DomainException(ApiErrorCode.IllegalTransition, `Appeal #${appeal.number}: ${error.message}`, [
          { path: 'status', message: appeal.status },
        ]);
      throw error;
    }
  }
}
