import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { generateSigningKey } from '@healthcode/qr-token';

import type { QrKeyMaterial } from './app-config';

export interface DevKeys {
  qr: QrKeyMaterial;
  piiKeys: Record<string, string>;
  piiKeyId: string;
  hmacKey: string;
  sessionSecret: string;
}

async function generate(): Promise<DevKeys> {
  const key = await generateSigningKey();
  return {
    qr: { current: { ...key.privateJwk, kid: key.kid }, previous: null },
    piiKeys: { dev1: randomBytes(32).toString('base64') },
    piiKeyId: 'dev1',
    hmacKey: randomBytes(32).toString('base64'),
    sessionSecret: randomBytes(32).toString('base64'),
  };
}

/**
 * Demo mode keeps its generated keys in a local file so a restart does not invalidate every session,
 * token and encrypted field. Tests pass `file: null` to get throwaway keys.
 */
export async function loadOrCreateDevKeys(file: string | null): Promise<{ keys: DevKeys; created: boolean }> {
  if (file && existsSync(file)) return { keys: JSON.parse(readFileSync(file, 'utf8')) as DevKeys, created: false };
  const keys = await generate();
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  }
  return { keys, created: true };
}
