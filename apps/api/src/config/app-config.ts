/** The validated, typed configuration every part of the API reads (never `process.env` directly). */
export interface QrKeyMaterial {
  current: JsonWebKeyWithKid;
  previous: JsonWebKeyWithKid | null;
}

export interface JsonWebKeyWithKid {
  kid: string;
  [field: string]: unknown;
}

export interface NotificationTemplates {
  wechat: { appeal: string; color: string } | null;
  alipay: { appeal: string; color: string } | null;
}

export interface AppConfig {
  mode: 'demo' | 'production' | 'test';
  port: number;
  host: string;
  database: { url: string; database: string; poolSize: number; flavor: 'mariadb' | 'mysql' };
  /** `clusterNodes` set: every Redis client is an ioredis Cluster client seeded with these nodes. */
  redis: { url: string; queuePrefix: string; clusterNodes: { host: string; port: number }[] | null };
  qrKeys: QrKeyMaterial;
  /**
   * Mutual recognition: this deployment's issuer id, region and contact, and its public base URL (null: taken
   * from each request's host and protocol, as Fastify reads them behind TRUSTED_PROXIES).
   */
  issuer: { id: string; region: string; contact: string; publicUrl: string | null };
  /** Printed cards: validity in days and the CJK font their PDFs embed (a subset of). */
  card: { validityDays: number; fontPath: string };
  pii: {
    keys: Record<string, Buffer>;
    currentKeyId: string;
    /** HMAC key version 1. */
    hmacKey: Buffer;
    /** Keys of HMAC versions 2, 3, ... in order (each layered on the one before). */
    hmacLayers?: Buffer[];
    /** The HMAC version written now (1 = `hmacKey` alone). */
    hmacKeyId?: number;
    /** A version still matched while a rotation moves rows to `hmacKeyId`; null when none. */
    hmacPreviousKeyId?: number | null;
  };
  sessionSecret: Buffer;
  corsOrigins: string[];
  logLevel: string;
  staticDirs: { console?: string; miniapp?: string };
  workerConcurrency: number;
  /** Prometheus endpoint (`/metrics`) on its own port; port 0 = off. */
  metrics: { port: number; host: string };
  /** The worker re-verifies the audit chain this often (hc_audit_chain_ok). */
  auditVerifyEveryMinutes: number;
  /** The worker's liveness key in Redis: written every `everyMs`, stale (unhealthy) after `staleMs`. */
  heartbeat: { everyMs: number; staleMs: number; workerId: string };
  rescore: { rangeSize: number; pollMs: number };
  imports: { maxBytes: number };
  /** Days each kind of record is kept; the worker purges older ones every `purgeEveryMinutes`. */
  retention: { scanDays: number; declarationDays: number; appealDays: number; purgeEveryMinutes: number };
  audit: { signEveryMinutes: number };
  /** Acting for family members: at most this many dependants per carer and carers per dependant (pending counts). */
  care: { maxDependants: number; maxCarers: number };
  /** Requests per minute (see docs/SECURITY.md); test mode defaults them high unless set. */
  rateLimits: {
    staffLoginPerMinute: number;
    hostLoginPerMinute: number;
    signUpPerMinute: number;
    scanPerMinute: number;
    /** Printed card PDFs per resident or staff member (rendering costs CPU). */
    cardPdfPerMinute: number;
  };
  staffLogin: { perAccountPerMinute: number; maxFailures: number; lockoutMinutes: number };
  evidence: EvidenceStorageConfig;
  appeals: {
    evidenceDir: string;
    firstResponseSeconds: number;
    decisionSeconds: number;
    loweringNeedsApproval: boolean;
  };
  notifications: {
    attempts: number;
    backoffMs: number;
    /** Subscribe-message template ids per host and message kind; null where that host is not configured. */
    templates: NotificationTemplates;
    wechatMiniprogramState: 'formal' | 'trial' | 'developer';
    colorWindowMinutes: number;
    colorDebounceSeconds: number;
  };
  /** Network edge and exposure: trusted proxy CIDRs (none by default), OpenAPI and bull-board switches. */
  edge: { trustedProxies: string[]; openApi: boolean; queueBoard: boolean };
  /** Staff lookups per staff member per minute. */
  staffLookup: { perMinute: number };
  /** Offline scans may be uploaded up to this many hours after their token expired. */
  offlineScans: { windowHours: number };
  /** Public statistics suppress non-green counts below this per region. */
  /** `cacheSeconds`: how long one process reuses a computed answer (STATS_CACHE_SECONDS; 5, 0 in test mode). */
  publicStats: { suppressBelow: number; cacheSeconds: number };
  /** Which secrets were generated for development, so start-up can say so. */
  generatedKeys: string[];
  hostProviders: {
    dev: boolean;
    wechat: { appId: string; appSecret: string; apiBase: string } | null;
    alipay: { appId: string; privateKeyPem: string; gateway: string; alipayPublicKeyPem: string | null } | null;
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export interface S3EvidenceConfig {
  kind: 's3';
  bucket: string;
  region: string;
  /** Null for AWS itself; the store's URL otherwise (MinIO, Ceph…). */
  endpoint: string | null;
  forcePathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  /** Key prefix inside the bucket, ending in '/' (or empty). */
  prefix: string;
}

export type EvidenceStorageConfig = { kind: 'local'; dir: string } | S3EvidenceConfig;
