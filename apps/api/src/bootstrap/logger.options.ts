import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import type { Params } from 'nestjs-pino';
import { stdSerializers } from 'pino';

/**
 * Structured JSON logs. Personal data never reaches them: bodies and query strings are not logged, and
 * every field that could carry a name, ID number, phone or token is censored wherever it appears.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-device-credential"]',
  'res.headers["set-cookie"]',
  '*.name',
  '*.idNumber',
  '*.id_number',
  '*.phone',
  '*.token',
  '*.accessToken',
  '*.password',
  '*.totp',
  '*.code',
  '*.*.name',
  '*.*.idNumber',
  '*.*.phone',
  '*.*.token',
  '*.*.password',
];

/** Honours a well-formed incoming X-Request-Id (from a gateway), otherwise a new UUID. */
export function requestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(incoming) ? incoming : randomUUID();
}

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

export function loggerOptions(level: string, destination?: NodeJS.WritableStream): Params {
  return {
    pinoHttp: {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      genReqId: (req: IncomingMessage & { id?: string }) => req.id ?? requestId(req),
      // The serializers below read the raw request and response: pino-http's wrappers would first copy the whole
      // request (every header, the remote address) and response headers into objects on every request, only for
      // these three fields to be picked out (issue #16: most of the logger's cost per request).
      wrapSerializers: false,
      serializers: {
        // Only the route shape: query strings may carry region codes today and something personal tomorrow.
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: pathOf(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: stdSerializers.err,
      },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      ...(destination ? { stream: destination } : {}),
    } as Params['pinoHttp'],
  };
}
