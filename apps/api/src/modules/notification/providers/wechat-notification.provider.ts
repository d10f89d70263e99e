import type { Clock } from '../../clock/clock';
import { notificationPage, wechatTemplateData } from '../notification-message.util';
import {
  type NotificationProvider,
  type OutgoingMessage,
  PermanentSendFailure,
  TransientSendFailure,
} from './notification-provider.interface';

interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
}

/** errcodes that retrying cannot fix: user refused or never subscribed (43101), bad openid, template or fields. */
const PERMANENT = new Set([40003, 40037, 43101, 47003, 41030]);
/** The access token expired or was replaced by another caller: fetch a new one and retry. */
const TOKEN_EXPIRED = new Set([40001, 40014, 42001]);

/**
 * WeChat mini-program subscribe messages: `GET /cgi-bin/token?grant_type=client_credential` for the access
 * token (cached until a minute before it expires), then `POST /cgi-bin/message/subscribe/send?access_token=`.
 */
export class WechatNotificationProvider implements NotificationProvider {
  readonly channel = 'wechat' as const;
  private token: { value: string; expiresAt: number } | null = null;

  constructor(
    private readonly options: {
      appId: string;
      appSecret: string;
      apiBase: string;
      templateId: string;
      timeoutMs?: number;
    },
    private readonly clock: Clock,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    if (!message.recipient) throw new PermanentSendFailure('No WeChat openid is known for this resident');
    const token = await this.accessToken();
    const url = new URL('/cgi-bin/message/subscribe/send', this.options.apiBase);
    url.searchParams.set('access_token', token);
    const answer = await this.call(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        touser: message.recipient,
        template_id: this.options.templateId,
        page: notificationPage(message.payload),
        data: wechatTemplateData(message.payload),
        miniprogram_state: 'formal',
        lang: 'zh_CN',
      }),
    });
    if (!answer.errcode) return;
    if (TOKEN_EXPIRED.has(answer.errcode)) this.token = null;
    if (PERMANENT.has(answer.errcode))
      throw new PermanentSendFailure(`WeChat refused the message (errcode ${answer.errcode})`);
    throw new TransientSendFailure(`WeChat send failed (errcode ${answer.errcode})`);
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > this.clock.now().getTime()) return this.token.value;
    const url = new URL('/cgi-bin/token', this.options.apiBase);
    url.search = new URLSearchParams({
      grant_type: 'client_credential',
      appid: this.options.appId,
      secret: this.options.appSecret,
    }).toString();
    const answer = await this.call(url, { method: 'GET' });
    if (!answer.access_token)
      throw new TransientSendFailure(`WeChat access token refused (errcode ${answer.errcode ?? 'none'})`);
    this.token = {
      value: answer.access_token,
      expiresAt: this.clock.now().getTime() + Math.max(0, (answer.expires_in ?? 7200) - 60) * 1000,
    };
    return this.token.value;
  }

  private async call(url: URL, init: RequestInit): Promise<WechatAnswer> {
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000) });
      if (!res.ok) throw new TransientSendFailure(`WeChat answered HTTP ${res.status}`);
      return (await res.json()) as WechatAnswer;
    } catch (error) {
      if (error instanceof TransientSendFailure) throw error;
      throw new TransientSendFailure('WeChat message service is unreachable');
    }
  }
}
