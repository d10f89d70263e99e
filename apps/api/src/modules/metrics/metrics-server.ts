import { createServer, type Server } from 'node:http';

import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bull';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bull';

import type { AppConfig } from '../../config/app-config';
import * as QUEUE_CONSTANTS from '../queue/queue-names.constant';
import { MetricsService } from './metrics.service';

const QUEUE_NAMES = Object.entries(QUEUE_CONSTANTS)
  .filter(([key]) => key.endsWith('_QUEUE'))
  .map(([, name]) => name as string);

/** Watches every Bull queue this process registered (depths on scrape, durations of the jobs it runs). */
export function watchQueues(app: INestApplicationContext): void {
  const metrics = app.get(MetricsService);
  const moduleRef = app.get(ModuleRef);
  for (const name of QUEUE_NAMES) {
    try {
      metrics.watchQueue(moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    } catch {
      // not registered in this process
    }
  }
}

/**
 * `GET /metrics` in the Prometheus text format on its own port (METRICS_PORT, on METRICS_HOST), apart from the
 * public API port: it is never routed through the API's load balancer. 0 turns it off (the default outside
 * containers, so several local processes do not compete for one port).
 */
export async function startMetricsServer(app: INestApplicationContext, config: AppConfig): Promise<Server | null> {
  if (!config.metrics.port) return null;
  const metrics = app.get(MetricsService);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: GET /metrics\n');
      return;
    }
    metrics.registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
      (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${error.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.metrics.port, config.metrics.host, resolve);
  });
  return server;
}
