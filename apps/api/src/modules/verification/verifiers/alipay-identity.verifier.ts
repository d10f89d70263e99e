import type { IdType, VerificationRequest } from '@healthcode/contracts';

import {
  type AlipayGatewayOptions,
  AlipayGatewayUnavailable,
  callAlipayGateway,
} from '../../alipay/alipay-gateway.client';
import { AlipaySignatureInvalid } from '../../alipay/alipay-response-signature.util';
import { HostUnavailable } from '../../login/host-providers/host-provider.interface';
import type { PiiCryptoService } from '../../crypto/pii-crypto.service';
import {
  type IdentityProof,
  type IdentityVerifier,
  VerificationNegativeError,
  VerificationRefusedError,
  type VerificationSubject,
} from '../identity-verifier.interface';

interface AlipayError {
  code?: string;
  msg?: string;
  sub_code?: string;
}
interface TokenAnswer {
  alipay_system_oauth_token_response?: { open_id?: string; user_id?: string; access_token?: string };
  error_response?: AlipayError;
}
interface UserInfoAnswer {
  alipay_user_info_share_response?: AlipayError & {
    open_id?: string;
    user_id?: string;
    is_certified?: string;
    cert_type?: string;
    cert_no?: string;
  };
  error_response?: AlipayError;
}

/** Alipay `cert_type` codes for the document types we accept. */
const CERT_TYPES: Record<string, IdType> = { '0': 'resident-id', '1': 'passport' };

/**
 * Alipay real-name certification: the mini-program asks the resident to authorise `auth_user`
 * (`my.getAuthCode({scopes: 'auth_user'})`); the server exchanges the code (`alipay.system.oauth.token`), reads
 * the certified identity (`alipay.user.info.share`), checks both answers' RSA2 signatures, checks the code was
 * granted by the same Alipay user who logged in, and hands back the HMAC of the certified number (never stored).
 */
export class AlipayIdentityVerifier implements IdentityVerifier {
  readonly method = 'alipay' as const;

  constructor(
    private readonly options: AlipayGatewayOptions,
    private readonly crypto: PiiCryptoService,
    private readonly now: () => Date,
  ) {}

  async verify(subject: VerificationSubject, request: VerificationRequest): Promise<IdentityProof> {
    if (request.method !== 'alipay') throw new VerificationRefusedError('Not an Alipay verification');
    if (subject.hostProvider !== 'alipay')
      throw new VerificationRefusedError('Alipay verifies only accounts that logged in through Alipay');
    const token = await this.call<TokenAnswer>('alipay.system.oauth.token', {
      grant_type: 'authorization_code',
      code: request.authCode,
    });
    if (token.error_response)
      throw new VerificationRefusedError(
        'Alipay did not accept this authorisation (expired or already used); start again',
      );
    const granted = token.alipay_system_oauth_token_response;
    const openId = granted?.open_id ?? granted?.user_id;
    if (!openId || !granted?.access_token) throw new HostUnavailable('Alipay answered without a user or token');
    if (!this.crypto.hmacMatches('host', `alipay:${openId}`, subject.hostKey))
      throw new VerificationRefusedError(
        'This authorisation belongs to a different Alipay account than the one you logged in with',
      );

    const info = await this.call<UserInfoAnswer>('alipay.user.info.share', { auth_token: granted.access_token });
    const user = info.alipay_user_info_share_response;
    if (info.error_response || !user || user.code !== '10000')
      throw new HostUnavailable(
        `Alipay could not share the certified identity (${info.error_response?.sub_code ?? user?.code})`,
      );
    if (user.is_certified !== 'T')
      throw new VerificationNegativeError('your Alipay account has no real-name certification');
    const idType = CERT_TYPES[user.cert_type ?? ''];
    if (!idType || !user.cert_no)
      throw new VerificationNegativeError('Alipay certified a kind of document this service does not accept');
    return {
      idHmac: this.crypto.hmac('id', `${idType}:${user.cert_no.trim().toUpperCase()}`),
      proofRef: request.authCode,
    };
  }

  private async call<T>(method: string, params: Record<string, string>): Promise<T> {
    try {
      return await callAlipayGateway<T>(this.options, method, params, this.now(), true);
    } catch (error) {
      if (error instanceof AlipaySignatureInvalid)
        throw new VerificationRefusedError(`${error.message}; nothing was changed`);
      if (error instanceof AlipayGatewayUnavailable) throw new HostUnavailable(error.message);
      throw error;
    }
  }
}
