import { createVerify } from 'node:crypto';

/** Alipay's answer did not carry a valid RSA2 signature by Alipay's key: it may not come from Alipay. */
export class AlipaySignatureInvalid extends Error {}

/** The raw text of the JSON value that starts at `start` (an object, array, string or literal), exactly as sent. */
function rawJsonValue(raw: string, start: number): string {
  let i = start;
  while (/\s/.test(raw[i] ?? '')) i++;
  const from = i;
  let depth = 0;
  let inString = false;
  for (; i < raw.length; i++) {
    const c = raw[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') {
        inString = false;
        if (depth === 0) return raw.slice(from, i + 1);
      }
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return raw.slice(from, i + 1);
    } else if (depth === 0 && (c === ',' || c === '}')) return raw.slice(from, i).trim();
  }
  throw new AlipaySignatureInvalid('Alipay answered a truncated response');
}

/**
 * Checks the signature Alipay puts beside every gateway answer: `sign` is RSA2 (SHA256withRSA, base64) over the
 * `<method>_response` (or `error_response`) value exactly as it appears in the response text, not a re-serialised
 * copy. Returns the parsed body when the signature holds.
 */
export function verifyAlipayResponse<T>(raw: string, method: string, alipayPublicKeyPem: string): T {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    throw new AlipaySignatureInvalid('Alipay answered something that is not JSON');
  }
  const node = `${method.replace(/\./g, '_')}_response`;
  const key = node in body ? node : 'error_response' in body ? 'error_response' : null;
  if (!key || typeof body.sign !== 'string') throw new AlipaySignatureInvalid('Alipay answered without a signature');
  const at = raw.indexOf(`"${key}"`);
  const colon = raw.indexOf(':', at + key.length + 2);
  const content = rawJsonValue(raw, colon + 1);
  const ok = createVerify('RSA-SHA256').update(content, 'utf8').verify(alipayPublicKeyPem, body.sign, 'base64');
  if (!ok) throw new AlipaySignatureInvalid("Alipay's answer failed its signature check");
  return body as T;
}
