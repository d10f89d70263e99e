import { type ApiError, ApiErrorCode } from '@healthcode/contracts';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Inject,
  Injectable,
  Logger,
  Optional,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import type { StaffPrincipal } from '../modules/auth/session-token.service';
import { staffActor } from '../modules/audit/audit-actor.util';
import { AuditService } from '../modules/audit/audit.service';
import { DomainException } from './domain.exception';
import { localizeApiError } from './i18n/localize-api-error.util';
import { requestLocale } from './i18n/request-locale.util';
import { RequestValidationException } from './request-validation.exception';
import { RetryLaterException } from '../modules/security/retry-later.exception';

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
@Injectable()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  // Optional: the filter is also constructed by hand (`new ApiExceptionFilter()`) outside the DI container.
  constructor(@Optional() @Inject(AuditService) private readonly audit?: AuditService) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest & { principal?: { kind: string } }>();
    const locale = requestLocale(request?.headers?.['accept-language']);
    const english = this.toBody(error);
    english.requestId = String(request?.id ?? '');
    if (english.statusCode >= 500) this.logger.error({ err: error, requestId: english.requestId }, 'unhandled error');
    const body = localizeApiError(english, locale, error instanceof RequestValidationException ? error.issues : []);
    // A refusal that expires says when to come back (here rather than in an interceptor: guards' refusals too).
    if (error instanceof RetryLaterException)
      void reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
    const send = () =>
      void reply
        .status(body.statusCode)
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-language', locale)
        .send(body);
    if (body.statusCode === 403 && request?.principal?.kind === 'staff')
      void this.auditRefusal(request.principal as StaffPrincipal, request, body.code).finally(send);
    else send();
  }

  /**
   * A staff member refused (wrong role, out of scope, not allowed as second approver…) is audited: which
   * route, which refusal. Never the request body, so no personal data. A failing audit write never turns
   * the refusal into a 500: it is logged.
   */
  private async auditRefusal(staff: StaffPrincipal, request: FastifyRequest, code: ApiErrorCode): Promise<void> {
    if (!this.audit) return;
    try {
      await this.audit.record({
        actor: staffActor(staff),
        action: 'staff.refused',
        target: { type: 'route' },
        region: staff.regionScope || null,
        details: { code, method: request.method, route: request.routeOptions?.url ?? null },
      });
    } catch (err) {
      this.logger.error({ err, requestId: String(request.id) }, 'could not audit a refused staff request');
    }
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
