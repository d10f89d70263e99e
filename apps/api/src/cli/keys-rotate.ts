/**
 * `npm run keys:rotate`: rotates the QR signing key ring (new current key, old current kept as previous).
 * Demo mode rewrites the development keys file; production (or any QR_SIGNING_KEYS in the environment)
 * prints the new QR_SIGNING_KEYS value to deploy. Restart the API processes to start signing with it.
 */
import 'reflect-metadata';

import type { QrKeyMaterial } from '../config/app-config';
import { EnvSchema } from '../config/env.schema';
import { rotateDevKeysFile, rotateQrKeys } from '../modules/security/qr-key-rotation.util';

async function main(): Promise<void> {
  const env = EnvSchema.safeParse(process.env);
  if (!env.success) throw new Error(`${String(env.error.issues[0]?.path[0])}: ${env.error.issues[0]?.message}`);
  const e = env.data;
  if (e.QR_SIGNING_KEYS || e.HC_MODE === 'production') {
    if (!e.QR_SIGNING_KEYS) throw new Error('QR_SIGNING_KEYS is not set: production keys come from the environment');
    const rotated = await rotateQrKeys(JSON.parse(e.QR_SIGNING_KEYS) as QrKeyMaterial);
    console.error(
      `[healthcode] keys:rotate: new current key ${rotated.current.kid}, previous ${rotated.previous?.kid}.`,
    );
    console.error(
      '[healthcode] Set this value on every API process and restart them; both keys stay in the JWKS until the next rotation.',
    );
    console.log(`QR_SIGNING_KEYS='${JSON.stringify(rotated)}'`);
    return;
  }
  const { current, previous } = await rotateDevKeysFile(e.DEV_KEYS_FILE);
  console.log(
    `[healthcode] keys:rotate: ${e.DEV_KEYS_FILE} now signs with ${current} (previous ${previous} still verifies). Restart npm start to use it.`,
  );
}

main().catch((error: unknown) => {
  console.error(`[healthcode] keys:rotate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
