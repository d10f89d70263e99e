import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** `<protocol>://<host>` of the request (Fastify honours TRUSTED_PROXIES for both), used when PUBLIC_URL is unset. */
export const RequestBaseUrl = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  return `${request.protocol}://${request.host}`;
});
