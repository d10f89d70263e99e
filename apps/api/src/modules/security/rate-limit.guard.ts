import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerOptions } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { routeMetadata } from '../../common/route-metadata.util';
import { rateLimitForRoute } from './rate-limit-policy.util';
import { RATE_LIMIT_METADATA, type RateLimitName } from './rate-limit.constant';

type Resolvable = ThrottlerOptions['limit'];

/**
 * @nestjs/throttler applies every configured throttler to every route; here each route is counted only by
 * the one limit it opted into (`@RateLimit`, or the route policy). Registered after AuthGuard, so limits
 * per resident or operator can read the verified principal. Answers 429 with a standard Retry-After.
 *
 * Only that one throttler is consulted: the base guard's `canActivate` would resolve every throttler's limit, ttl,
 * block duration, tracker and key generator from decorator metadata on each request (30 reflect-metadata lookups
 * for five throttlers), for routes that use none of `@Throttle` / `@SkipThrottle`.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const name = this.limitFor(context);
    if (name === null) return true;
    const throttler = this.throttlers.find((t) => t.name === name);
    if (!throttler) throw new Error(`No throttler is configured for the rate limit '${name}'`);
    const limit = await resolve(context, throttler.limit);
    const ttl = await resolve(context, throttler.ttl);
    return this.handleRequest({
      context,
      throttler,
      limit,
      ttl,
      blockDuration: throttler.blockDuration === undefined ? ttl : await resolve(context, throttler.blockDuration),
      getTracker: throttler.getTracker ?? this.commonOptions.getTracker!,
      generateKey: throttler.generateKey ?? this.commonOptions.generateKey!,
    });
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
    const declared = routeMetadata<RateLimitName>(this.reflector, RATE_LIMIT_METADATA, context);
    if (declared) return declared;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return rateLimitForRoute(request.method, request.routeOptions?.url);
  }
}

async function resolve(context: ExecutionContext, value: Resolvable): Promise<number> {
  return typeof value === 'function' ? Number(await value(context)) : Number(value);
}
