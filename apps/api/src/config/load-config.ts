import { hostname } from 'node:os';

import type { z } from 'zod';

import type { AppConfig, QrKeyMaterial } from './app-config';
import { ConfigException } from './config.exception';
import { loadOrCreateDevKeys } from './dev-keys.util';
import { parseTrustedProxies } from './trusted-proxies.util';
import { EnvSchema } from './env.schema';
import { evidenceStorageConfig } from './evidence-config.util';
import { notificationTemplates } from './notification-templates.util';

function parseJson<T>(variable: string, raw: string, expectation: string): T {
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new ConfigException(variable, expectation);
  }
}

/** `a:1,b:2` → [{host:'a',port:1},…] (the schema has already checked the shape). */
export function parseClusterNodes(raw: string): { host: string; port: number }[] {
  return raw.split(',').map((entry) => {
    const [host, port] = entry.trim().split(':');
    return { host, port: Number(port) };
  });
}

function firstIssue(error: z.ZodError): ConfigException {
  const issue = error.issues[0];
  return new ConfigException(String(issue.path[0] ?? 'environment'), issue.message);
}

function b64(v: string): Buffer {
  return Buffer.from(v, 'base64');
}

/**
 * Reads and validates the environment once. Throws ConfigException naming the first bad variable.
 * `devKeysFile: null` makes demo/test keys ephemeral (tests).
 */
