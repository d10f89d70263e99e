import type { NotificationPayload } from '../notification-outbox.entity';

export interface OutgoingMessage {
  outboxId: string;
  residentId: string;
  /** Host-app user id (openid); null for the dev channel. */
  recipient: string | null;
  payload: NotificationPayload;
}

/** One host app's message channel. Throws `PermanentSendFailure` when retrying cannot help. */
export interface NotificationProvider {
  readonly channel: 'wechat' | 'alipay' | 'dev';
  send(message: OutgoingMessage): Promise<void>;
}

/** The host app refused for good (the user never subscribed, an unknown template): retrying cannot help. */
export class PermanentSendFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentSendFailure';
  }
}

/** A failure worth retrying with backoff (network, rate limit, expired access token). */
export class TransientSendFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransientSendFailure';
  }
}
