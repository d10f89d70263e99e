import {
  type AlipayGatewayOptions,
  AlipayGatewayUnavailable,
  callAlipayGateway,
} from '../../alipay/alipay-gateway.client';
import { AlipaySignatureInvalid } from '../../alipay/alipay-response-signature.util';
import type { Clock } from '../../clock/clock';
import { alipayTemplateData, notificationPage, templateKind } from '../notification-message.util';
import {
  type NotificationProvider,
  type OutgoingMessage,
  PermanentSendFailure,
  TransientSendFailure,
} from './notification-provider.interface';

export const ALIPAY_TEMPLATE_METHOD = 'alipay.open.app.mini.templatemessage.send';

interface GatewayAnswer {
  alipay_open_app_mini_templatemessage_send_response?: {
    code?: string;
    msg?: string;
    sub_code?: string;
    sub_msg?: string;
  };
  error_response?: { code?: string; sub_code?: string };
}

/** `biz_content` limits of the method: `page` 128 characters, `data` (the JSON string) 2048. */
const PAGE_MAX = 128;
const DATA_MAX = 2048;
/** An Alipay `user_id` (2088…, 16 digits); anything else from login is an `open_id`. */
const USER_ID = /^2088\d{12}$/;

/**
 * Alipay mini-program subscription messages: the resident subscribed in the mini-program
 * (`my.requestSubscribeMessage({ entityIds })`, no `form_id` since subscription replaced form ids); the server
 * sends them with `alipay.open.app.mini.templatemessage.send` through the open-platform gateway, a form POST
 * signed RSA2 like the login call, and the answer's signature is checked with Alipay's public key
 * (`ALIPAY_PUBLIC_KEY`, required in production). Code 10000 is success; 40004 (business refusal: no
 * subscription, bad template) will not succeed on retry.
 */
export class AlipayNotificationProvider implements NotificationProvider {
  readonly channel = 'alipay' as const;

  constructor(
    private readonly options: AlipayGatewayOptions & { templates: { appeal: string; color: string } },
    private readonly clock: Clock,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    if (!message.recipient) throw new PermanentSendFailure('No Alipay open id is known for this resident');
    const page = notificationPage(message.payload);
    const data = JSON.stringify(alipayTemplateData(message.payload));
    if (page.length > PAGE_MAX || data.length > DATA_MAX)
      throw new PermanentSendFailure(`Template data Alipay would refuse: page ≤ ${PAGE_MAX}, data ≤ ${DATA_MAX}`);
    const to = USER_ID.test(message.recipient) ? { to_user_id: message.recipient } : { to_open_id: message.recipient };
    let answer: GatewayAnswer;
    try {
      answer = await callAlipayGateway<GatewayAnswer>(
        this.options,
        ALIPAY_TEMPLATE_METHOD,
        {
          biz_content: JSON.stringify({
            ...to,
            user_template_id: this.options.templates[templateKind(message.payload)],
            page,
            data,
          }),
        },
        this.clock.now(),
      );
    } catch (error) {
      if (error instanceof AlipaySignatureInvalid)
        throw new TransientSendFailure(`Alipay's answer could not be trusted: ${error.message}`);
      throw new TransientSendFailure(
        error instanceof AlipayGatewayUnavailable ? error.message : 'Alipay gateway is unreachable',
      );
    }
    const result = answer.alipay_open_app_mini_templatemessage_send_response ?? answer.error_response;
    if (result?.code === '10000') return;
    if (result?.code === '40004' || result?.code === '40002')
      throw new PermanentSendFailure(`Alipay refused the message (${result.sub_code ?? result.code})`);
    throw new TransientSendFailure(`Alipay send failed (${result?.sub_code ?? result?.code ?? 'no answer'})`);
  }
}
