import { BullModule, InjectQueue } from '@nestjs/bull';
import { type DynamicModule, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bull';
import { Logger, LoggerModule } from 'nestjs-pino';

import type { AppConfig } from '../config/app-config';
import { CoreModule } from '../core.module';
import type { Clock } from '../modules/clock/clock';
import { AppealWorkerModule } from '../modules/appeal/appeal.module';
import { AuditHeadSignProcessor } from '../modules/audit/audit-head-sign.processor';
import { CheckpointWorkerModule } from '../modules/checkpoint/checkpoint-worker.module';
import { ExpireCodesProcessor } from '../modules/code/expire-codes.processor';
import { WorkerHeartbeat } from '../modules/health/worker-heartbeat.service';
import { AuditChainMonitor } from '../modules/metrics/audit-chain-monitor.service';
import { NotificationWorkerModule } from '../modules/notification/notification.module';
import { JobRequestContext } from '../modules/queue/job-request-context';
import { BullClients, bullClientsProvider, bullOptions } from '../modules/queue/bull-options.util';
import { SecurityWorkerModule } from '../modules/security/security-worker.module';
import { RetentionModule } from '../modules/retention/retention.module';
import { RetentionProcessor } from '../modules/retention/retention.processor';
import { RetentionScheduler } from '../modules/retention/retention.scheduler';
import { EXPIRE_CODES_JOB, MAINTENANCE_QUEUE, SIGN_AUDIT_HEAD_JOB } from '../modules/queue/queue-names.constant';
import { RescoreWorkerModule } from '../modules/rescore/rescore-worker.module';
import { watchQueues } from '../modules/metrics/metrics-server';
import { loggerOptions } from './logger.options';

class MaintenanceScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue,
    private readonly signEveryMinutes: number,
  ) {}

  /** Repeatable jobs are keyed by name and schedule, so every worker may register them: Bull keeps one. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.add(EXPIRE_CODES_JOB, {}, { repeat: { every: 60_000 }, jobId: EXPIRE_CODES_JOB });
    await this.queue.add(
      SIGN_AUDIT_HEAD_JOB,
      {},
      { repeat: { every: this.signEveryMinutes * 60_000 }, jobId: SIGN_AUDIT_HEAD_JOB },
    );
  }
}

@Module({})
export class WorkerModule {
  /** `options` are for tests: a fake clock, and a stream that captures the logs. */
  static forRoot(
    config: AppConfig,
    options: { clock?: Clock; logDestination?: NodeJS.WritableStream } = {},
  ): DynamicModule {
    // Per app: Redis Cluster clients Bull opened, closed at shutdown (Bull leaves them open).
    const bullClients = new BullClients();
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config, options.clock),
        LoggerModule.forRoot(loggerOptions(config.logLevel, options.logDestination)),
        BullModule.forRoot(bullOptions(config, bullClients)),
        BullModule.registerQueue({ name: MAINTENANCE_QUEUE }),
        SecurityWorkerModule,
        RescoreWorkerModule,
        AppealWorkerModule,
        NotificationWorkerModule,
        CheckpointWorkerModule,
        // The generic retention purge (every registered purger: declarations, check-ins, checkpoint scans…).
        RetentionModule,
      ],
      providers: [
        bullClientsProvider(bullClients),
        JobRequestContext,
        WorkerHeartbeat,
        AuditChainMonitor,
        AuditHeadSignProcessor,
        ExpireCodesProcessor,
        RetentionProcessor,
        RetentionScheduler,
        {
          provide: MaintenanceScheduler,
          useFactory: (q: Queue) => new MaintenanceScheduler(q, config.audit.signEveryMinutes),
          inject: ['BullQueue_' + MAINTENANCE_QUEUE],
        },
      ],
    };
  }
}

export async function startWorker(config: AppConfig) {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  watchQueues(app);
  return app;
}
