import type { FastifyInstance } from 'fastify';

import type { MetricsService } from './metrics.service';

/** Times every HTTP response by its route pattern (unmatched requests share one label, so URLs never explode it). */
export function addHttpMetrics(fastify: FastifyInstance, metrics: MetricsService): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions?.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
