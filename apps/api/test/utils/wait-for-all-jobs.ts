import type { Job } from 'bull';
import type { DataSource } from 'typeorm';

import type { AppConfig } from '../../src/config/app-config';
import { bufferToUuid } from '../../src/database/uuid-binary.transformer';
import { openQueue } from '../../src/modules/queue/bull-options.util';
import { RESCORE_QUEUE } from '../../src/modules/queue/queue-names.constant';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Below jest's 60 s test timeout (jest.config.cjs), so a stuck queue fails here, with what was stuck, rather than
 * as a bare jest timeout.
 */
export const WAIT_FOR_ALL_JOBS_DEFAULT_MS = 40_000;

interface OpenRun {
  id: Buffer;
  kind: string;
  cause_ref: string | null;
  created_at: Date;
  available_at: Date;
  ranged_at: Date | null;
  dispatched_at: Date | null;
  ranges: string;
  done: string;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** What a timeout reports: every unfinished run with its progress, and every job still in the queue. */
async function describeStuck(queue: Awaited<ReturnType<typeof openQueue>>['queue'], db: DataSource): Promise<string> {
  const runs = (await db.query(
    `SELECT r.id, r.kind, r.cause_ref, r.created_at, r.available_at, r.ranged_at, r.dispatched_at,
            (SELECT COUNT(*) FROM rescore_ranges g WHERE g.run_id = r.id) AS ranges,
            (SELECT COUNT(done_at) FROM rescore_ranges g WHERE g.run_id = r.id) AS done
       FROM rescore_runs r WHERE r.finished_at IS NULL ORDER BY r.created_at`,
  )) as OpenRun[];
  const runLines = runs.map((r) => {
    const state = !r.ranged_at
      ? 'never picked up by a dispatcher (no worker running, or its nudge was dropped: next chance is the outbox poll)'
      : !r.dispatched_at
        ? 'ranges cut but not enqueued'
        : `${r.done}/${r.ranges} ranges done`;
    return `  run ${bufferToUuid(r.id)} ${r.kind} ${r.cause_ref ?? ''} created ${iso(r.created_at)} available ${iso(r.available_at)}: ${state}`;
  });
  const jobs = (await queue.getJobs(['waiting', 'active', 'delayed', 'paused'], 0, 19)) as (Job | null)[];
  const jobLines = await Promise.all(
    jobs
      .filter((j): j is Job => j !== null)
      .map(
        async (j) =>
          `  job ${j.id} ${j.name} ${await j.getState()} attempts ${j.attemptsMade}${j.failedReason ? ` last error: ${j.failedReason}` : ''}`,
      ),
  );
  const failed = (await queue.getFailed(0, 2)).map((j) => `  failed job ${j.id} ${j.name}: ${j.failedReason}`);
  return [
    runs.length ? 'unfinished runs:' : 'no unfinished run',
    ...runLines,
    jobLines.length ? 'jobs still queued (first 20):' : 'no job queued',
    ...jobLines,
    ...failed,
  ].join('\n');
}

/**
 * Waits until the re-scoring queue is empty and every outbox run that may start has finished (as recorded in
 * the database, which is the source of truth, not Redis). On timeout, throws with every unfinished run and every
 * job still queued.
 */
export async function waitForAllJobs(
  config: AppConfig,
  db: DataSource,
  timeoutMs = WAIT_FOR_ALL_JOBS_DEFAULT_MS,
): Promise<void> {
  const { queue, close } = openQueue(config, RESCORE_QUEUE);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const counts = await queue.getJobCounts();
      const [{ open }] = (await db.query(
        'SELECT COUNT(*) AS open FROM rescore_runs WHERE finished_at IS NULL AND available_at <= NOW(3)',
      )) as { open: string }[];
      if (counts.waiting + counts.active + counts.delayed === 0 && Number(open) === 0) return;
      if (Date.now() > deadline) {
        const seen = JSON.stringify({ ...counts, openRuns: Number(open) });
        throw new Error(`waitForAllJobs: still busy after ${timeoutMs} ms: ${seen}\n${await describeStuck(queue, db)}`);
      }
      await sleep(100);
    }
  } finally {
    await close();
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
