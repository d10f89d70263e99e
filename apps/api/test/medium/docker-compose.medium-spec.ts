import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

/** Docker cannot run here, so the Compose file is checked against what the Compose reference requires. */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(__dirname, '../../../../docker-compose.yml'), 'utf8'));

  it('runs MySQL 8, Redis 7, the API and the worker, each with a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'mysql', 'redis', 'worker']);
    expect(compose.services.mysql.image).toMatch(/^mysql:8/);
    expect(compose.services.redis.image).toMatch(/^redis:7/);
    for (const [name, svc] of Object.entries<any>(compose.services)) {
      expect({
        name,
        test: Array.isArray(svc.healthcheck?.test) && ['CMD', 'CMD-SHELL'].includes(svc.healthcheck.test[0]),
      }).toEqual({ name, test: true });
    }
  });

  it('starts the API only after healthy databases, and runs the same build as API and worker roles', () => {
    expect(compose.services.api.depends_on).toEqual({
      mysql: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(compose.services.api.command.join(' ')).toContain('start:api');
    expect(compose.services.worker.command.join(' ')).toContain('start:worker');
    expect(compose.services.worker.environment).toEqual(compose.services.api.environment);
    expect(compose.services.api.environment.DATABASE_URL).toMatch(/^mysql:\/\/[^/]+@mysql:3306\/healthcode$/);
    expect(compose.services.api.environment.REDIS_URL).toBe('redis://redis:6379');
  });

  it('uses only keys the Compose specification defines for services', () => {
    const allowed = new Set([
      'image',
      'build',
      'command',
      'environment',
      'ports',
      'volumes',
      'depends_on',
      'healthcheck',
      'working_dir',
      'restart',
    ]);
    for (const svc of Object.values<any>(compose.services))
      for (const key of Object.keys(svc)) expect(allowed.has(key)).toBe(true);
  });
});
