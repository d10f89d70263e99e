import { createHash } from 'node:crypto';

/**
 * WeChat's `cert_hash` for `queryVerifyInfo`: each of cert_type, cert_name and cert_no in standard base64, joined as
 * `cert_type=…&cert_name=…&cert_no=…`, then SHA-256 in lowercase hex. It ties the result to the identity the face
 * check was started with, so a changed profile cannot borrow an earlier check.
 */
export function wechatCertHash(cert: { cert_type: string; cert_name: string; cert_no: string }): string {
  const b64 = (v: string) => Buffer.from(v, 'utf8').toString('base64');
  return createHash('sha256')
    .update(`cert_type=${b64(cert.cert_type)}&cert_name=${b64(cert.cert_name)}&cert_no=${b64(cert.cert_no)}`, 'utf8')
    .digest('hex');
}
