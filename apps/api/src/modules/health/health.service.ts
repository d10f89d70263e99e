import { Injectable } from '@nestjs/common';
import { RedisHealth } from '../queue/redis-health';
import { HealthRepository } from './health.repository';

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: { database: string; redis: string };
}

@Injectable()
export class HealthService {
  constructor(
    private readonly db: HealthRepository,
    private readonly redis: RedisHealth,
  ) {}

  async readiness(): Promise<ReadinessReport> {
    const [database, redis] = await Promise.all([
      this.db.ping().then(
        () => 'ok',
        (e: Error) => `error: ${e.message}`,
      ),
      this.redis.ping().then(
        () => 'ok',
        (e: Error) => `error: ${e.message}`,
      ),
    ]);
    return { status: database === 'ok' && redis === 'ok' ? 'ok' : 'unavailable', checks: { database, redis } };
  }
}
