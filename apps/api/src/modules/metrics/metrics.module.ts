import { Global, Module } from '@nestjs/common';

import { MetricsRepository } from './metrics.repository';
import { MetricsService } from './metrics.service';

/** One metrics registry per process (API or worker); served by `startMetricsServer` on METRICS_PORT. */
@Global()
@Module({ providers: [MetricsRepository, MetricsService], exports: [MetricsService] })
export class MetricsModule {}
