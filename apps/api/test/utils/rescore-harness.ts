import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';

import { startWorker } from '../../src/bootstrap/worker-app';
import type { AppConfig } from '../../src/config/app-config';
import { CoreModule } from '../../src/core.module';
import { bufferToUuid } from '../../src/database/uuid-binary.transformer';
import { CodeService } from '../../src/modules/code/code.service';
import { storedCodeJson } from '../../src/modules/code/stored-code.util';
import { ColorCountsRepository } from '../../src/modules/color-counts/color-counts.repository';
import { RulesService } from '../../src/modules/rules/rules.service';
import { BulkSeedRepository } from '../../src/modules/rescore/bulk-seed.repository';
import { BulkSeedIndexesRepository } from '../../src/modules/rescore/bulk-seed-indexes.repository';
import { BulkSeedService } from '../../src/modules/rescore/bulk-seed.service';
import { RangeFactsRepository } from '../../src/modules/rescore/range-facts.repository';
import { RangeScorer } from '../../src/modules/rescore/range-scorer.service';

const API_ROOT = resolve(__dirname, '../..');

/** A context with the bulk seeder over the test database (same config, same keys). */
export async function seedContext(config: AppConfig): Promise<INestApplicationContext> {
  @Module({
    imports: [CoreModule.forRoot(config)],
    providers: [BulkSeedRepository, BulkSeedIndexesRepository, BulkSeedService, RangeFactsRepository, RangeScorer],
  })
  class SeedModule {}
  return NestFactory.createApplicationContext(SeedModule, { logger: false });
}

export async function seedResidents(config: AppConfig, count: number, offset = 0): Promise<void> {
  const ctx = await seedContext(config);
  try {
    await ctx.get(BulkSeedService).seed(count, { offset });
  } finally {
    await ctx.close();
  }
}

/** An in-process worker (same code as `--role=worker`), for tests that patch a provider. */
export function startInProcessWorker(config: AppConfig): Promise<INestApplicationContext> {
  return startWorker(config);
}

/**
 * How to start the worker from the API's sources: `node -r ts-require-hook.cjs src/main.ts` (swc, the options jest
 * uses, @healthcode/* mapped to the library sources). Compiling the whole API with tsc first took one to two
 * minutes on a loaded 2-core machine; transpiling on load takes a second or two per worker start.
 */
export function buildWorker(): WorkerBuild {
  return {
    main: join(API_ROOT, 'src/main.ts'),
    preload: join(API_ROOT, 'test/utils/ts-require-hook.cjs'),
    remove: () => undefined,
  };
}

export interface WorkerBuild {
  main: string;
  preload: string;
  remove: () => void;
}

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Spawns `node main.js --role=worker` with the test's database and queue prefix. */
export function spawnWorker(build: WorkerBuild, config: AppConfig, env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ['-r', build.preload, build.main, '--role=worker'], {
    cwd: API_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HC_MODE: 'test',
      DATABASE_URL: config.database.url,
      REDIS_URL: config.redis.url,
      QUEUE_PREFIX: config.redis.queuePrefix,
      ...(config.redis.clusterNodes
        ? { REDIS_CLUSTER_NODES: config.redis.clusterNodes.map((n) => `${n.host}:${n.port}`).join(',') }
        : {}),
      DEV_KEYS_FILE: join(tmpdir(), `hc-worker-keys-${process.pid}.json`),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

export interface ReferenceReport {
  residents: number;
  wrong: string[];
  missing: string[];
  counterMismatches: string[];
  duplicateHistory: number;
}

/**
 * Compares every resident's stored code with a from-scratch evaluation through the per-resident path
 * (CodeService.evaluate), the colour counters with an exact recount, and checks no history row is duplicated.
 */
export async function compareWithReference(app: INestApplicationContext): Promise<ReferenceReport> {
  const db = app.get(DataSource);
  const codes = app.get(CodeService);
  app.get(RulesService).invalidate();
  const residents: { id: Buffer }[] = await db.query(
    'SELECT id FROM residents WHERE consent_version IS NOT NULL AND deleted_at IS NULL ORDER BY id',
  );
  const stored = new Map<string, { color: string; reasons: string; green_at: string | null }>(
    (
      (await db.query('SELECT resident_id, color, reasons, green_at FROM resident_codes')) as {
        resident_id: Buffer;
        color: string;
        reasons: unknown;
        green_at: string | null;
      }[]
    ).map((r) => [
      bufferToUuid(r.resident_id),
      {
        color: r.color,
        reasons: typeof r.reasons === 'string' ? r.reasons : JSON.stringify(r.reasons),
        green_at: r.green_at,
      },
    ]),
  );
  const wrong: string[] = [];
  const missing: string[] = [];
  // Four lanes: each evaluation is a handful of small queries, so the time is round trips, not work.
  let next = 0;
  const lane = async () => {
    while (next < residents.length) {
      const residentId = bufferToUuid(residents[next++].id);
      const ref = await codes.evaluate(residentId);
      const row = stored.get(residentId);
      if (!row) missing.push(residentId);
      else if (
        !ref ||
        row.color !== ref.evaluation.color ||
        row.green_at !== ref.evaluation.greenAt ||
        row.reasons !== storedCodeJson(ref.evaluation).reasonsJson
      )
        wrong.push(residentId);
    }
  };
  await Promise.all([lane(), lane(), lane(), lane()]);
  const exact: { region: string; color: string; n: string }[] = await db.query(
    'SELECT region, color, COUNT(*) AS n FROM resident_codes GROUP BY region, color',
  );
  const expected = new Map<string, number>();
  for (const r of exact)
    for (const level of ['', r.region.slice(0, 2), r.region.slice(0, 4), r.region].filter(
      (v, i, a) => a.indexOf(v) === i,
    )) {
      expected.set(`${level}|${r.color}`, (expected.get(`${level}|${r.color}`) ?? 0) + Number(r.n));
    }
  // Folded counters and outbox rows not folded yet, summed in one statement: what the statistics read.
  const counters = (await app.get(ColorCountsRepository).all()).filter((c) => c.count !== 0);
  const counterMismatches: string[] = [];
  const seen = new Set<string>();
  for (const c of counters) {
    const key = `${c.region}|${c.color}`;
    seen.add(key);
    if (expected.get(key) !== Number(c.count))
      counterMismatches.push(`${key}: ${c.count} != ${expected.get(key) ?? 0}`);
  }
  for (const [key, n] of expected) if (!seen.has(key)) counterMismatches.push(`${key}: missing, expected ${n}`);
  const [{ dup }] = (await db.query(
    'SELECT COUNT(*) AS dup FROM (SELECT resident_id FROM code_history GROUP BY resident_id, cause, cause_ref HAVING COUNT(*) > 1) t',
  )) as { dup: string }[];
  return { residents: residents.length, wrong, missing, counterMismatches, duplicateHistory: Number(dup) };
}
