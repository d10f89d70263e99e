/**
 * `npm run -w @healthcode/api keys:reencrypt [-- --wait]`: enqueues a run of the PII re-encryption job,
 * which moves every sealed value to the current PII_KEY_ID in batches (the worker also starts one by itself
 * the first time it runs under a new key). With --wait, prints the report when the worker is done.
 */
import 'reflect-metadata';

import { loadConfig } from '../config/load-config';
import { wallClock } from '../modules/clock/wall-clock';
import { PII_REENCRYPT_JOB, reencryptJobId } from '../modules/security/pii-reencryption.constant';
import { openQueue } from '../modules/queue/bull-options.util';
import { MAINTENANCE_QUEUE } from '../modules/queue/queue-names.constant';

async function main(): Promise<void> {
  const config = await loadConfig(process.env);
  // REDIS_CLUSTER_NODES or REDIS_URL, as the worker connects.
  const { queue, close } = openQueue(config, MAINTENANCE_QUEUE);
  try {
    const keyId = config.pii.currentKeyId;
    const job = await queue.add(
      PII_REENCRYPT_JOB,
      { keyId },
      {
        jobId: `${reencryptJobId(keyId)}:manual:${wallClock.now().getTime()}`,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
      },
    );
    console.log(
      `[healthcode] keys:reencrypt: job ${job.id} queued (target key ${keyId}); a running worker picks it up`,
    );
    if (process.argv.includes('--wait'))
      console.log(`[healthcode] keys:reencrypt: done ${JSON.stringify(await job.finished())}`);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(`[healthcode] keys:reencrypt: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
