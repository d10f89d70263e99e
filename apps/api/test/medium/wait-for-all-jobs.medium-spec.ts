import { randomUUID } from 'node:crypto';

import type { AppConfig } from '../../src/config/app-config';
import { createDataSource } from '../../src/database/data-source.util';
import { uuidToBuffer } from '../../src/database/uuid-binary.transformer';
import { deleteRedisPrefix } from '../utils/redis-cleanup';
import { createTestDatabase, testConfig } from '../utils/test-app';
import { waitForAllJobs, WAIT_FOR_ALL_JOBS_DEFAULT_MS } from '../utils/wait-for-all-jobs';

// The tests' wait helper: it must fail before jest's own timeout, saying what is stuck.
describe('waitForAllJobs (test helper)', () => {
  let drop: () => Promise<void>;
  let config: AppConfig;
  const db = { current: undefined as ReturnType<typeof createDataSource> | undefined };

  beforeAll(async () => {
    const created = await createTestDatabase();
    drop = created.drop;
    config = await testConfig(created.url);
    db.current = createDataSource(created.url, 2);
    await db.current.initialize();
  });

  afterAll(async () => {
    await db.current?.destroy();
    await deleteRedisPrefix(config.redis, config.redis.queuePrefix);
    await drop();
  });

  it('times out before jest (60 s) and names the run no dispatcher picked up', async () => {
    expect(WAIT_FOR_ALL_JOBS_DEFAULT_MS).toBeLessThan(60_000);
    const runId = randomUUID();
    await db.current!.query(
      "INSERT INTO rescore_runs (id, kind, cause, cause_ref, available_at, created_at) VALUES (?, 'facts', 'import', 'import:1', NOW(3), NOW(3))",
      [uuidToBuffer(runId)],
    );
    const started = Date.now();
    const error = await waitForAllJobs(config, db.current!, 1_000).then(
      () => null,
      (e: Error) => e,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error?.message).toContain('still busy after 1000 ms');
    expect(error?.message).toContain(`run ${runId} facts import:1`);
    expect(error?.message).toContain('never picked up by a dispatcher');
    expect(error?.message).toContain('no job queued');
  });
});
