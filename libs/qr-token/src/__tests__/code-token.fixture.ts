import { SignJWT, type JWTPayload } from 'jose';

import type { CodeTokenInput } from '../code-token.model';
import type { SigningKey } from '../signing-key.util';

/** 2024-05-01T08:00:00Z, a fixed clock for every test. */
export const NOW = new Date('2024-05-01T08:00:00Z');
export const NOW_SEC = NOW.getTime() / 1000;

export const validInput = (overrides: Partial<CodeTokenInput> = {}): CodeTokenInput => ({
  cid: 'q1w2e3r4t5y6u7i8o9p0aZ',
  col: 'green',
  iat: NOW_SEC,
  exp: NOW_SEC + 300,
  rsv: 7,
  cv: 2,
  ...overrides,
});

/** Signs anything, bypassing signCodeToken's checks, to see what the verifier does with it. */
export function signRaw(payload: JWTPayload, key: SigningKey, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'hc+jwt', ...header })
    .sign(key.privateKey);
}

export function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
