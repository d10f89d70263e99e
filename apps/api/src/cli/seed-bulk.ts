/**
 * Generates N residents (default 1,000,000) with realistic, deterministic declarations over real GB/T 2260
 * districts, each with a scored code, with `LOAD DATA LOCAL` (multi-row INSERTs where the server's `local_infile`
 * is off; the seed never turns it on). Usage:
 *   node dist/apps/api/src/cli/seed-bulk.js [--residents N] [--seed S] [--workers W] [--offset O]
 * W processes (default 2) seed disjoint slices of the N; each batch moves the colour counters with its codes.
 * On a fresh database the seeded tables' secondary indexes are built once at the end: seed before the API starts
 * taking sign-ups (the bench and the backup check do).
 * Adds to whatever is there; re-running the same command completes an interrupted seed and otherwise writes
 * nothing. Prints nothing personal.
 */
import 'reflect-metadata';

import { fork } from 'node:child_process';

import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { loadConfig } from '../config/load-config';
import { CoreModule } from '../core.module';
import { BulkSeedRepository } from '../modules/rescore/bulk-seed.repository';
import { BulkSeedIndexesRepository } from '../modules/rescore/bulk-seed-indexes.repository';
import { BulkSeedService, SEED_BATCH } from '../modules/rescore/bulk-seed.service';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name}: expected a whole number, got ${raw}`);
  return n;
}

/** Slices of [offset, offset + residents) for `workers` processes, cut on batch boundaries. */
function slices(offset: number, residents: number, workers: number): { offset: number; count: number }[] {
  const batches = Math.ceil(residents / SEED_BATCH);
  const per = Math.ceil(batches / workers) * SEED_BATCH;
  const out: { offset: number; count: number }[] = [];
  for (let start = offset; start < offset + residents; start += per)
    out.push({ offset: start, count: Math.min(per, offset + residents - start) });
  return out;
}

function runChild(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, args, { stdio: 'inherit', execArgv: process.execArgv });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`a seeding process exited with ${code ?? signal}`)),
    );
  });
}

/** One process's share: its slice. */
async function seedSlice(
  service: BulkSeedService,
  residents: number,
  offset: number,
  seed: number,
  fresh: boolean,
): Promise<void> {
  const started = performance.now();
  let last = 0;
  const { skipped } = await service.seed(residents, {
    seed,
    offset,
    fresh,
    onProgress: (done) => {
      if (done - last >= 100_000 || done === residents) {
        last = done;
        const rate = Math.round(done / ((performance.now() - started) / 1000));
        console.log(`[healthcode] seed-bulk: ${offset}+${done}/${residents} residents (${rate}/s)`);
      }
    },
  });
  if (skipped > 0) console.log(`[healthcode] seed-bulk: ${skipped} residents were there already (skipped)`);
}

async function main(): Promise<void> {
  const residents = flag('residents', 1_000_000);
  const seed = flag('seed', 2020);
  const offset = flag('offset', 0);
  const workers = Math.max(1, flag('workers', 2));
  const child = process.argv.includes('--child');
  const config = await loadConfig(process.env);
  @Module({
    imports: [CoreModule.forRoot(config)],
    providers: [BulkSeedRepository, BulkSeedIndexesRepository, BulkSeedService],
  })
  class SeedModule {}
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  const service = app.get(BulkSeedService);
  try {
    const started = performance.now();
    if (child) {
      await seedSlice(service, residents, offset, seed, process.argv.includes('--fresh'));
      return;
    }
    await service.prepare();
    const deferred = await service.deferIndexes();
    const fresh = deferred !== null;
    try {
      if (workers === 1) await seedSlice(service, residents, offset, seed, fresh);
      else {
        const args = (p: { offset: number; count: number }) => [
          '--child',
          ...(fresh ? ['--fresh'] : []),
          ...['--residents', String(p.count), '--offset', String(p.offset), '--seed', String(seed)],
        ];
        await Promise.all(slices(offset, residents, workers).map((p) => runChild(args(p))));
      }
    } finally {
      if (deferred) {
        const t = performance.now();
        await service.restoreIndexes(deferred);
        console.log(
          `[healthcode] seed-bulk: ${deferred.length} secondary indexes built in ${((performance.now() - t) / 1000).toFixed(1)} s`,
        );
      }
    }
    console.log(
      `[healthcode] seed-bulk: ${residents} residents in ${((performance.now() - started) / 1000).toFixed(1)} s (${workers} process${workers > 1 ? 'es' : ''}${fresh ? ', indexes built at the end' : ''})`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(`[healthcode] seed-bulk: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
