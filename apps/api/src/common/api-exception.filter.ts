import { type ApiError, ApiErrorCode } from '@healthcode/contracts';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { DomainException } from './domain.exception';
import { localizeApiError } from './i18n/localize-api-error.util';
import { requestLocale } from './i18n/request-locale.util';
import { RequestValidationException } from './request-validation.exception';

const HTTP_CODES: Record<number, ApiErrorCode> = {
  400: ApiErrorCode.ValidationFailed,
  401: ApiErrorCode.Unauthenticated,
  403: ApiErrorCode.Forbidden,
  404: ApiErrorCode.NotFound,
  405: ApiErrorCode.NotFound,
  409: ApiErrorCode.Conflict,
  413: ApiErrorCode.PayloadTooLarge,
  415: ApiErrorCode.UnsupportedMediaType,
  429: ApiErrorCode.TooManyRequests,
};

/** Fastify's own errors (bad JSON, body too large, wrong content type) carry a statusCode. */
function frameworkError(error: unknown): { status: number; message: string } | null {
  const e = error as { statusCode?: number; message?: string; code?: string };
  if (typeof e?.statusCode !== 'number' || e.statusCode < 400 || e.statusCode >= 500) return null;
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 413, message: 'The request body is too large' };
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return { status: 415, message: 'Send JSON with Content-Type: application/json' };
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return { status: 400, message: 'The JSON body is empty' };
  if (e.code?.startsWith('FST_ERR_CTP') || e instanceof SyntaxError)
    return { status: 400, message: 'The body is not valid JSON' };
  return { status: e.statusCode, message: e.message ?? 'Bad request' };
}

/**
 * The single place that turns any error into an `ApiError` body, worded in the request's language
 * (Accept-Language). Unknown errors are 500 and logged.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const locale = requestLocale(request?.headers?.['accept-language']);
    const english = this.toBody(error);
    english.requestId = String(request?.id ?? '');
    if (english.statusCode >= 500) this.logger.error({ err: error, requestId: english.requestId }, 'unhandled error');
    const body = localizeApiError(english, locale, error instanceof RequestValidationException ? error.issues : []);
    void reply
      .status(body.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-language', locale)
      .send(body);
  }

  private toBody(error: unknown): ApiError {
    if (error instanceof DomainException) {
      return {
        statusCode: error.status,
        code: error.code,
        message: error.message,
        ...(error.errors ? { errors: error.errors } : {}),
      };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const response = error.getResponse() as { message?: string | string[] } | string;
      const raw = typeof response === 'string' ? response : response.message;
      const message =
        status === 404 ? 'No such endpoint or resource' : Array.isArray(raw) ? raw.join('; ') : (raw ?? error.message);
      return {
        statusCode: status,
        code: HTTP_CODES[status] ?? (status >= 500 ? ApiErrorCode.Internal : ApiErrorCode.ValidationFailed),
        message,
      };
    }
    const framework = frameworkError(error);
    if (framework)
      return {
        statusCode: framework.status,
        code: HTTP_CODES[framework.status] ?? ApiErrorCode.ValidationFailed,
        message: framework.message,
      };
    return {
      statusCode: 500,
      code: ApiErrorCode.Internal,
      message: 'Something went wrong on our side; it has been logged. Please try again.',
    };
  }
}