export async function loadConfig(
  env: NodeJS.ProcessEnv,
  options: { devKeysFile?: string | null } = {},
): Promise<AppConfig> {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw firstIssue(parsed.error);
  const e = parsed.data;
  const production = e.HC_MODE === 'production';

  const secrets = ['QR_SIGNING_KEYS', 'PII_ENCRYPTION_KEYS', 'PII_KEY_ID', 'PII_HMAC_KEY', 'SESSION_SECRET'] as const;
  const generatedKeys: string[] = [];
  let qrKeys: QrKeyMaterial | undefined;
  let piiKeys: Record<string, string> | undefined;
  let piiKeyId = e.PII_KEY_ID;
  let hmacKey = e.PII_HMAC_KEY;
  let sessionSecret = e.SESSION_SECRET;
  if (e.QR_SIGNING_KEYS) {
    qrKeys = parseJson<QrKeyMaterial>(
      'QR_SIGNING_KEYS',
      e.QR_SIGNING_KEYS,
      'JSON {"current": <EC P-256 private JWK with kid>, "previous": <JWK> | null}',
    );
    if (!qrKeys?.current?.kid || qrKeys.current.kty !== 'EC' || qrKeys.current.crv !== 'P-256' || !qrKeys.current.d) {
      throw new ConfigException('QR_SIGNING_KEYS', 'an EC P-256 private JWK with a kid under "current"');
    }
  }
  if (e.PII_ENCRYPTION_KEYS) {
    piiKeys = parseJson('PII_ENCRYPTION_KEYS', e.PII_ENCRYPTION_KEYS, 'JSON {"<key id>": "<base64 32-byte key>"}');
    for (const [id, key] of Object.entries(piiKeys ?? {})) {
      if (b64(key).length !== 32)
        throw new ConfigException('PII_ENCRYPTION_KEYS', `key "${id}" to be 32 bytes in base64`);
    }
  }
  if (production) {
    for (const name of secrets)
      if (!e[name]) throw new ConfigException(name, 'a real secret: production mode never generates keys');
  } else if (secrets.some((name) => !e[name])) {
    const file = options.devKeysFile === undefined ? e.DEV_KEYS_FILE : options.devKeysFile;
    const { keys } = await loadOrCreateDevKeys(file);
    if (!qrKeys) {
      qrKeys = keys.qr;
      generatedKeys.push('QR_SIGNING_KEYS');
    }
    if (!piiKeys) {
      piiKeys = keys.piiKeys;
      piiKeyId = keys.piiKeyId;
      generatedKeys.push('PII_ENCRYPTION_KEYS');
    }
    if (!hmacKey) {
      hmacKey = keys.hmacKey;
      generatedKeys.push('PII_HMAC_KEY');
    }
    if (!sessionSecret) {
      sessionSecret = keys.sessionSecret;
      generatedKeys.push('SESSION_SECRET');
    }
  }
  if (!piiKeyId || !piiKeys?.[piiKeyId])
    throw new ConfigException('PII_KEY_ID', 'the id of one of the keys in PII_ENCRYPTION_KEYS');

  const hmac = hmacKeyring(e.PII_HMAC_LAYER_KEYS, e.PII_HMAC_KEY_ID, e.PII_HMAC_PREVIOUS_KEY_ID);

  const proxies = parseTrustedProxies(e.TRUSTED_PROXIES);
  if ('problem' in proxies) throw new ConfigException('TRUSTED_PROXIES', proxies.problem);
  const enabledUnlessProduction = (flag: 'true' | 'false' | undefined) => (flag ? flag === 'true' : !production);

  const wechat =
    e.WECHAT_APP_ID && e.WECHAT_APP_SECRET
      ? { appId: e.WECHAT_APP_ID, appSecret: e.WECHAT_APP_SECRET, apiBase: e.WECHAT_API_BASE }
      : null;
  const alipay =
    e.ALIPAY_APP_ID && e.ALIPAY_PRIVATE_KEY
      ? {
          appId: e.ALIPAY_APP_ID,
          privateKeyPem: e.ALIPAY_PRIVATE_KEY,
          gateway: e.ALIPAY_GATEWAY,
          alipayPublicKeyPem: e.ALIPAY_PUBLIC_KEY ?? null,
        }
      : null;
  const templates = notificationTemplates(e, { wechat: Boolean(wechat), alipay: Boolean(alipay) }, production);
  if (alipay && !alipay.alipayPublicKeyPem && production)
    throw new ConfigException('ALIPAY_PUBLIC_KEY', "Alipay's public key (PEM), to check the signature of its answers");

  return {
    mode: e.HC_MODE,
    port: e.PORT,
    host: e.HOST,
    database: {
      url: e.DATABASE_URL,
      database: e.DATABASE_URL.split('/').pop() as string,
      poolSize: e.DATABASE_POOL_SIZE,
      flavor: e.DATABASE_FLAVOR,
    },
    redis: {
      url: e.REDIS_URL,
      queuePrefix: e.QUEUE_PREFIX,
      clusterNodes: e.REDIS_CLUSTER_NODES ? parseClusterNodes(e.REDIS_CLUSTER_NODES) : null,
    },
    qrKeys: qrKeys as QrKeyMaterial,
    issuer: {
      id: e.ISSUER_ID,
      region: e.ISSUER_REGION,
      contact: e.ISSUER_CONTACT,
      publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null,
    },
    card: { validityDays: e.CARD_VALIDITY_DAYS, fontPath: e.CARD_FONT_PATH },
    pii: {
      keys: Object.fromEntries(Object.entries(piiKeys).map(([id, k]) => [id, b64(k)])),
      currentKeyId: piiKeyId,
      hmacKey: b64(hmacKey as string),
      ...hmac,
    },
    sessionSecret: b64(sessionSecret as string),
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel: e.LOG_LEVEL,
    staticDirs: { console: e.CONSOLE_DIST, miniapp: e.MINIAPP_DIST },
    workerConcurrency: e.WORKER_CONCURRENCY,
    metrics: { port: e.METRICS_PORT, host: e.METRICS_HOST },
    auditVerifyEveryMinutes: e.AUDIT_VERIFY_EVERY_MINUTES,
    heartbeat: {
      everyMs: e.WORKER_HEARTBEAT_MS,
      staleMs: e.WORKER_HEARTBEAT_STALE_MS,
      workerId: e.WORKER_ID ?? hostname(),
    },
    rescore: { rangeSize: e.RESCORE_RANGE_SIZE, pollMs: e.RESCORE_POLL_MS },
    imports: { maxBytes: e.IMPORT_MAX_BYTES },
    retention: {
      scanDays: e.RETENTION_SCAN_DAYS,
      declarationDays: e.RETENTION_DECLARATION_DAYS,
      appealDays: e.RETENTION_APPEAL_DAYS,
      purgeEveryMinutes: e.RETENTION_PURGE_EVERY_MINUTES,
    },
    audit: { signEveryMinutes: e.AUDIT_SIGN_EVERY_MINUTES },
    // Test suites sign many residents up from one address; they set these explicitly to test the limits.
    rateLimits: {
      staffLoginPerMinute: e.RATE_LIMIT_STAFF_LOGIN_PER_MINUTE ?? (e.HC_MODE === 'test' ? 100_000 : 20),
      hostLoginPerMinute: e.RATE_LIMIT_HOST_LOGIN_PER_MINUTE ?? (e.HC_MODE === 'test' ? 100_000 : 300),
      signUpPerMinute: e.RATE_LIMIT_SIGNUP_PER_MINUTE ?? (e.HC_MODE === 'test' ? 100_000 : 10),
      scanPerMinute: e.RATE_LIMIT_SCAN_PER_MINUTE ?? (e.HC_MODE === 'test' ? 100_000 : 240),
      cardPdfPerMinute: e.RATE_LIMIT_CARD_PDF_PER_MINUTE ?? (e.HC_MODE === 'test' ? 100_000 : 10),
    },
    staffLogin: {
      perAccountPerMinute: e.STAFF_LOGIN_PER_ACCOUNT_PER_MINUTE,
      maxFailures: e.STAFF_LOGIN_MAX_FAILURES,
      lockoutMinutes: e.STAFF_LOCKOUT_MINUTES,
    },
    evidence: evidenceStorageConfig(e),
    appeals: {
      evidenceDir: e.APPEAL_EVIDENCE_DIR,
      firstResponseSeconds: e.APPEAL_FIRST_RESPONSE_SECONDS,
      decisionSeconds: e.APPEAL_DECISION_SECONDS,
      loweringNeedsApproval: e.APPEAL_LOWERING_NEEDS_APPROVAL === 'true',
    },
    notifications: {
      attempts: e.NOTIFY_ATTEMPTS,
      backoffMs: e.NOTIFY_BACKOFF_MS,
      templates,
      wechatMiniprogramState: e.WECHAT_MINIPROGRAM_STATE,
      colorWindowMinutes: e.NOTIFY_COLOR_WINDOW_MINUTES,
      colorDebounceSeconds: e.NOTIFY_COLOR_DEBOUNCE_SECONDS,
    },
    edge: {
      trustedProxies: proxies.entries,
      openApi: enabledUnlessProduction(e.OPENAPI_ENABLED),
      queueBoard: enabledUnlessProduction(e.QUEUE_BOARD_ENABLED),
    },
    staffLookup: {
      perMinute: e.RATE_LIMIT_STAFF_LOOKUP_PER_MINUTE ?? (e.HC_MODE === 'test' ? 100_000 : 30),
    },
    offlineScans: { windowHours: e.OFFLINE_SCAN_WINDOW_HOURS },
    publicStats: {
      suppressBelow: e.STATS_SUPPRESS_BELOW,
      cacheSeconds: e.STATS_CACHE_SECONDS ?? (e.HC_MODE === 'test' ? 0 : 5),
    },
    care: { maxDependants: e.CARE_MAX_DEPENDANTS, maxCarers: e.CARE_MAX_CARERS },
    generatedKeys,
    hostProviders: { dev: !production, wechat, alipay },
  };
}

