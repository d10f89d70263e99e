import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import type { Params } from 'nestjs-pino';

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

export function loggerOptions(level: string, destination?: NodeJS.WritableStream): Params {
  return {
    pinoHttp: {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      genReqId: (req: IncomingMessage & { id?: string }) => req.id ?? requestId(req),
      serializers: {
        // Only the route shape: query strings may carry region codes today and something personal tomorrow.
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      ...(destination ? { stream: destination } : {}),
    } as Params['pinoHttp'],
  };
}
