import type { Color, LocalizedText } from '@healthcode/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Clock } from '../clock/clock';
import { colorDedupeKey, colorNotBefore, colorWindow } from './color-notice-window.util';
import type { NotificationChannel } from './notification-outbox.entity';
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
 * Writes colour-change messages into the outbox, inside the caller's transaction. Database only (no queue), so
 * both write paths of a colour use it: the bulk re-score range (which enqueues after commit) and the
 * single-resident re-score in CodeService (whose rows the worker's outbox sweep sends once they are due).
 */
@Injectable()
export class ColorNoticeStager {
  constructor(
    private readonly repo: NotificationRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Inside the transaction that writes the new colours (the re-score range): one outbox row per resident and
   * window, carrying the latest colour, its first reason and the green-by date. Several changes within the window
   * fold into that row while it waits (at most one message per window); a change after the window's message went
   * out waits for the next window. Returns what to enqueue after commit; a lost enqueue is sent by the sweep.
   */
  async stage(manager: EntityManager, changes: readonly ColorChange[]): Promise<StagedNotice[]> {
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
}
