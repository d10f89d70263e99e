import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';

import type { S3EvidenceConfig } from '../../config/app-config';
import { EvidenceStorage } from './evidence-storage.port';

function notFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata?.httpStatusCode === 404)
  );
}

/** Production adapter: any S3-compatible object store (AWS S3, MinIO, Ceph RGW, OSS/COS in S3 mode). */
export class S3EvidenceStorage extends EvidenceStorage {
  private readonly client: S3Client;

  constructor(private readonly config: S3EvidenceConfig) {
    super();
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint ?? undefined,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    });
  }

  async check(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket }));
    } catch (error) {
      const status = (error as S3ServiceException).$metadata?.httpStatusCode;
      throw new Error(
        `Evidence storage: bucket "${this.config.bucket}" is not usable (${status ?? (error as Error).name}); ` +
          'check S3_ENDPOINT, S3_BUCKET and the credentials',
      );
    }
  }

  async put(name: string, bytes: Buffer): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: this.key(name),
        Body: bytes,
        ContentType: 'application/octet-stream',
      }),
    );
  }

  async get(name: string): Promise<Buffer | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.key(name) }));
      return out.Body ? Buffer.from(await out.Body.transformToByteArray()) : null;
    } catch (error) {
      if (notFound(error)) return null;
      throw error;
    }
  }

  async exists(name: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.key(name) }));
      return true;
    } catch (error) {
      if (notFound(error)) return false;
      throw error;
    }
  }

  async remove(name: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.key(name) }));
  }

  private key(name: string): string {
    if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(name)) throw new Error('not an evidence object name');
    return `${this.config.prefix}${name}`;
  }
}
