import { base64url } from 'jose';

/**
 * A fresh random code id for the `cid` claim: 16 random bytes, base64url (22 characters).
 * Uses Web Crypto's getRandomValues, available in Node 20 and browsers.
 */
export function generateCodeId(): string {
  return base64url.encode(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}
