import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { Public } from '../auth/auth.guard';
import { HealthService } from './health.service';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Liveness: the process answers. */
  @Get('health')
  @Public()
  live() {
    return { status: 'ok' };
  }

  /** Readiness: the database and Redis answer. */
  @Get('ready')
  @Public()
  async ready(@Res() reply: FastifyReply) {
    const report = await this.health.readiness();
    return reply.status(report.status === 'ok' ? 200 : 503).send(report);
  }
}
