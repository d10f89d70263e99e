import { DEFAULT_RULE_SET } from '@healthcode/rules';
import { DataSource } from 'typeorm';

import { createHttpApp } from '../../src/bootstrap/http-app';
import { uuidToBuffer } from '../../src/database/uuid-binary.transformer';
import { CodeRowsRepository } from '../../src/modules/code/code-rows.repository';
import { httpClient } from './http-client';
import {
  buildWorker,
  compareWithReference,
  seedResidents,
  spawnWorker,
  startInProcessWorker,
  type WorkerBuild,
  type WorkerProcess,
} from './rescore-harness';
import { deleteRedisPrefix, keysUnderPrefix } from './redis-cleanup';
import { type RedisClusterHandle, startRedisCluster } from './redis-cluster';
import { newStaff } from './staff.factory';
import { createTestApp, type TestApp } from './test-app';
import { waitForAllJobs, waitForRun } from './wait-for-all-jobs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs a wait; when it fails, the worker's own log is added to the error (what the dispatcher saw and did). */
async function withWorkerOutput<T>(w: WorkerProcess, wait: () => Promise<T>): Promise<T> {
  try {
    return await wait();
  } catch (error) {
    throw new Error(`${(error as Error).message}\nworker output (last 6000 characters):\n${w.output().slice(-6000)}`);
  }
}

export type ResilienceCase = 'worker-sigkill' | 'redis-keys-deleted' | 'two-workers' | 'job-retried';

/**
 * Nothing lost, nothing twice: after each failure the final state of every resident equals a from-scratch
 * evaluation, the colour counters equal an exact recount, and no history row is duplicated. With `cluster`, the
 * API, the workers and the tests' own Redis reads all go through a real 3-master Redis Cluster started for the suite.
 */
