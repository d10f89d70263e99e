import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Clock } from '../clock/clock';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { WechatAccessTokenService } from '../host-token/wechat-access-token.service';
import { isColorPayload, type NotificationOutboxEntity } from './notification-outbox.entity';
import { NotificationRepository } from './notification.repository';
import { AlipayNotificationProvider } from './providers/alipay-notification.provider';
import { DevNotificationProvider } from './providers/dev-notification.provider';
import { type NotificationProvider, PermanentSendFailure } from './providers/notification-provider.interface';
import { WechatNotificationProvider } from './providers/wechat-notification.provider';

/** A claim older than this belongs to a worker that died mid-send: the row may be claimed (and sent) again. */
export const STALE_CLAIM_MS = 10 * 60_000;
const MAX_CLAIM_READS = 5;

function claimable(row: NotificationOutboxEntity, now: Date): boolean {
  if (row.status === 'pending' || row.status === 'failed') return true;
  return row.status === 'sending' && !!row.claimedAt && row.claimedAt.getTime() <= now.getTime() - STALE_CLAIM_MS;
}

export type DeliveryResult = 'sent' | 'skipped' | 'undeliverable' | 'collapsed';

/** The worker side: sends one outbox row through its channel and records the outcome on the row. */
@Injectable()
export class NotificationSender {
  private readonly providers = new Map<string, NotificationProvider>();

  constructor(
    private readonly repo: NotificationRepository,
    private readonly crypto: PiiCryptoService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
    tokens: WechatAccessTokenService,
  ) {
    const { wechat, alipay } = config.hostProviders;
    const { templates, wechatMiniprogramState } = config.notifications;
    if (config.hostProviders.dev) this.providers.set('dev', new DevNotificationProvider(repo, clock));
    if (wechat && templates.wechat)
      this.providers.set(
        'wechat',
        new WechatNotificationProvider(
          { apiBase: wechat.apiBase, templates: templates.wechat, miniprogramState: wechatMiniprogramState },
          tokens,
        ),
      );
    if (alipay && templates.alipay)
      this.providers.set('alipay', new AlipayNotificationProvider({ ...alipay, templates: templates.alipay }, clock));
  }

  /**
   * Claims the row, then sends exactly the version it claimed, unless it was sent already. The claim is one
   * UPDATE … WHERE version = <read>: a colour change folded in between the read and the claim makes the claim
   * fail and the row is read again; a change arriving after the claim finds the row `sending` and goes to a new
   * row for the next window. So a change is never lost behind a send. A permanent refusal marks it
   * `undeliverable` and returns; any other failure is recorded (`failed` on the last attempt, else back to
   * `pending`) and rethrown so the queue retries with backoff. The row itself is never deleted.
   */
  async deliver(outboxId: string, attempt: number, lastAttempt: boolean): Promise<DeliveryResult> {
    for (let read = 0; read < MAX_CLAIM_READS; read++) {
      const row = await this.repo.findOutbox(outboxId);
      const now = this.clock.now();
      if (!row || !claimable(row, now)) return 'skipped';
      // Too early (a sweep found it, or a clock skew between hosts): the delayed job or a later sweep sends it.
      if (row.notBefore && row.notBefore.getTime() > now.getTime()) return 'skipped';
      if (await this.repo.claimOutbox(row.id, row.version, now, new Date(now.getTime() - STALE_CLAIM_MS)))
        return this.sendClaimed(row, row.version + 1, attempt, lastAttempt);
    }
    // Changed under us on every read: it is still pending, and its delayed job or the sweep sends it.
    return 'skipped';
  }

  private async sendClaimed(
    row: NotificationOutboxEntity,
    version: number,
    attempt: number,
    lastAttempt: boolean,
  ): Promise<DeliveryResult> {
    // Several colour changes in one window that ended where they began: nothing to tell the resident.
    if (isColorPayload(row.payload) && row.payload.color === row.payload.fromColor) {
      await this.repo.markOutbox(row.id, version, { status: 'collapsed', attempts: attempt, lastError: null });
      return 'collapsed';
    }
    const provider = this.providers.get(row.channel);
    try {
      if (!provider) throw new PermanentSendFailure(`The ${row.channel} channel is not configured on this server`);
      const recipient = row.channel === 'dev' ? null : await this.recipientOf(row.residentId);
      await provider.send({ outboxId: row.id, residentId: row.residentId, recipient, payload: row.payload });
    } catch (error) {
      const message = ((error as Error).message ?? 'send failed').slice(0, 255);
      if (error instanceof PermanentSendFailure) {
        await this.repo.markOutbox(row.id, version, { status: 'undeliverable', attempts: attempt, lastError: message });
        return 'undeliverable';
      }
      await this.repo.markOutbox(row.id, version, {
        status: lastAttempt ? 'failed' : 'pending',
        attempts: attempt,
        lastError: message,
      });
      throw error;
    }
    await this.repo.markOutbox(row.id, version, {
      status: 'sent',
      attempts: attempt,
      lastError: null,
      sentAt: this.clock.now(),
    });
    return 'sent';
  }

  private async recipientOf(residentId: string): Promise<string | null> {
    const row = await this.repo.findRecipient(residentId);
    return row ? this.crypto.decrypt(row.recipientEnc) : null;
  }
}
