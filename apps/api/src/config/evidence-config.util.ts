import type { EvidenceStorageConfig } from './app-config';
import { ConfigException } from './config.exception';
import type { RawEnv } from './env.schema';

/**
 * Where appeal evidence files go. Production must choose (`s3` for object storage, or `local` knowingly, for a
 * single host with a backed-up volume); elsewhere the local disk is the default. S3 needs a bucket and
 * credentials, named here so a wrong deployment fails at boot instead of at the first upload.
 */
export function evidenceStorageConfig(e: RawEnv): EvidenceStorageConfig {
  const storage = e.EVIDENCE_STORAGE ?? (e.HC_MODE === 'production' ? null : 'local');
  if (!storage)
    throw new ConfigException('EVIDENCE_STORAGE', "'s3' (S3-compatible object storage) or 'local' in production");
  if (storage === 'local') return { kind: 'local', dir: e.APPEAL_EVIDENCE_DIR };
  if (!e.S3_BUCKET) throw new ConfigException('S3_BUCKET', 'the bucket for evidence files');
  if (!e.S3_ACCESS_KEY_ID) throw new ConfigException('S3_ACCESS_KEY_ID', 'the access key id of the evidence bucket');
  if (!e.S3_SECRET_ACCESS_KEY)
    throw new ConfigException('S3_SECRET_ACCESS_KEY', 'the secret access key of the evidence bucket');
  return {
    kind: 's3',
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    endpoint: e.S3_ENDPOINT ?? null,
    forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
    accessKeyId: e.S3_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY,
    prefix: e.S3_PREFIX,
  };
}
