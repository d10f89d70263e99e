import {
  type AlipayGatewayOptions,
  AlipayGatewayUnavailable,
  callAlipayGateway,
} from '../../alipay/alipay-gateway.client';
import type { Clock } from '../../clock/clock';
import { alipayTemplateData, notificationPage } from '../notification-message.util';
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

/**
 * Alipay mini-program template messages through the open-platform gateway: a form POST of
 * `alipay.open.app.mini.templatemessage.send` signed RSA2 like the login call. Code 10000 is success;
 * 40004 (business refusal: no subscription, bad template) will not succeed on retry.
 */
export class AlipayNotificationProvider implements NotificationProvider {
  readonly channel = 'alipay' as const;

  constructor(
    private readonly options: AlipayGatewayOptions & { templateId: string },
    private readonly clock: Clock,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    if (!message.recipient) throw new PermanentSendFailure('No Alipay open id is known for this resident');
    let answer: GatewayAnswer;
    try {
      answer = await callAlipayGateway<GatewayAnswer>(
        this.options,
        ALIPAY_TEMPLATE_METHOD,
        {
          biz_content: JSON.stringify({
            to_open_id: message.recipient,
            user_template_id: this.options.templateId,
            page: notificationPage(message.payload),
            data: JSON.stringify(alipayTemplateData(message.payload)),
          }),
        },
        this.clock.now(),
      );
    } catch (error) {
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
