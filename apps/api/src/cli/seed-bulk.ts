/**
 * Generates N residents (default 1,000,000) with realistic, deterministic declarations over real GB/T 2260
 * districts, each with a scored code, using multi-row INSERTs. Usage:
 *   node dist/apps/api/src/cli/seed-bulk.js [--residents N] [--seed S]
 * Adds to whatever is there; prints nothing personal.
 */
import 'reflect-metadata';

import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { loadConfig } from '../config/load-config';
import { CoreModule } from '../core.module';
import { BulkSeedRepository } from '../modules/rescore/bulk-seed.repository';
import { BulkSeedService } from '../modules/rescore/bulk-seed.service';
import { RangeFactsRepository } from '../modules/rescore/range-facts.repository';
import { RangeScorer } from '../modules/rescore/range-scorer.service';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name}: expected a whole number, got ${raw}`);
  return n;
}

async function main(): Promise<void> {
  const residents = flag('residents', 1_000_000);
  const seed = flag('seed', 2020);
  const config = await loadConfig(process.env);
  @Module({
    imports: [CoreModule.forRoot(config)],
    providers: [BulkSeedRepository, BulkSeedService, RangeFactsRepository, RangeScorer],
  })
  class SeedModule {}
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const started = performance.now();
    let last = 0;
    await app.get(BulkSeedService).seed(residents, {
      seed,
      onProgress: (done) => {
        if (done - last >= 100_000 || done === residents) {
          last = done;
          console.log(
            `[healthcode] seed-bulk: ${done}/${residents} residents (${Math.round(done / ((performance.now() - started) / 1000))}/s)`,
          );
        }
      },
    });
    console.log(
      `[healthcode] seed-bulk: ${residents} residents in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(`[healthcode] seed-bulk: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
