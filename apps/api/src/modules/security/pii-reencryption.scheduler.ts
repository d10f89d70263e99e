import { getQueueToken } from '@nestjs/bull';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bull';

import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { MAINTENANCE_QUEUE } from '../queue/queue-names.constant';
import { PII_REENCRYPT_JOB, reencryptJobId } from './pii-reencryption.constant';

/**
 * A new PII_KEY_ID takes effect when processes restart; the first worker to start under it enqueues one
 * re-encryption run for that key (the job id dedupes it across workers and restarts). `npm run
 * keys:reencrypt` enqueues another run by hand.
 */
@Injectable()
export class PiiReencryptionScheduler implements OnApplicationBootstrap {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly crypto: PiiCryptoService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const queue = this.moduleRef.get<Queue>(getQueueToken(MAINTENANCE_QUEUE), { strict: false });
    const keyId = this.crypto.currentKeyId;
    await queue.add(PII_REENCRYPT_JOB, { keyId }, { jobId: reencryptJobId(keyId) });
  }
}
