import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

import { generateSigningKey } from '@healthcode/qr-token';

import type { QrKeyMaterial } from '../../config/app-config';
import type { DevKeys } from '../../config/dev-keys.util';

/**
 * A new signing key becomes current and today's current key stays as `previous`, so QR tokens signed just
 * before the switch (valid 5 minutes) and scanners' cached key sets (5 minutes) keep verifying. The old
 * previous key is dropped: rotate at most once per ten minutes.
 */
export async function rotateQrKeys(material: QrKeyMaterial): Promise<QrKeyMaterial> {
  const next = await generateSigningKey();
  return { current: { ...next.privateJwk, kid: next.kid }, previous: material.current };
}

/** Demo mode: rotates the ring inside the development keys file (written atomically, owner-only). */
export async function rotateDevKeysFile(file: string): Promise<{ current: string; previous: string }> {
  if (!existsSync(file)) throw new Error(`${file} does not exist yet: start the demo once (npm start) to create it`);
  const keys = JSON.parse(readFileSync(file, 'utf8')) as DevKeys;
  const qr = await rotateQrKeys(keys.qr);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ ...keys, qr }, null, 2), { mode: 0o600 });
  renameSync(tmp, file);
  chmodSync(file, 0o600);
  return { current: qr.current.kid, previous: keys.qr.current.kid };
}
