import type { NotificationTemplatesResponse, ResidentNotification } from '@healthcode/contracts';
import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import type { EntityManager } from 'typeorm';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Clock } from '../clock/clock';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { NOTIFICATIONS_QUEUE, SEND_NOTIFICATION_JOB } from '../queue/queue-names.constant';
import type { Color, LocalizedText } from '@healthcode/contracts';

import { colorDedupeKey, colorNotBefore, colorWindow } from './color-notice-window.util';
import type { NotificationChannel, NotificationPayload } from './notification-outbox.entity';
import { NotificationRepository } from './notification.repository';

/** A re-score moved a resident from one colour to another. */
export interface ColorChange {
  residentId: string;
  fromColor: Color;
  color: Color;
  reason: LocalizedText | null;
  greenBy: string | null;
}

export interface StagedNotice {
  id: string;
  notBefore: Date | null;
}

export function channelFor(hostProvider: string): NotificationChannel {
  return hostProvider === 'wechat' || hostProvider === 'alipay' ? hostProvider : 'dev';
}

/**
 * The producer side of resident notifications: `stage` writes an outbox row inside the transaction of the
 * step it announces; `dispatch` enqueues it after commit. If Redis is down the row stays pending and the
 * worker's sweep sends it later: a notification never blocks or undoes the step.
 */
@Injectable()
export class NotificationService {
  private readonly logger = new Logger(NotificationService.name);

  constructor(
    private readonly repo: NotificationRepository,
    private readonly crypto: PiiCryptoService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue,
  ) {}

  async stage(
    manager: EntityManager,
    input: { residentId: string; channel: NotificationChannel; payload: NotificationPayload; dedupeKey: string },
  ): Promise<string> {
    return this.repo.insertOutbox(manager, {
      residentId: input.residentId,
      channel: input.channel,
      payload: input.payload,
      dedupeKey: input.dedupeKey,
      status: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: this.clock.now(),
      sentAt: null,
      notBefore: null,
      version: 0,
      claimedAt: null,
    });
  }

  /**
   * Inside the transaction that writes the new colours (the re-score range): one outbox row per resident and
   * window, carrying the latest colour, its first reason and the green-by date. Several changes within the window
   * fold into that row while it waits (at most one message per window); a change after the window's message went
   * out waits for the next window. Returns what to enqueue after commit; a lost enqueue is sent by the sweep.
   */
  async stageColorChanges(manager: EntityManager, changes: readonly ColorChange[]): Promise<StagedNotice[]> {
    if (changes.length === 0) return [];
    const now = this.clock.now();
    const { colorWindowMinutes: minutes, colorDebounceSeconds: debounce } = this.config.notifications;
    const current = colorWindow(now, minutes);
    const providers = await this.repo.hostProviders(
      manager,
      changes.map((c) => c.residentId),
    );
    const status = await this.repo.statusByDedupeKey(
      manager,
      changes.map((c) => colorDedupeKey(c.residentId, current)),
    );
    const rows = changes
      .filter((c) => providers.has(c.residentId))
      .map((c) => {
        const taken = status.get(colorDedupeKey(c.residentId, current));
        const window = taken && taken !== 'pending' ? current + 1 : current;
        return {
          residentId: c.residentId,
          channel: channelFor(providers.get(c.residentId) ?? 'dev'),
          payload: {
            kind: 'color' as const,
            fromColor: c.fromColor,
            color: c.color,
            reason: c.reason,
            greenBy: c.greenBy,
            at: now.toISOString(),
          },
          dedupeKey: colorDedupeKey(c.residentId, window),
          createdAt: now,
          notBefore: colorNotBefore(now, window, minutes, debounce),
        };
      });
    await this.repo.upsertColorOutbox(manager, rows);
    return this.repo.pendingByDedupeKey(
      manager,
      rows.map((r) => r.dedupeKey),
    );
  }

  /** Enqueues staged colour notices as delayed jobs (the row id is the job id: a repeat is a no-op). */
  async dispatchDelayed(staged: readonly StagedNotice[]): Promise<void> {
    if (staged.length === 0) return;
    const now = this.clock.now().getTime();
    try {
      await this.queue.addBulk(
        staged.map((s) => ({
          name: SEND_NOTIFICATION_JOB,
          data: { outboxId: s.id },
          opts: {
            jobId: s.id,
            delay: Math.max(0, (s.notBefore?.getTime() ?? now) - now),
            attempts: this.config.notifications.attempts,
            backoff: { type: 'exponential', delay: this.config.notifications.backoffMs },
          },
        })),
      );
    } catch (error) {
      this.logger.warn(
        { err: (error as Error).message, count: staged.length },
        'notification enqueue failed; the outbox sweep will send them',
      );
    }
  }

  /** Enqueues one job per outbox row (the row id is the job id, so a repeat is a no-op). Never throws. */
  async dispatch(outboxIds: string[]): Promise<void> {
    const ids = outboxIds.filter(Boolean);
    if (ids.length === 0) return;
    try {
      await this.queue.addBulk(
        ids.map((outboxId) => ({
          name: SEND_NOTIFICATION_JOB,
          data: { outboxId },
          opts: {
            jobId: outboxId,
            attempts: this.config.notifications.attempts,
            backoff: { type: 'exponential', delay: this.config.notifications.backoffMs },
          },
        })),
      );
    } catch (error) {
      this.logger.warn(
        { err: (error as Error).message, count: ids.length },
        'notification enqueue failed; the outbox sweep will send them',
      );
    }
  }

  /** Remembers where a host-app resident's messages go (the openid), encrypted like personal data. */
  async rememberRecipient(residentId: string, channel: NotificationChannel, hostUserId: string): Promise<void> {
    if (channel === 'dev') return;
    await this.repo.upsertRecipient({
      residentId,
      channel,
      recipientEnc: this.crypto.encrypt(hostUserId),
      updatedAt: this.clock.now(),
    });
  }

  /** Template ids per host, from config: the mini-program subscribes to exactly the ids the server sends with. */
  templates(): NotificationTemplatesResponse {
    const { wechat, alipay } = this.config.notifications.templates;
    return { wechat, alipay };
  }

  /** What the dev channel delivered, newest first (the H5 app's message list). */
  async listForResident(residentId: string): Promise<{ items: ResidentNotification[] }> {
    const rows = await this.repo.listDevMessages(residentId);
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        title: r.title,
        body: r.body,
        appealNumber: r.appealNumber,
      })),
    };
  }
}
