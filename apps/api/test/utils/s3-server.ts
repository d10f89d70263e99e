import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import S3rver from 's3rver';

import type { S3EvidenceConfig } from '../../src/config/app-config';

export interface TestS3 {
  config: S3EvidenceConfig;
  /** The environment that points the API at this server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A real S3-protocol server (s3rver, in this process, on a free port) with one empty bucket. The adapter talks
 * to it over HTTP exactly as it talks to MinIO or AWS.
 */
export async function startTestS3(bucket = 'hc-evidence'): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), 'hc-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const config: S3EvidenceConfig = {
    kind: 's3',
    bucket,
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    prefix: 'evidence/',
  };
  return {
    config,
    env: {
      EVIDENCE_STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
