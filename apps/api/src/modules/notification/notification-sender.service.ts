import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Clock } from '../clock/clock';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { WechatAccessTokenService } from '../host-token/wechat-access-token.service';
import { isColorPayload } from './notification-outbox.entity';
import { NotificationRepository } from './notification.repository';
import { AlipayNotificationProvider } from './providers/alipay-notification.provider';
import { DevNotificationProvider } from './providers/dev-notification.provider';
import { type NotificationProvider, PermanentSendFailure } from './providers/notification-provider.interface';
import { WechatNotificationProvider } from './providers/wechat-notification.provider';

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
   * Sends the row unless it was sent already. A permanent refusal marks it `undeliverable` and returns;
   * any other failure is recorded (`failed` on the last attempt, else still `pending`) and rethrown so the
   * queue retries with backoff. The row itself is never deleted.
   */
  async deliver(outboxId: string, attempt: number, lastAttempt: boolean): Promise<DeliveryResult> {
    const row = await this.repo.findOutbox(outboxId);
    if (!row || (row.status !== 'pending' && row.status !== 'failed')) return 'skipped';
    // Too early (a sweep found it, or a clock skew between hosts): the delayed job or a later sweep sends it.
    if (row.notBefore && row.notBefore.getTime() > this.clock.now().getTime()) return 'skipped';
    // Several colour changes in one window that ended where they began: nothing to tell the resident.
    if (isColorPayload(row.payload) && row.payload.color === row.payload.fromColor) {
      await this.repo.markOutbox(row.id, { status: 'collapsed', attempts: attempt, lastError: null });
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
        await this.repo.markOutbox(row.id, { status: 'undeliverable', attempts: attempt, lastError: message });
        return 'undeliverable';
      }
      await this.repo.markOutbox(row.id, {
        status: lastAttempt ? 'failed' : 'pending',
        attempts: attempt,
        lastError: message,
      });
      throw error;
    }
    await this.repo.markOutbox(row.id, {
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
