import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';

import { AppModule, type AppModuleOptions } from '../app.module';
import { AccessLogRepository } from '../modules/access-log/access-log.repository';
import { registerCareActionHook } from '../modules/care/care-action.hook';
import { Clock } from '../modules/clock/clock';
import { addHttpMetrics } from '../modules/metrics/http-metrics.hook';
import { watchQueues } from '../modules/metrics/metrics-server';
import { MetricsService } from '../modules/metrics/metrics.service';
import { registerEdgeHooks } from './edge-hooks';
import { jsonBodyParser } from './json-body-parser.util';
import { requestId } from './logger.options';
import { securityHeaders } from './security-headers.util';
import type { AppConfig } from '../config/app-config';
import { mountQueueBoard } from '../modules/queue-board/queue-board.mount';
import { trackRoutes } from '../modules/security/route-inventory.util';

/** JSON bodies above this are refused with 413 before parsing (uploads use their own limits). */
export const JSON_BODY_LIMIT = 256 * 1024;

/**
 * Taro's H5 page carries one small inline script (it sets the root font size). Rather than allowing every
 * inline script, the CSP allows exactly the ones in the built index.html, by hash.
 */
function inlineScriptHashes(dir: string | undefined): string[] {
  if (!dir) return [];
  let html: string;
  try {
    html = readFileSync(join(dir, 'index.html'), 'utf8');
  } catch {
    return [];
  }
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
  );
}

/**
 * Builds the HTTP app exactly as production runs it; e2e tests call this too, then `listen`.
 * One port serves the API (`/api`), the queue dashboard (`/api/admin/queues`), the JWKS and the signed issuer document and trust list (`/.well-known/`), the console (`/console/`) and the H5 app (`/app/`).
 */
export async function createHttpApp(
  config: AppConfig,
  options: AppModuleOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT,
    // Only the configured proxies may set X-Forwarded-For (none by default): otherwise any client could
    // choose its own address and step around the per-IP limits.
    trustProxy: config.edge.trustedProxies.length > 0 ? config.edge.trustedProxies : false,
    routerOptions: { maxParamLength: 200 },
    genReqId: requestId,
  });
  // Before anything registers a route: the permission-matrix and fuzz tests walk this inventory.
  trackRoutes(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  addHttpMetrics(app.getHttpAdapter().getInstance(), app.get(MetricsService));
  watchQueues(app);
  // JSON only (uploads register multipart on their own routes): anything else is a 415, not a string body.
  app.getHttpAdapter().getInstance().removeContentTypeParser('text/plain');
  registerEdgeHooks(app.getHttpAdapter().getInstance());
  registerCareActionHook(app.getHttpAdapter().getInstance(), app.get(AccessLogRepository), app.get(Clock));
  app.useBodyParser(
    'application/json',
    { bodyLimit: JSON_BODY_LIMIT },
    jsonBodyParser(app.getHttpAdapter().getInstance()),
  );
  app.enableShutdownHooks();
  app.setGlobalPrefix('api', {
    exclude: [
      '.well-known/jwks.json',
      '.well-known/healthcode-issuer',
      '.well-known/healthcode-trust-list',
      '.well-known/healthcode-checkpoint-bundle',
      '.well-known/healthcode-card-status',
      'favicon.ico',
    ],
  });
  app.enableCors({
    origin: (origin, cb) => cb(null, !origin || config.corsOrigins.includes(origin)),
    credentials: false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    maxAge: 600,
  });
  // multipart/form-data for uploads (appeal evidence, CSV imports): registered once; each route reads its parts
  // with its own tighter limits (`request.parts({ limits })`), these are only the ceiling.
  await app.register(fastifyMultipart as never, {
    limits: { fileSize: 50 * 1024 * 1024, files: 10, fields: 50, fieldSize: 64 * 1024, parts: 100 },
  });
  // helmet's headers, computed once (see securityHeaders) and set on every response, 404s and files included.
  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(config.staticDirs.miniapp)],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
      },
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });

  // Off in production unless OPENAPI_ENABLED / QUEUE_BOARD_ENABLED say otherwise: a map of every route and a
  // job console are not for the public internet by default.
  if (config.edge.openApi) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('healthcode API')
        .setDescription('Transparent health status codes: every colour carries its reasons.')
        .setVersion('1')
        .addBearerAuth()
        .build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  }

  // bull-board (system admins, ticket-guarded): before the static front ends, since it registers @fastify/static itself.
  if (config.edge.queueBoard) await mountQueueBoard(app);

  let first = true;
  const serve = async (root: string | undefined, prefix: string) => {
    if (!root) return;
    await app.register(fastifyStatic as never, {
      root: join(root),
      prefix,
      decorateReply: first,
      index: ['index.html'],
    });
    first = false;
  };
  await serve(config.staticDirs.console, '/console/');
  await serve(config.staticDirs.miniapp, '/app/');
  return app;
}
