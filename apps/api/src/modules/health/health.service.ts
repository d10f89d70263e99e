import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { RedisHealth } from '../queue/redis-health';

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: { database: string; redis: string };
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: RedisHealth,
  ) {}

  async readiness(): Promise<ReadinessReport> {
    const [database, redis] = await Promise.all([
      this.db.query('SELECT 1').then(
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
