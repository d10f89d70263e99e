import { createSign, generateKeyPairSync } from 'node:crypto';

import { AlipaySignatureInvalid, verifyAlipayResponse } from './alipay-response-signature.util';

const alipay = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const other = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const sign = (text: string, key = alipay.privateKey) =>
  createSign('RSA-SHA256').update(text, 'utf8').sign(key, 'base64');

describe('verifyAlipayResponse', () => {
  // As the gateway sends it: spacing and key order of the signed node are Alipay's, not ours.
  const node = '{"code":"10000","msg":"Success","open_id":"074a","cert_no":"33010619900101001X","note":"a \\"}\\" b"}';

  it('accepts the signature over the response node exactly as sent', () => {
    const raw = `{"alipay_user_info_share_response":${node},"sign":"${sign(node)}"}`;
    const body = verifyAlipayResponse<{ alipay_user_info_share_response: { cert_no: string } }>(
      raw,
      'alipay.user.info.share',
      alipay.publicKey,
    );
    expect(body.alipay_user_info_share_response.cert_no).toBe('33010619900101001X');
  });

  it('checks error responses too, and the sign may come first', () => {
    const err = '{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.code-invalid"}';
    const raw = `{"sign":"${sign(err)}", "error_response": ${err}}`;
    expect(verifyAlipayResponse(raw, 'alipay.system.oauth.token', alipay.publicKey)).toHaveProperty('error_response');
  });

  it.each([
    [
      'a signature by another key',
      (n: string) => `{"alipay_user_info_share_response":${n},"sign":"${sign(n, other.privateKey)}"}`,
    ],
    [
      'a changed field',
      (n: string) => `{"alipay_user_info_share_response":${n.replace('10000', '10001')},"sign":"${sign(n)}"}`,
    ],
    ['no signature', (n: string) => `{"alipay_user_info_share_response":${n}}`],
    ['the sign of another node', (n: string) => `{"other_response":${n},"sign":"${sign(n)}"}`],
    ['not JSON', () => 'Bad Gateway'],
  ])('refuses %s', (_label, build) => {
    expect(() => verifyAlipayResponse(build(node), 'alipay.user.info.share', alipay.publicKey)).toThrow(
      AlipaySignatureInvalid,
    );
  });
});
