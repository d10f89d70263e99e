import { z } from 'zod';

import { DEFAULT_RETENTION_DAYS } from './retention-defaults.constant';

/**
 * Every setting the API and worker read, validated once at boot. Demo mode (the default for `npm start`)
 * fills development defaults; production mode demands every secret explicitly.
 */
const base64Key = (bytes: number) =>
  z.string().refine((v) => Buffer.from(v, 'base64').length === bytes, `a base64 string of exactly ${bytes} bytes`);

export const EnvSchema = z.object({
  HC_MODE: z.enum(['demo', 'production', 'test'], { error: "one of 'demo', 'production' or 'test'" }).default('demo'),
  PORT: z.coerce.number({ error: 'a TCP port number' }).int().min(1).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^mysql:\/\/[^/]+\/[A-Za-z0-9_]+$/, 'a URL like mysql://user:password@127.0.0.1:3306/healthcode')
    .default('mysql://root@127.0.0.1:3306/healthcode'),
  /** Which server speaks at DATABASE_URL: the schema is the same; TypeORM reads column defaults differently. */
  DATABASE_FLAVOR: z.enum(['mariadb', 'mysql'], { error: "'mariadb' or 'mysql'" }).default('mariadb'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'a URL like redis://127.0.0.1:6379')
    .default('redis://127.0.0.1:6379'),
  /**
   * Redis Cluster seed nodes, e.g. `10.0.0.1:6379,10.0.0.2:6379`: when set, every Redis use (queues, rate limits,
   * locks, caches, the worker heartbeat) goes through an ioredis Cluster client instead of REDIS_URL.
   */
  REDIS_CLUSTER_NODES: z
    .string()
    .regex(
      /^\s*[^\s,:]+:\d{1,5}\s*(,\s*[^\s,:]+:\d{1,5}\s*)*$/,
      'a comma-separated list like 10.0.0.1:6379,10.0.0.2:6379',
    )
    .optional(),
  /** Queue key prefix; the braces make it a Redis Cluster hash tag so all of a queue's keys share a slot. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^\{[A-Za-z0-9:_-]+\}$/, 'a hash-tagged prefix such as {hc}')
    .default('{hc}'),
  /** This deployment's issuer id (the `iss` of its code tokens) for mutual recognition: e.g. cn-33. */
  ISSUER_ID: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,31}$/, 'an issuer id such as cn-33: 2 to 32 lowercase letters, digits, "-"')
    .default('cn-33'),
  /** The region the issuer serves (GB/T 2260 prefix or another code), shown next to the colour at peers' checkpoints. */
  ISSUER_REGION: z
    .string()
    .regex(/^[A-Za-z0-9-]{2,16}$/, 'a region code such as 33')
    .default('33'),
  /** How peers reach this deployment's operators (e-mail or URL), published in the issuer document. */
  ISSUER_CONTACT: z.string().min(3).max(200).default('ops@healthcode.invalid'),
  /** The public base URL (https://hc.example.gov.cn) the issuer document points peers to; required in production. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'an http(s) base URL such as https://hc.example.gov.cn' })
    .optional(),
  /** How long a printed card (issue #19) is valid, in days. */
  CARD_VALIDITY_DAYS: z.coerce.number().int().min(1).max(366).default(90),
  /** A font with CJK glyphs for printed cards (a .ttc/.otf/.ttf; Debian's fonts-noto-cjk by default). */
  CARD_FONT_PATH: z.string().min(1).default('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
  /** JSON key ring for QR tokens: {"current": <private JWK>, "previous": <private JWK> | null}. */
  QR_SIGNING_KEYS: z.string().optional(),
  /** JSON map of key id to base64 AES-256 key, e.g. {"k1":"..."}; the last entry of PII_KEY_ID is current. */
  PII_ENCRYPTION_KEYS: z.string().optional(),
  PII_KEY_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,16}$/, 'a short key id such as k1')
    .optional(),
  PII_HMAC_KEY: base64Key(32).optional(),
  /**
   * HMAC key versions after the first, as JSON {"2": "<base64 32-byte key>", ...}. Version n's HMAC is the HMAC
   * under key n of version n-1's HMAC (version 1 is under PII_HMAC_KEY), so stored HMACs re-key without the plain
   * values (see docs/SECURITY.md, Keys).
   */
  PII_HMAC_LAYER_KEYS: z.string().optional(),
  /** The HMAC key version written now; defaults to the highest configured. */
  PII_HMAC_KEY_ID: z.coerce.number({ error: 'a key version number (1, 2, ...)' }).int().min(1).max(250).optional(),
  /**
   * The version also matched while `npm run hmac:rotate` moves rows (defaults to the one before the current);
   * `none` once a rotation reported nothing left.
   */
  PII_HMAC_PREVIOUS_KEY_ID: z
    .string()
    .regex(/^(none|[1-9][0-9]{0,2})$/, "a key version number, or 'none'")
    .optional(),
  SESSION_SECRET: base64Key(32).optional(),
  CORS_ORIGINS: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CONSOLE_DIST: z.string().optional(),
  MINIAPP_DIST: z.string().optional(),
  DEV_KEYS_FILE: z.string().default('.healthcode/dev-keys.json'),
  /** Prometheus `/metrics` on its own port (never the public one); 0 = off. Containers set 9464 on 0.0.0.0. */
  METRICS_PORT: z.coerce.number({ error: 'a TCP port number, or 0 for off' }).int().min(0).max(65535).default(0),
  METRICS_HOST: z.string().default('127.0.0.1'),
  /** How often the worker re-verifies the audit chain for the hc_audit_chain_ok metric. */
  AUDIT_VERIFY_EVERY_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  /** The worker writes a heartbeat key this often; health checks call it stale after WORKER_HEARTBEAT_STALE_MS. */
  WORKER_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  WORKER_HEARTBEAT_STALE_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  /** Names this worker's heartbeat; defaults to the host name (a container's id under Docker). */
  WORKER_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash or underscore (at most 64)')
    .optional(),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Residents per re-scoring job, and how often the worker's dispatcher polls the outbox. */
  RESCORE_RANGE_SIZE: z.coerce.number().int().min(10).max(5000).default(2000),
  RESCORE_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Largest authority CSV upload accepted. */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(64 * 1024 * 1024),
  /** Host app credentials: required in production for the providers that are enabled. */
  WECHAT_APP_ID: z.string().optional(),
  WECHAT_APP_SECRET: z.string().optional(),
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  ALIPAY_APP_ID: z.string().optional(),
  ALIPAY_PRIVATE_KEY: z.string().optional(),
  /** Alipay's public key (PEM): checks the RSA2 signature of every gateway answer; required in production with Alipay. */
  ALIPAY_PUBLIC_KEY: z.string().optional(),
  ALIPAY_GATEWAY: z.string().url().default('https://openapi.alipay.com/gateway.do'),
  /** Retention in days: checkpoint scans, declarations (and daily check-ins), closed appeals with their evidence. */
  RETENTION_SCAN_DAYS: z.coerce.number().int().min(1).max(3650).default(DEFAULT_RETENTION_DAYS.scanDays),
  RETENTION_DECLARATION_DAYS: z.coerce.number().int().min(1).max(3650).default(DEFAULT_RETENTION_DAYS.declarationDays),
  RETENTION_APPEAL_DAYS: z.coerce.number().int().min(1).max(3650).default(DEFAULT_RETENTION_DAYS.appealDays),
  /** How often the worker's purge job runs. */
  RETENTION_PURGE_EVERY_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  /** How often the worker signs the audit chain head (audit_head_signatures). */
  AUDIT_SIGN_EVERY_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  /** Requests per minute: staff and host login per client IP, sign-up per resident, scans per checkpoint operator. */
  RATE_LIMIT_STAFF_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).optional(),
  RATE_LIMIT_HOST_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).optional(),
  RATE_LIMIT_SIGNUP_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).optional(),
  RATE_LIMIT_SCAN_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).optional(),
  RATE_LIMIT_CARD_PDF_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).optional(),
  /** Staff login: attempts per account per minute, failures before a lock, and how long the lock lasts. */
  STAFF_LOGIN_PER_ACCOUNT_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
  STAFF_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  STAFF_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Appeals: evidence files on disk (named by sha256), default deadlines (per-region rows in appeal_region_policies win). */
  APPEAL_EVIDENCE_DIR: z.string().default('.healthcode/evidence'),
  /** Evidence storage: 's3' (any S3-compatible store) or 'local' (APPEAL_EVIDENCE_DIR); production must choose. */
  EVIDENCE_STORAGE: z.enum(['local', 's3'], { error: "'s3' or 'local'" }).optional(),
  S3_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'an http(s) URL such as https://s3.example.com (leave unset for AWS)' })
    .optional(),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{2,32}$/, 'a region name such as us-east-1')
    .default('us-east-1'),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'a bucket name: 3 to 63 lowercase letters, digits, dots, hyphens')
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).max(256).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).max(256).optional(),
  /** Path-style URLs (bucket in the path): what MinIO and most self-hosted stores need. */
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
  S3_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9_-]+\/)*$/, "a key prefix ending in '/', such as evidence/")
    .default('evidence/'),
  APPEAL_FIRST_RESPONSE_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 86400)
    .default(24 * 3600),
  APPEAL_DECISION_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(90 * 86400)
    .default(72 * 3600),
  /** Whether lowering a colour on appeal needs a supervisor's approval where no region policy says otherwise. */
  APPEAL_LOWERING_NEEDS_APPROVAL: z.enum(['true', 'false']).default('true'),
  /** Resident notifications: send attempts and the first retry delay (doubling), subscription-message template ids. */
  NOTIFY_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  NOTIFY_BACKOFF_MS: z.coerce.number().int().min(1).max(3_600_000).default(5000),
  /** Subscribe-message template ids from the WeChat admin console / Alipay merchant console (production: required
   * when that host is configured). The mini-program asks the resident to subscribe to the same ids. */
  WECHAT_APPEAL_TEMPLATE_ID: z.string().max(128).optional(),
  WECHAT_COLOR_TEMPLATE_ID: z.string().max(128).optional(),
  ALIPAY_APPEAL_TEMPLATE_ID: z.string().max(128).optional(),
  ALIPAY_COLOR_TEMPLATE_ID: z.string().max(128).optional(),
  /** WeChat `miniprogram_state` of the page a message opens: formal (released), trial or developer. */
  WECHAT_MINIPROGRAM_STATE: z.enum(['formal', 'trial', 'developer']).default('formal'),
  /** Colour-change messages: at most one per resident per this many minutes, carrying the latest colour. */
  NOTIFY_COLOR_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  /** A colour change waits this long before it is sent, so one re-score's several steps make one message. */
  NOTIFY_COLOR_DEBOUNCE_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
  /** Network edge (docs/SECURITY.md, "Deployment"): proxies allowed to set X-Forwarded-For (addresses/CIDRs). */
  TRUSTED_PROXIES: z.string().default(''),
  /** The OpenAPI document and explorer, and bull-board: on outside production, off in production unless 'true'. */
  OPENAPI_ENABLED: z.enum(['true', 'false']).optional(),
  QUEUE_BOARD_ENABLED: z.enum(['true', 'false']).optional(),
  /** Staff lookups per staff member per minute. */
  RATE_LIMIT_STAFF_LOOKUP_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).optional(),
  /** Offline scan batches: how long after a token's expiry a scan of it may still be uploaded. */
  OFFLINE_SCAN_WINDOW_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  /** Public statistics: non-green counts below this are shown as "fewer than N" per region. */
  STATS_SUPPRESS_BELOW: z.coerce.number().int().min(1).max(1000).default(10),
  /** Public statistics: how long one process reuses a computed answer (per region, days and day); 0 turns it off. */
  STATS_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).optional(),
  /** Acting for family members: how many dependants one carer may have, and how many carers one dependant. */
  CARE_MAX_DEPENDANTS: z.coerce.number().int().min(1).max(50).default(5),
  CARE_MAX_CARERS: z.coerce.number().int().min(1).max(10).default(2),
});

export type RawEnv = z.infer<typeof EnvSchema>;
