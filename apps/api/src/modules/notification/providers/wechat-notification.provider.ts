import { type AccessTokenSource, AccessTokenUnavailable } from '../../host-token/shared-access-token';
import { notificationPage, templateKind, wechatTemplateData } from '../notification-message.util';
import { wechatTemplateProblems } from '../wechat-template-data.util';
import {
  type NotificationProvider,
  type OutgoingMessage,
  PermanentSendFailure,
  TransientSendFailure,
} from './notification-provider.interface';

interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
}

/** errcodes that retrying cannot fix: user refused or never subscribed (43101), bad openid, template or fields. */
const PERMANENT = new Set([40003, 40037, 43101, 47003, 41030]);
/** The access token expired or was replaced by another caller: drop it so the next attempt fetches a new one. */
const TOKEN_EXPIRED = new Set([40001, 40014, 42001]);

export interface WechatNotificationOptions {
  apiBase: string;
  templates: { appeal: string; color: string };
  miniprogramState: 'formal' | 'trial' | 'developer';
  timeoutMs?: number;
}

/**
 * WeChat mini-program subscribe messages: `POST /cgi-bin/message/subscribe/send?access_token=` with the access
 * token shared by all workers (host-token module). The data is checked against WeChat's keyword limits first: a
 * value WeChat would refuse (47003) is a permanent failure here, not a lost message at WeChat.
 */
export class WechatNotificationProvider implements NotificationProvider {
  readonly channel = 'wechat' as const;

  constructor(
    private readonly options: WechatNotificationOptions,
    private readonly tokens: AccessTokenSource,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    if (!message.recipient) throw new PermanentSendFailure('No WeChat openid is known for this resident');
    const data = wechatTemplateData(message.payload);
    const problems = wechatTemplateProblems(data);
    if (problems.length > 0)
      throw new PermanentSendFailure(`Template data WeChat would refuse: ${problems.join('; ')}`);
    let token: string;
    try {
      token = await this.tokens.token();
    } catch (error) {
      throw new TransientSendFailure(
        error instanceof AccessTokenUnavailable ? error.message : 'No WeChat access token',
      );
    }
    const url = new URL('/cgi-bin/message/subscribe/send', this.options.apiBase);
    url.searchParams.set('access_token', token);
    const answer = await this.call(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        touser: message.recipient,
        template_id: this.options.templates[templateKind(message.payload)],
        page: notificationPage(message.payload),
        data,
        miniprogram_state: this.options.miniprogramState,
        lang: 'zh_CN',
      }),
    });
    if (!answer.errcode) return;
    if (TOKEN_EXPIRED.has(answer.errcode)) await this.tokens.invalidate(token);
    if (PERMANENT.has(answer.errcode))
      throw new PermanentSendFailure(`WeChat refused the message (errcode ${answer.errcode})`);
    throw new TransientSendFailure(`WeChat send failed (errcode ${answer.errcode})`);
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
