import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerRequest } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { rateLimitForRoute } from './rate-limit-policy.util';
import { RATE_LIMIT_METADATA, type RateLimitName } from './rate-limit.constant';

/**
 * @nestjs/throttler applies every configured throttler to every route; here each route is counted only by
 * the one limit it opted into (`@RateLimit`, or the route policy). Registered after AuthGuard, so limits
 * per resident or operator can read the verified principal. Answers 429 with a standard Retry-After.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  /** Most routes have no limit: answer at once instead of resolving every throttler's options per request. */
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.limitFor(context) === null) return true;
    return super.canActivate(context);
  }

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    if (this.limitFor(props.context) !== props.throttler.name) return true;
    return super.handleRequest(props);
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    void context
      .switchToHttp()
      .getResponse<FastifyReply>()
      .header('retry-after', String(Math.max(1, detail.timeToBlockExpire)));
    return super.throwThrottlingException(context, detail);
  }

  private limitFor(context: ExecutionContext): RateLimitName | null {
    const declared = this.reflector.getAllAndOverride<RateLimitName | undefined>(RATE_LIMIT_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (declared) return declared;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return rateLimitForRoute(request.method, request.routeOptions?.url);
  }
}
