import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const HEADER = /^Device ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/i;

/** A new 256-bit device secret, base64url (43 characters). Shown once, never stored. */
export function generateDeviceSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashDeviceSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function deviceSecretMatches(secret: string, storedHash: Buffer): boolean {
  const presented = hashDeviceSecret(secret);
  return presented.length === storedHash.length && timingSafeEqual(presented, storedHash);
}

export function deviceAuthorization(credentialId: string, secret: string): string {
  return `Device ${credentialId}.${secret}`;
}

/** Reads `Authorization: Device <credentialId>.<secret>`; null for anything else. */
export function parseDeviceAuthorization(header: string | undefined): { credentialId: string; secret: string } | null {
  const match = header ? HEADER.exec(header.trim()) : null;
  return match ? { credentialId: match[1].toLowerCase(), secret: match[2] } : null;
}
