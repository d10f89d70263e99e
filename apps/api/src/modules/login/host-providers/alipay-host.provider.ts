import type { Clock } from '../../clock/clock';
import {
  type AlipayGatewayOptions,
  AlipayGatewayUnavailable,
  callAlipayGateway,
} from '../../alipay/alipay-gateway.client';
import { AlipaySignatureInvalid } from '../../alipay/alipay-response-signature.util';
import { type HostProvider, HostCodeRejected, HostUnavailable } from './host-provider.interface';

interface OauthTokenResponse {
  alipay_system_oauth_token_response?: { user_id?: string; open_id?: string; access_token?: string };
  error_response?: { code?: string; msg?: string; sub_code?: string; sub_msg?: string };
}

/** Alipay mini-program login: `alipay.system.oauth.token` with `grant_type=authorization_code` on the gateway. */
export class AlipayHostProvider implements HostProvider {
  readonly name = 'alipay' as const;

  constructor(
    private readonly options: AlipayGatewayOptions,
    private readonly clock: Clock,
  ) {}

  async exchange(code: string): Promise<string> {
    let body: OauthTokenResponse;
    try {
      body = await callAlipayGateway<OauthTokenResponse>(
        this.options,
        'alipay.system.oauth.token',
        { grant_type: 'authorization_code', code },
        this.clock.now(),
        true,
      );
    } catch (error) {
      // A forged or altered answer is never a login; the resident can simply try again.
      if (error instanceof AlipaySignatureInvalid) throw new HostCodeRejected(`${error.message}; log in again`);
      throw new HostUnavailable(
        error instanceof AlipayGatewayUnavailable ? error.message : 'Alipay login service is unreachable',
      );
    }
    if (body.error_response) {
      if (body.error_response.sub_code?.startsWith('isv.code'))
        throw new HostCodeRejected('Alipay did not accept this login code; try again');
      throw new HostUnavailable(`Alipay login failed (${body.error_response.sub_code ?? body.error_response.code})`);
    }
    const id = body.alipay_system_oauth_token_response?.open_id ?? body.alipay_system_oauth_token_response?.user_id;
    if (!id) throw new HostUnavailable('Alipay answered without a user id');
    return id;
  }
}
