import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { importSigningKey, type JWK, KeyRing } from '@healthcode/qr-token';

import { loadOrCreateDevKeys } from '../../config/dev-keys.util';
import { rotateDevKeysFile, rotateQrKeys } from './qr-key-rotation.util';

describe('QR key rotation', () => {
  it('makes a new key current and keeps the old current as previous, so both verify', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hc-keys-')), 'dev-keys.json');
    const { keys } = await loadOrCreateDevKeys(file);
    const oldRing = KeyRing.of(await importSigningKey(keys.qr.current as JWK));
    const oldToken = await oldRing.sign({
      cid: 'c'.repeat(22),
      col: 'green',
      rsv: 1,
      cv: 1,
      iat: 1_600_000_000,
      exp: 1_600_000_300,
    });

    const rotated = await rotateQrKeys(keys.qr);
    expect(rotated.previous?.kid).toBe(keys.qr.current.kid);
    expect(rotated.current.kid).not.toBe(keys.qr.current.kid);
    const ring = KeyRing.of(
      await importSigningKey(rotated.current as JWK),
      await importSigningKey(rotated.previous as JWK),
    );
    expect(ring.jwks().keys).toHaveLength(2);
    const verified = await ring.verify(oldToken, { now: new Date(1_600_000_100_000) });
    expect(verified.ok).toBe(true);
  });

  it('rewrites the demo keys file in place, owner-only, leaving the other keys alone', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hc-keys-')), 'dev-keys.json');
    const { keys } = await loadOrCreateDevKeys(file);
    const result = await rotateDevKeysFile(file);
    const after = JSON.parse(readFileSync(file, 'utf8'));
    expect(after.qr.previous.kid).toBe(keys.qr.current.kid);
    expect(after.qr.current.kid).toBe(result.current);
    expect(after.piiKeys).toEqual(keys.piiKeys);
    expect(after.sessionSecret).toBe(keys.sessionSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await expect(rotateDevKeysFile(join(tmpdir(), 'nope', 'x.json'))).rejects.toThrow(/does not exist/);
  });
});
