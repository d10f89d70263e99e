import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { DeviceAuthService, type ScanningCheckpoint } from './device-auth.service';

type DeviceRequest = FastifyRequest & { checkpoint?: ScanningCheckpoint };

/**
 * Device routes are `@Public()` for the global (session) AuthGuard and guarded here instead: the caller is a
 * scanning device, proven by its credential, not a person with a session.
 */
@Injectable()
export class DeviceGuard implements CanActivate {
  constructor(private readonly auth: DeviceAuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<DeviceRequest>();
    const params = request.params as { id?: string };
    request.checkpoint = await this.auth.authorize(request.headers.authorization, params.id ?? '');
    return true;
  }
}

/** The checkpoint the authenticated device scans for (set by DeviceGuard). */
export const ScanningCheckpointParam = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) =>
    ctx.switchToHttp().getRequest<DeviceRequest>().checkpoint as ScanningCheckpoint,
);
