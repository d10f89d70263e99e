import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import type { Params } from 'nestjs-pino';
import { destination as pinoDestination, stdSerializers } from 'pino';

import { redactLogObject } from './log-redaction.util';

/** Honours a well-formed incoming X-Request-Id (from a gateway), otherwise a new UUID. */
export function requestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(incoming) ? incoming : randomUUID();
}

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/**
 * The only shapes of `req` and `res` that reach a log line (pino runs these after the formatters). `err` is
 * serialized by `formatLogObject`, before it is redacted, so pino's own error serializer is replaced by one that
 * leaves the result as it is.
 */
export const LOG_SERIALIZERS = {
  // Only the route shape: query strings may carry region codes today and something personal tomorrow. The request
  // is logged from a Nest middleware (mounted under /api), which sees `url` without the mount path: `originalUrl`
  // (set by @fastify/middie) is what the client asked for.
  req: (req: { id: string; method: string; url: string; originalUrl?: string }) => ({
    id: req.id,
    method: req.method,
    path: pathOf(req.originalUrl ?? req.url),
  }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  err: (err: unknown) => err,
};

const SERIALIZED_BY_PINO = new Set(['req', 'res']);
const serializeError = (key: string, value: unknown) => (key === 'err' ? stdSerializers.err(value as Error) : value);

/**
 * Serializes errors and redacts a log object (see log-redaction.util), as pino's `formatters.log`. Child loggers'
 * bindings do not pass through pino's log formatter: the only ones are pino-http's `req`, and lint forbids others.
 */
export function formatLogObject(obj: Record<string, unknown>): Record<string, unknown> {
  return redactLogObject(obj, { serialize: serializeError, skip: SERIALIZED_BY_PINO });
}

/**
 * Structured JSON logs. Personal data never reaches them: bodies and query strings are not logged, and every field
 * that could carry a name, ID number, phone or token is censored wherever it appears (`REDACTED_PATHS`).
 */
export function loggerOptions(level: string, destination?: NodeJS.WritableStream): Params {
  return {
    pinoHttp: {
      level,
      genReqId: (req: IncomingMessage & { id?: string }) => req.id ?? requestId(req),
      // Redacting happens in the log formatter, which copies nothing when nothing is censored (issue #16): pino's
      // own `redact` (fast-redact, wildcard paths) allocated a quarter of the API's bytes under load, and
      // pino-http's wrapped serializers copied every request's headers only for three fields to be picked out.
      wrapSerializers: false,
      serializers: LOG_SERIALIZERS,
      formatters: { log: formatLogObject },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      // Standard output is written asynchronously (sonic-boom, no minimum length): a line is written at once when
      // nothing is in flight, and lines that arrive during a write go out together in the next one, instead of one
      // synchronous write(2) per request on the event loop. pino flushes what is pending when the process exits.
      stream: destination ?? pinoDestination({ dest: 1, sync: false }),
    } as Params['pinoHttp'],
  };
}
