import { randomBytes } from 'node:crypto';

import type { AppConfig } from '../../config/app-config';
import { loadConfig } from '../../config/load-config';
import { PiiCryptoService } from './pii-crypto.service';

const key = () => randomBytes(32).toString('base64');
const crypto = (pii: Partial<AppConfig['pii']>) =>
  new PiiCryptoService({ pii: { keys: {}, currentKeyId: 'k1', hmacKey: randomBytes(32), ...pii } } as AppConfig);

describe('PII HMAC key versions', () => {
  const hmacKey = randomBytes(32);
  const layers = [randomBytes(32), randomBytes(32)];

  it('layers each version on the one before, so a stored HMAC moves without the plain value', () => {
    const c = crypto({ hmacKey, hmacLayers: layers, hmacKeyId: 3, hmacPreviousKeyId: 2 });
    const v1 = c.hmacAt(1, 'id', 'resident-id:110101199003070000');
    expect(c.rekeyHmac(v1, 1, 3)).toEqual(c.hmac('id', 'resident-id:110101199003070000'));
    expect(c.rekeyHmac(c.hmacAt(2, 'id', 'x'), 2, 3)).toEqual(c.hmacAt(3, 'id', 'x'));
    // Version 1 alone (a leaked PII_HMAC_KEY) does not reproduce what is stored after the rotation.
    expect(v1.equals(c.hmac('id', 'resident-id:110101199003070000'))).toBe(false);
    expect(c.hmacCandidates('id', 'x')).toEqual([c.hmacAt(3, 'id', 'x'), c.hmacAt(2, 'id', 'x')]);
    expect(c.hmacMatches('phone', '13800000000', c.hmacAt(2, 'phone', '13800000000'))).toBe(true);
    expect(c.hmacMatches('phone', '13800000000', c.hmacAt(1, 'phone', '13800000000'))).toBe(false);
  });

  it('is unchanged without layers: version 1 under PII_HMAC_KEY, nothing else matched', () => {
    const c = crypto({ hmacKey });
    expect(c.hmacKeyId).toBe(1);
    expect(c.hmacCandidates('host', 'dev:a')).toHaveLength(1);
    expect(c.hmacPair('host', 'dev:a').previous).toBeNull();
  });

  it('reads the key ring from the environment and names what is wrong', async () => {
    const env = { HC_MODE: 'test', DATABASE_URL: 'mysql://root@127.0.0.1:3306/x', PII_HMAC_KEY: key() };
    const two = await loadConfig({ ...env, PII_HMAC_LAYER_KEYS: JSON.stringify({ 2: key() }) }, { devKeysFile: null });
    expect(two.pii).toMatchObject({ hmacKeyId: 2, hmacPreviousKeyId: 1 });
    const retired = await loadConfig(
      { ...env, PII_HMAC_LAYER_KEYS: JSON.stringify({ 2: key() }), PII_HMAC_PREVIOUS_KEY_ID: 'none' },
      { devKeysFile: null },
    );
    expect(retired.pii.hmacPreviousKeyId).toBeNull();
    await expect(
      loadConfig({ ...env, PII_HMAC_LAYER_KEYS: JSON.stringify({ 3: key() }) }, { devKeysFile: null }),
    ).rejects.toThrow('PII_HMAC_LAYER_KEYS');
    await expect(loadConfig({ ...env, PII_HMAC_KEY_ID: '2' }, { devKeysFile: null })).rejects.toThrow(
      'PII_HMAC_KEY_ID',
    );
    await expect(
      loadConfig(
        { ...env, PII_HMAC_LAYER_KEYS: JSON.stringify({ 2: key() }), PII_HMAC_PREVIOUS_KEY_ID: '2' },
        { devKeysFile: null },
      ),
    ).rejects.toThrow('PII_HMAC_PREVIOUS_KEY_ID');
  });
});
