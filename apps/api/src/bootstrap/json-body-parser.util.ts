import type { FastifyInstance, FastifyRequest } from 'fastify';

type Done = (err: Error | null, body?: unknown) => void;

/**
 * Fastify's JSON parser refuses an empty body whenever `Content-Type: application/json` is sent. Mini-program
 * hosts (and some HTTP clients) send that header on every request, also on a DELETE that has nothing to say, so
 * a DELETE with an empty body is read as "no body"; every other method keeps the strict parser.
 */
export function jsonBodyParser(fastify: FastifyInstance) {
  const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig as {
    onProtoPoisoning?: 'error' | 'remove' | 'ignore';
    onConstructorPoisoning?: 'error' | 'remove' | 'ignore';
  };
  const strict = fastify.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error');
  return (request: FastifyRequest, body: Buffer, done: Done): void => {
    if (request.method === 'DELETE' && body.length === 0) {
      done(null, undefined);
      return;
    }
    strict(request, body.toString('utf8'), done as never);
  };
}
