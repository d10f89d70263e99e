import { getQueueToken } from '@nestjs/bull';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Job, Queue } from 'bull';
import { Logger } from 'nestjs-pino';
import { PassThrough } from 'node:stream';

import { WorkerModule } from '../../src/bootstrap/worker-app';
import type { AppConfig } from '../../src/config/app-config';
import { MAINTENANCE_QUEUE } from '../../src/modules/queue/queue-names.constant';
import type { FakeClock } from './test-app';

export interface TestWorker {
  app: INestApplicationContext;
  logs: () => string;
  maintenance: Queue;
  /** Adds a one-off job to the maintenance queue and waits for the worker to finish it. */
  run<T = unknown>(name: string, data?: object): Promise<T>;
  close: () => Promise<void>;
}

/**
 * The queue worker exactly as `--role=worker` builds it, on a test's database, Redis prefix and fake clock,
 * with its logs captured. Close it before the test app (which drops the database and the Redis prefix).
 */
export async function createTestWorker(config: AppConfig, clock: FakeClock): Promise<TestWorker> {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config, { clock, logDestination: stream }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  await app.init();
  const maintenance = app.get<Queue>(getQueueToken(MAINTENANCE_QUEUE), { strict: false });
  return {
    app,
    logs: () => chunks.join(''),
    maintenance,
    run: async <T>(name: string, data: object = {}) => {
      const job: Job = await maintenance.add(name, data, { attempts: 1 });
      return (await job.finished()) as T;
    },
    close: () => app.close(),
  };
}
