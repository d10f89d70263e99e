import { BullModule } from '@nestjs/bull';
import { type DynamicModule, type INestApplicationContext, Module, type Provider, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import type { AppConfig } from '../../src/config/app-config';
import { CoreModule } from '../../src/core.module';
import { NotificationModule } from '../../src/modules/notification/notification.module';
import { bullOptions } from '../../src/modules/queue/bull-options.util';
import { BulkSeedIndexesRepository } from '../../src/modules/rescore/bulk-seed-indexes.repository';
import { BulkSeedRepository } from '../../src/modules/rescore/bulk-seed.repository';
import { BulkSeedService } from '../../src/modules/rescore/bulk-seed.service';
import { RangeFactsRepository } from '../../src/modules/rescore/range-facts.repository';
import { RangeScorer } from '../../src/modules/rescore/range-scorer.service';
import { RescoreRunRepository } from '../../src/modules/rescore/rescore-run.repository';
import { deleteRedisPrefix } from './redis-cleanup';
import { createTestDatabase, FakeClock, testConfig } from './test-app';

export interface RescoreContext {
  app: INestApplicationContext;
  config: AppConfig;
  clock: FakeClock;
  /** Closes the context, drops its database and deletes its queue keys. */
  close: () => Promise<void>;
}

/**
 * The re-scoring services (bulk seed, range facts and scorer, runs) on a fresh database with real Redis, as a Nest
 * application context for a medium suite, with what the suite adds (`providers`: the range service or the
 * dispatcher; `imports`: its queue), seeded with `residents` generated residents when given.
 */
export async function createRescoreContext(
  options: {
    residents?: number;
    env?: Record<string, string>;
    clock?: FakeClock;
    imports?: (DynamicModule | Type)[];
    providers?: Provider[];
  } = {},
): Promise<RescoreContext> {
  const db = await createTestDatabase();
  const config = await testConfig(db.url, options.env ?? {});
  const clock = options.clock ?? new FakeClock();
  @Module({
    imports: [
      CoreModule.forRoot(config, clock),
      BullModule.forRoot(bullOptions(config)),
      ...(options.imports ?? []),
      NotificationModule,
    ],
    providers: [
      BulkSeedRepository,
      BulkSeedIndexesRepository,
      BulkSeedService,
      RangeFactsRepository,
      RangeScorer,
      RescoreRunRepository,
      ...(options.providers ?? []),
    ],
  })
  class RescoreMediumModule {}
  const app = await NestFactory.createApplicationContext(RescoreMediumModule, { logger: false });
  if (options.residents) await app.get(BulkSeedService).seed(options.residents);
  return {
    app,
    config,
    clock,
    close: async () => {
      await app.close();
      await db.drop();
      await deleteRedisPrefix(config.redis.url, config.redis.queuePrefix);
    },
  };
}
