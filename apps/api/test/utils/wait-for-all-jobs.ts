import Bull from 'bull';
import type { DataSource } from 'typeorm';

import type { AppConfig } from '../../src/config/app-config';
import { BullClients, bullOptions } from '../../src/modules/queue/bull-options.util';
import { RESCORE_QUEUE } from '../../src/modules/queue/queue-names.constant';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the re-scoring queue is empty and every outbox run that may start has finished (as recorded in
 * the database, which is the source of truth, not Redis). Throws with the state it saw on timeout.
 */
export async function waitForAllJobs(config: AppConfig, db: DataSource, timeoutMs = 60_000): Promise<void> {
  // Bull leaves Cluster clients from createClient open: close them with the queue.
  const clients = new BullClients();
  const { createClient } = bullOptions(config, clients);
  const queue = createClient
    ? new Bull(RESCORE_QUEUE, { prefix: config.redis.queuePrefix, createClient } as Bull.QueueOptions)
    : new Bull(RESCORE_QUEUE, config.redis.url, { prefix: config.redis.queuePrefix });
  const deadline = Date.now() + timeoutMs;
  let seen = '';
  try {
    for (;;) {
      const counts = await queue.getJobCounts();
      const [{ open }] = (await db.query(
        'SELECT COUNT(*) AS open FROM rescore_runs WHERE finished_at IS NULL AND available_at <= NOW(3)',
      )) as { open: string }[];
      seen = JSON.stringify({ ...counts, openRuns: Number(open) });
      if (counts.waiting + counts.active + counts.delayed === 0 && Number(open) === 0) return;
      if (Date.now() > deadline) throw new Error(`waitForAllJobs: still busy after ${timeoutMs} ms: ${seen}`);
      await sleep(100);
    }
  } finally {
    await queue.close();
    clients.onApplicationShutdown();
  }
}

/** Waits until one run has finished. */
export async function waitForRun(db: DataSource, runId: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = (await db.query('SELECT finished_at FROM rescore_runs WHERE id = UNHEX(REPLACE(?, "-", ""))', [
      runId,
    ])) as { finished_at: Date | null }[];
    if (row?.finished_at) return;
    if (Date.now() > deadline) throw new Error(`waitForRun: run ${runId} not finished after ${timeoutMs} ms`);
    await sleep(100);
  }
}