export function rescoreResilienceSuite(
  title: string,
  options: { cluster: boolean; cases: ResilienceCase[]; residents?: number; rangeSize?: number },
) {
  const RESIDENTS = options.residents ?? 2000;
  const RANGE_SIZE = options.rangeSize ?? 50;
  // Each case: a worker start (sources transpiled on load), a publish, 2,000 residents re-scored, Bull's stalled-job
  // recovery (lockDuration 15 s) for the SIGKILL case, and the reference comparison.
  const caseTimeoutMs = 300_000;
  const only = (name: ResilienceCase) => (options.cases.includes(name) ? it : it.skip);
  describe(title, () => {
    let cluster: RedisClusterHandle | undefined;
    let t: TestApp;
    let db: DataSource;
    let admin: string;
    let build: WorkerBuild;
    let version = 1;
    const workers: WorkerProcess[] = [];

    beforeAll(async () => {
      cluster = options.cluster ? await startRedisCluster() : undefined;
      t = await createTestApp({
        env: {
          RESCORE_RANGE_SIZE: String(RANGE_SIZE),
          RESCORE_POLL_MS: '100',
          LOG_LEVEL: 'warn',
          ...(cluster ? { REDIS_CLUSTER_NODES: cluster.nodes } : {}),
        },
      });
      expect(t.config.redis.clusterNodes?.length ?? 0).toBe(options.cluster ? 3 : 0);
      db = t.app.get(DataSource);
      await seedResidents(t.config, RESIDENTS);
      admin = (await newStaff(t, 'system-admin', '')).token;
      build = buildWorker();
    }, 300_000);

    // A case that failed half-way must not leave its worker taking the next case's ranges.
    afterEach(async () => {
      const running = workers.filter((w) => w.child.exitCode === null);
      for (const w of running) w.child.kill('SIGKILL');
      await Promise.all(running.map((w) => w.exited));
      await held?.release();
      held = undefined;
    });

    afterAll(async () => {
      for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
      build?.remove();
      await t?.close();
      await cluster?.stop();
    });

    const worker = (env: Record<string, string> = {}) => {
      const w = spawnWorker(build, t.config, {
        WORKER_CONCURRENCY: '1',
        RESCORE_RANGE_SIZE: String(RANGE_SIZE),
        RESCORE_POLL_MS: '100',
        LOG_LEVEL: 'debug',
        ...env,
      });
      workers.push(w);
      return w;
    };
    /** SIGTERM, as `docker stop` sends it: the worker must finish its shutdown by itself, promptly. */
    const stop = async (w: WorkerProcess) => {
      w.child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const hung = new Promise<'hung'>((r) => (timer = setTimeout(() => r('hung'), 20_000)));
      const outcome = await Promise.race([w.exited, hung]);
      clearTimeout(timer);
      if (outcome === 'hung') {
        w.child.kill('SIGKILL');
        throw new Error(`worker did not exit within 20 s of SIGTERM; its output:\n${w.output().slice(-3000)}`);
      }
    };

    /** Publishes the next version, alternately counting and ignoring the current medium-risk region (~30% flip). */
    async function publishFlip(baseUrl = t.baseUrl): Promise<string> {
      version++;
      const http = httpClient(baseUrl);
      const definition = {
        ...DEFAULT_RULE_SET,
        rules: DEFAULT_RULE_SET.rules.map((r) =>
          r.id === 'medium-risk-region'
            ? { ...r, params: { ...r.params, includeCurrentRegion: version % 2 === 0 } }
            : r,
        ),
      };
      const draft = await http.post(
        '/api/v1/admin/rule-sets',
        { definition, changelog: { 'zh-CN': `版本 ${version}`, en: `version ${version}` } },
        admin,
      );
      expect((await http.post(`/api/v1/admin/rule-sets/${draft.body.id}/preview`, undefined, admin)).status).toBe(202);
      const published = await http.post(`/api/v1/admin/rule-sets/${draft.body.id}/publish`, undefined, admin);
      expect(published.body.ruleSet.version).toBe(version);
      return published.body.runId as string;
    }

    /**
     * Holds a write lock on the codes of the upper half of the residents (by primary key) from a transaction of the
     * test's own: a worker re-scores the lower ranges and then waits on the first range it cannot lock, as behind any
     * slow transaction. The failure under test then strikes while ranges are certainly unfinished, however fast the
     * re-score has become; `release` rolls the lock back and the worker goes on.
     */
    let held: { release: () => Promise<void> } | undefined;
    async function holdUpperHalf(): Promise<void> {
      const runner = db.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      const [middle] = (await runner.query(
        'SELECT resident_id AS id FROM resident_codes ORDER BY resident_id LIMIT 1 OFFSET ?',
        [Math.floor(RESIDENTS / 2)],
      )) as { id: Buffer }[];
      await runner.query('SELECT resident_id FROM resident_codes WHERE resident_id >= ? FOR UPDATE', [middle.id]);
      held = {
        release: async () => {
          await runner.rollbackTransaction();
          await runner.release();
        },
      };
    }

    const rangesDone = async (runId: string) =>
      Number(
        (
          (await db.query('SELECT COUNT(done_at) AS n FROM rescore_ranges WHERE run_id = ?', [
            uuidToBuffer(runId),
          ])) as {
            n: string;
          }[]
        )[0].n,
      );

    async function waitForSomeRanges(runId: string, n: number, w?: WorkerProcess): Promise<void> {
      // The worker first runs the preview's ranges (publishFlip previews before it publishes); generous for a
      // loaded 2-core machine, where a worker start alone took 15 s.
      const deadline = Date.now() + 120_000;
      while ((await rangesDone(runId)) < n) {
        if (Date.now() > deadline) throw new Error(`no progress; worker output: ${w?.output().slice(-2000)}`);
        await sleep(10);
      }
    }

    async function expectExact(runId: string): Promise<void> {
      const report = await compareWithReference(t.app);
      expect(report).toEqual({
        residents: RESIDENTS,
        wrong: [],
        missing: [],
        counterMismatches: [],
        duplicateHistory: 0,
      });
      const [{ total, done }] = await db.query(
        'SELECT r.total, (SELECT SUM(residents) FROM rescore_ranges WHERE run_id = r.id AND done_at IS NOT NULL) AS done FROM rescore_runs r WHERE r.id = ?',
        [uuidToBuffer(runId)],
      );
      expect(Number(done)).toBe(Number(total));
      const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM code_history WHERE cause_ref = ?', [
        `rules:${version}`,
      ]);
      expect(Number(n)).toBeGreaterThan(RESIDENTS * 0.15);
    }

    only('worker-sigkill')(
      'a worker killed with SIGKILL mid re-score: a restarted worker finishes it exactly once',
      async () => {
        const a = worker();
        await holdUpperHalf();
        const runId = await publishFlip();
        await waitForSomeRanges(runId, 3, a);
        a.child.kill('SIGKILL');
        await a.exited;
        expect(await rangesDone(runId)).toBeLessThan(RESIDENTS / RANGE_SIZE);
        await held?.release();
        held = undefined;
        const b = worker();
        await waitForRun(db, runId, 90_000);
        await waitForAllJobs(t.config, db, 90_000);
        await stop(b);
        await expectExact(runId);
      },
      caseTimeoutMs,
    );

    only('redis-keys-deleted')(
      'Redis keys deleted mid re-score: the dispatcher re-enqueues the unfinished ranges from the database',
      async () => {
        const w = worker();
        await holdUpperHalf();
        const runId = await publishFlip();
        await waitForSomeRanges(runId, 3, w);
        expect((await keysUnderPrefix(t.config.redis, t.config.redis.queuePrefix)).length).toBeGreaterThan(0);
        await deleteRedisPrefix(t.config.redis, t.config.redis.queuePrefix);
        expect(await rangesDone(runId)).toBeLessThan(RESIDENTS / RANGE_SIZE);
        await held?.release();
        held = undefined;
        await withWorkerOutput(w, () => waitForRun(db, runId, 90_000));
        await waitForAllJobs(t.config, db, 90_000);
        await stop(w);
        await expectExact(runId);
      },
      caseTimeoutMs,
    );

    only('two-workers')(
      'two worker processes share the queue, behind two API processes',
      async () => {
        const secondApi = await createHttpApp(t.config);
        await secondApi.listen({ port: 0, host: '127.0.0.1' });
        const a = worker();
        const b = worker();
        const runId = await publishFlip(
          `http://127.0.0.1:${(secondApi.getHttpServer().address() as { port: number }).port}`,
        );
        const progress = await httpClient(t.baseUrl).get(`/api/v1/rescore/runs/${runId}`, admin);
        expect(progress.status).toBe(200);
        expect(progress.body).toMatchObject({ kind: 'publish', causeRef: `rules:${version}` });
        await secondApi.close();
        await waitForRun(db, runId, 90_000);
        // The second API ran on the real clock; bring the first one's fake clock up to it for the reference evaluation.
        t.clock.set(new Date());
        await waitForAllJobs(t.config, db, 90_000);
        await Promise.all([stop(a), stop(b)]);
        await expectExact(runId);
        const applied = (w: WorkerProcess) =>
          w
            .output()
            .split('\n')
            .filter((l) => l.includes('rescore range done') && l.includes('"applied":true')).length;
        expect(applied(a)).toBeGreaterThan(0);
        expect(applied(b)).toBeGreaterThan(0);
      },
      caseTimeoutMs,
    );

    only('job-retried')(
      'a job that fails is retried by Bull and applied once',
      async () => {
        const w = await startInProcessWorker(t.config);
        const bulk = w.get(CodeRowsRepository, { strict: false });
        const spy = jest
          .spyOn(bulk, 'insertHistory')
          .mockRejectedValueOnce(new Error('injected failure after the code writes'));
        try {
          const runId = await publishFlip();
          await waitForRun(db, runId, 90_000);
          await waitForAllJobs(t.config, db, 90_000);
          // The first attempt failed after writing codes (rolled back); Bull retried it.
          await expect(spy.mock.results[0].value).rejects.toThrow('injected failure');
          expect(spy.mock.calls.length).toBeGreaterThan(1);
          await expectExact(runId);
        } finally {
          await w.close();
        }
      },
      caseTimeoutMs,
    );
  });
}