/** Versions 2.. of the HMAC key: all consecutive, the current one configured, the previous one below it. */
function hmacKeyring(
  layerJson: string | undefined,
  current: number | undefined,
  previous: string | undefined,
): { hmacLayers: Buffer[]; hmacKeyId: number; hmacPreviousKeyId: number | null } {
  const layers: Buffer[] = [];
  if (layerJson) {
    const parsed = parseJson<Record<string, string>>(
      'PII_HMAC_LAYER_KEYS',
      layerJson,
      'JSON {"2": "<base64 32-byte key>", "3": ...}',
    );
    const versions = Object.keys(parsed ?? {})
      .map(Number)
      .sort((a, b) => a - b);
    versions.forEach((v, i) => {
      if (v !== i + 2) throw new ConfigException('PII_HMAC_LAYER_KEYS', 'versions 2, 3, ... without gaps');
      const key = b64(String(parsed[String(v)]));
      if (key.length !== 32) throw new ConfigException('PII_HMAC_LAYER_KEYS', `key "${v}" to be 32 bytes in base64`);
      layers.push(key);
    });
  }
  const highest = layers.length + 1;
  const hmacKeyId = current ?? highest;
  if (hmacKeyId > highest)
    throw new ConfigException('PII_HMAC_KEY_ID', `a configured version (1 to ${highest}); add its key first`);
  const prev = previous === undefined ? hmacKeyId - 1 : previous === 'none' ? 0 : Number(previous);
  if (prev >= hmacKeyId)
    throw new ConfigException('PII_HMAC_PREVIOUS_KEY_ID', `a version below the current one (${hmacKeyId}), or 'none'`);
  return { hmacLayers: layers, hmacKeyId, hmacPreviousKeyId: prev >= 1 ? prev : null };
}
