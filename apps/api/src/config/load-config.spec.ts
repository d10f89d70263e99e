import { randomBytes } from 'node:crypto';

import { ConfigException } from './config.exception';
import { loadConfig } from './load-config';

const key = () => randomBytes(32).toString('base64');

describe('loadConfig', () => {
  it('fills demo defaults and says which keys it generated', async () => {
    const config = await loadConfig({}, { devKeysFile: null });
    expect(config.mode).toBe('demo');
    expect(config.port).toBe(8080);
    expect(config.generatedKeys).toEqual(['QR_SIGNING_KEYS', 'PII_ENCRYPTION_KEYS', 'PII_HMAC_KEY', 'SESSION_SECRET']);
    expect(config.hostProviders.dev).toBe(true);
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://localhost/x' }],
    ['REDIS_URL', { REDIS_URL: '127.0.0.1:6379' }],
    ['HC_MODE', { HC_MODE: 'staging' }],
    ['QUEUE_PREFIX', { QUEUE_PREFIX: 'hc' }],
    ['PII_HMAC_KEY', { PII_HMAC_KEY: 'short' }],
    ['QR_SIGNING_KEYS', { QR_SIGNING_KEYS: '{not json' }],
    ['EVIDENCE_STORAGE', { EVIDENCE_STORAGE: 'ftp' }],
    ['S3_BUCKET', { EVIDENCE_STORAGE: 's3' }],
    ['S3_BUCKET', { EVIDENCE_STORAGE: 's3', S3_BUCKET: 'UPPER_case' }],
    ['S3_ACCESS_KEY_ID', { EVIDENCE_STORAGE: 's3', S3_BUCKET: 'hc-evidence' }],
    ['S3_SECRET_ACCESS_KEY', { EVIDENCE_STORAGE: 's3', S3_BUCKET: 'hc-evidence', S3_ACCESS_KEY_ID: 'id' }],
    ['S3_ENDPOINT', { S3_ENDPOINT: 'minio:9000' }],
    ['S3_PREFIX', { S3_PREFIX: '../x' }],
    ['TRUSTED_PROXIES', { TRUSTED_PROXIES: '*' }],
    ['OPENAPI_ENABLED', { OPENAPI_ENABLED: 'yes' }],
  ])('names %s when it is invalid', async (variable, env) => {
    const error = await loadConfig(env, { devKeysFile: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigException);
    expect((error as ConfigException).variable).toBe(variable);
    expect((error as Error).message).toMatch(new RegExp(`^${variable}: expected `));
    expect((error as Error).message).not.toContain('\n');
  });

  it('refuses to start in production without real keys, and never enables dev login there', async () => {
    const error = await loadConfig({ HC_MODE: 'production' }, { devKeysFile: null }).catch((e: unknown) => e);
    expect((error as ConfigException).variable).toBe('QR_SIGNING_KEYS');
    const { generateSigningKey } = await import('@healthcode/qr-token');
    const qr = await generateSigningKey();
    const secrets = {
      HC_MODE: 'production',
      QR_SIGNING_KEYS: JSON.stringify({ current: qr.privateJwk, previous: null }),
      PII_ENCRYPTION_KEYS: JSON.stringify({ k1: key() }),
      PII_KEY_ID: 'k1',
      PII_HMAC_KEY: key(),
      SESSION_SECRET: key(),
    };
    // Production chooses where evidence files go: the local disk is for development.
    const noStorage = await loadConfig(secrets, { devKeysFile: null }).catch((e: unknown) => e);
    expect((noStorage as ConfigException).variable).toBe('EVIDENCE_STORAGE');
    const config = await loadConfig(
      {
        ...secrets,
        EVIDENCE_STORAGE: 's3',
        S3_ENDPOINT: 'http://minio:9000',
        S3_BUCKET: 'hc-evidence',
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 'secret',
      },
      { devKeysFile: null },
    );
    expect(config.evidence).toEqual({
      kind: 's3',
      bucket: 'hc-evidence',
      region: 'us-east-1',
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      prefix: 'evidence/',
    });
    expect(config.generatedKeys).toEqual([]);
    expect(config.hostProviders.dev).toBe(false);
    // The API documents and the queue dashboard are off, and no proxy is trusted, unless configured.
    expect(config.edge).toEqual({ trustedProxies: [], openApi: false, queueBoard: false });
  });

  it('turns the OpenAPI document and bull-board on or off explicitly, and reads trusted proxies', async () => {
    const demo = await loadConfig({}, { devKeysFile: null });
    expect(demo.edge).toEqual({ trustedProxies: [], openApi: true, queueBoard: true });
    const off = await loadConfig(
      { OPENAPI_ENABLED: 'false', QUEUE_BOARD_ENABLED: 'false', TRUSTED_PROXIES: '10.0.0.0/8, ::1' },
      { devKeysFile: null },
    );
    expect(off.edge).toEqual({ trustedProxies: ['10.0.0.0/8', '::1'], openApi: false, queueBoard: false });
  });
});
