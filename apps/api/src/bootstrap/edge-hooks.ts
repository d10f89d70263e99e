import { ApiErrorCode } from '@healthcode/contracts';
import type { FastifyInstance } from 'fastify';

import { ACCEPTS_UPLOAD } from '../common/accepts-upload.decorator';
import { requestLocale } from '../common/i18n/request-locale.util';
import { translateMessage } from '../common/i18n/translate-message.util';

const FORM_TYPES = /^\s*(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;

/**
 * Response and request rules at the edge, for every route (Nest's and the raw Fastify ones):
 *
 * - Every API response that did not choose its own caching gets `Cache-Control: no-store`: personal data
 *   (codes, profiles, lookups, evidence, errors naming a resident's appeal) must never sit in a browser or
 *   proxy cache. Public documents that may be cached (JWKS, favicon) set their own header.
 * - Form bodies (multipart or url-encoded; what an HTML form on another site can send without a preflight)
 *   are refused with 415 except on routes marked `@AcceptsUpload()`.
 */
export function registerEdgeHooks(fastify: FastifyInstance): void {
  // Callback-style hooks: every request passes both, and most leave both at once, without a promise.
  fastify.addHook('onRequest', (request, reply, done) => {
    const type = request.headers['content-type'];
    if (!type || !FORM_TYPES.test(type)) return done();
    const config = request.routeOptions?.config as unknown as Record<string, unknown> | undefined;
    if (config?.[ACCEPTS_UPLOAD] === true) return done();
    void reply
      .status(415)
      .header('cache-control', 'no-store')
      .send({
        statusCode: 415,
        code: ApiErrorCode.UnsupportedMediaType,
        message: translateMessage(
          'This route takes a JSON body: send Content-Type: application/json',
          requestLocale(request.headers['accept-language']),
        ),
        requestId: String(request.id),
      });
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
