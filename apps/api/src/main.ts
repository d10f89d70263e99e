import 'reflect-metadata';

import type { INestApplicationContext } from '@nestjs/common';

import type { AppConfig } from './config/app-config';
import { ConfigException } from './config/config.exception';
import { loadConfig } from './config/load-config';
import { PreflightError, preflight } from './bootstrap/preflight.util';

function role(argv: string[]): 'api' | 'worker' {
  const flag = argv.find((a) => a.startsWith('--role='))?.slice(7) ?? process.env.HC_ROLE ?? 'api';
  if (flag !== 'api' && flag !== 'worker') {
    console.error(`--role: expected "api" or "worker", got "${flag}"`);
    process.exit(2);
  }
  return flag;
}

async function serveMetrics(app: INestApplicationContext, config: AppConfig): Promise<void> {
  const { startMetricsServer } = await import('./modules/metrics/metrics-server');
  if (await startMetricsServer(app, config))
    console.log(`[healthcode] metrics on http://${config.metrics.host}:${config.metrics.port}/metrics`);
}

/** One build, two roles: `--role=api` serves HTTP, `--role=worker` runs the queues. */
async function main(): Promise<void> {
  const which = role(process.argv);
  const config = await loadConfig(process.env);
  await preflight(config);
  if (config.generatedKeys.length > 0) {
    console.warn(
      `[healthcode] demo mode: using generated development keys for ${config.generatedKeys.join(', ')} (never in production)`,
    );
  }
  if (which === 'api') {
    const { createHttpApp } = await import('./bootstrap/http-app');
    const app = await createHttpApp(config);
    await app.listen({ port: config.port, host: config.host });
    console.log(`[healthcode] api listening on http://${config.host}:${config.port}`);
    await serveMetrics(app, config);
  } else {
    const { startWorker } = await import('./bootstrap/worker-app');
    const app = await startWorker(config);
    console.log('[healthcode] worker started');
    await serveMetrics(app, config);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigException || error instanceof PreflightError) {
    console.error(`[healthcode] ${error instanceof ConfigException ? 'configuration error: ' : ''}${error.message}`);
    process.exit(1);
  }
  console.error('[healthcode] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
