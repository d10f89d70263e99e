import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import Ajv from 'ajv';
import { parse } from 'yaml';

const root = join(__dirname, '../../..');
const composeText = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true });
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const APP_SERVICES = ['migrate', 'seed', 'api', 'worker'];

/** The Compose Specification schema (draft-07) as dclint 3.1.0 ships it; ajv validates draft-07 by default. */
function composeValidator() {
  const schema = JSON.parse(readFileSync(join(root, 'node_modules/dclint/schemas/compose.schema.json'), 'utf8'));
  delete schema.$schema; // "https://json-schema.org/draft-07/schema" (no "#"), which ajv does not know by that name
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

/**
 * Docker cannot run here. docker-compose.yml is validated against the current Compose Specification JSON schema
 * (the one dclint 3.1.0 ships, which knows `name:` and `models:`), linted by dclint, and checked for what this
 * deployment promises; the Dockerfile is checked for its stages. container-entry.e2e.spec.ts runs the commands.
 */
describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification schema', () => {
    const validate = composeValidator();
    // The raw document (anchors resolved, merge keys kept as the spec allows them).
    const ok = validate(parse(composeText, { merge: true }));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check can fail: an unknown service key and a top-level typo are refused', () => {
    const validate = composeValidator();
    expect(validate({ name: 'x', services: { a: { image: 'a', helthcheck: {} } } })).toBe(false);
    expect(validate({ name: 'x', service: {} })).toBe(false);
  });

  it('has no dclint errors', () => {
    const res = spawnSync('npx', ['dclint', '-q', '-f', 'json', 'docker-compose.yml'], { cwd: root, encoding: 'utf8' });
    const messages = (JSON.parse(res.stdout) as { messages: { type: string; message: string }[] }[]).flatMap(
      (f) => f.messages,
    );
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
  });

  it('runs MySQL 8.4, Redis 7, an S3-compatible store, migrate and seed once, two API replicas and a worker', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['api', 'migrate', 'mysql', 'redis', 's3', 's3-bucket', 'seed', 'worker'].sort(),
    );
    expect(compose.name).toBe('healthcode');
    expect(compose.services.mysql.image).toBe('mysql:8.4');
    expect(compose.services.redis.image).toMatch(/^redis:7(\.|-|$)/);
    expect(compose.services.s3.image).toMatch(/^minio\/minio:/);
    expect(compose.services.migrate.command).toEqual(['migrate']);
    expect(compose.services.seed.command).toEqual(['seed-demo']);
    expect(compose.services.api.command).toEqual(['--role=api']);
    expect(compose.services.worker.command).toEqual(['--role=worker']);
    expect(compose.services.api.deploy.replicas).toBe(2);
    for (const once of ['migrate', 'seed', 's3-bucket']) expect(compose.services[once].restart).toBe('no');
  });

  it('builds one image for every app service, mounts no source and publishes no database, Redis or S3 port', () => {
    for (const name of APP_SERVICES) {
      expect({ name, build: compose.services[name].build, image: compose.services[name].image }).toEqual({
        name,
        build: '.',
        image: 'healthcode:local',
      });
    }
    for (const [name, svc] of Object.entries<any>(compose.services)) {
      for (const volume of svc.volumes ?? []) {
        const source = String(typeof volume === 'string' ? volume.split(':')[0] : volume.source);
        // Named volumes only: a path (., ./x, /x) would be a host mount.
        expect({ name, source, named: /^[a-z][a-z0-9_-]*$/.test(source) }).toEqual({ name, source, named: true });
      }
      if (name !== 'api') expect({ name, ports: svc.ports ?? [] }).toEqual({ name, ports: [] });
    }
    expect(compose.services.api.ports).toEqual(['127.0.0.1:8080-8081:8080']);
  });

  it('has real health checks and starts each service after what it needs', () => {
    expect(compose.services.api.healthcheck.test).toEqual([
      'CMD',
      'node',
      '/app/deploy/docker/entrypoint.mjs',
      'health-check',
      'api',
    ]);
    expect(compose.services.worker.healthcheck.test).toEqual([
      'CMD',
      'node',
      '/app/deploy/docker/entrypoint.mjs',
      'health-check',
      'worker',
    ]);
    for (const store of ['mysql', 'redis', 's3']) expect(compose.services[store].healthcheck.test[0]).toMatch(/^CMD/);
    expect(compose.services.migrate.depends_on).toEqual({
      mysql: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(compose.services.seed.depends_on).toEqual({ migrate: { condition: 'service_completed_successfully' } });
    for (const name of ['api', 'worker'])
      expect(compose.services[name].depends_on.migrate).toEqual({ condition: 'service_completed_successfully' });
    const env = compose.services.api.environment;
    expect(env.DATABASE_URL).toMatch(/^mysql:\/\/healthcode:.+@mysql:3306\/healthcode$/);
    expect(env.REDIS_URL).toBe('redis://redis:6379');
    expect(env.QUEUE_PREFIX).toMatch(/^\{.+\}$/);
    expect(env.S3_ENDPOINT).toBe('http://s3:9000');
    for (const name of APP_SERVICES) expect(compose.services[name].environment).toEqual(env);
  });
});

describe('Dockerfile', () => {
  const stages = [...dockerfile.matchAll(/^FROM (\S+) AS (\w+)$/gm)].map((m) => ({ image: m[1], name: m[2] }));
  const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));

  it('builds in one stage and runs from a slim one as a non-root user', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'deps', 'runtime']);
    expect(stages.find((s) => s.name === 'runtime')?.image).toMatch(/^node:20[.\d]*-bookworm-slim$/);
    expect(dockerfile).toMatch(/RUN npm ci --no-audit --no-fund/);
    expect(dockerfile).toMatch(/nx run-many -t build build:h5/);
    expect(runtime).toMatch(/^USER node$/m);
    // Printed cards' PDFs need a CJK font at CARD_FONT_PATH's default.
    expect(runtime).toMatch(/apt-get install -y --no-install-recommends fonts-noto-cjk/);
    expect(runtime).not.toMatch(/npm (ci|install)/);
    expect(runtime).toMatch(/^ENTRYPOINT \["node", "\/app\/deploy\/docker\/entrypoint\.mjs"\]$/m);
  });

  it('copies every workspace manifest before npm ci, and the API, console and H5 builds into the runtime', () => {
    const workspaces = ['apps', 'libs', 'tools'].flatMap((dir) =>
      readdirSync(join(root, dir))
        .filter((name) => existsSync(join(root, dir, name, 'package.json')))
        .map((name) => `${dir}/${name}/package.json`),
    );
    for (const manifest of workspaces)
      expect(dockerfile).toContain(`COPY ${manifest} ${manifest.replace('package.json', '')}`);
    for (const built of ['apps/api/dist', 'apps/console/dist', 'apps/miniapp/dist/h5', 'libs/seed/dist'])
      expect(runtime).toContain(`COPY --from=build /src/${built} ${built}`);
  });
});
