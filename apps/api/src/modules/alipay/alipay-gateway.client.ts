import { createSign } from 'node:crypto';

import { AlipaySignatureInvalid, verifyAlipayResponse } from './alipay-response-signature.util';

export interface AlipayGatewayOptions {
  appId: string;
  privateKeyPem: string;
  gateway: string;
  timeoutMs?: number;
  /** Alipay's public key: every answer's RSA2 signature is checked with it (see alipay-response-signature.util). */
  alipayPublicKeyPem?: string | null;
}

/** The gateway could not be reached or answered with a non-2xx status; the caller decides what that means. */
export class AlipayGatewayUnavailable extends Error {}

/** `yyyy-MM-dd HH:mm:ss` in China Standard Time, as the Alipay gateway expects. */
export function gatewayTimestamp(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
}

/** RSA2 signature over the sorted `key=value` pairs, excluding `sign` itself and empty values. */
export function alipaySign(params: Record<string, string>, privateKeyPem: string): string {
  const content = Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  return createSign('RSA-SHA256').update(content, 'utf8').sign(privateKeyPem, 'base64');
}

/**
 * One call of the Alipay open-platform gateway: the common parameters, the method's own parameters, an RSA2
 * signature, and a form POST. Used by mini-program login and by template messages.
 */
export async function callAlipayGateway<T>(
  options: AlipayGatewayOptions,
  method: string,
  methodParams: Record<string, string>,
  now: Date,
  /** Identity answers (login, real-name) are trusted only when signed: refuse them when no key is configured. */
  requireSignature = false,
): Promise<T> {
  const params: Record<string, string> = {
    app_id: options.appId,
    method,
    format: 'JSON',
    charset: 'utf-8',
    sign_type: 'RSA2',
    timestamp: gatewayTimestamp(now),
    version: '1.0',
    ...methodParams,
  };
  params.sign = alipaySign(params, options.privateKeyPem);
  let res: Response;
  try {
    res = await fetch(options.gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
  } catch {
    throw new AlipayGatewayUnavailable('Alipay gateway is unreachable');
  }
  if (!res.ok) throw new AlipayGatewayUnavailable(`Alipay answered HTTP ${res.status}`);
  const raw = await res.text();
  if (options.alipayPublicKeyPem) return verifyAlipayResponse<T>(raw, method, options.alipayPublicKeyPem);
  if (requireSignature)
    throw new AlipaySignatureInvalid('ALIPAY_PUBLIC_KEY is not configured: answers cannot be checked');
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new AlipayGatewayUnavailable('Alipay answered something that is not JSON');
  }
}
