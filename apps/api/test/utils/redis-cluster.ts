import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Redis from 'ioredis';

export interface RedisClusterHandle {
  /** `127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3`, as REDIS_CLUSTER_NODES takes it. */
  nodes: string;
  stop: () => Promise<void>;
}

const free = (port: number) =>
  new Promise<boolean>((resolve) => {
    const srv = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });

/** Three ports whose cluster-bus ports (port + 10000) are free as well. */
async function clusterPorts(): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < 3) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    if (!ports.includes(port) && (await free(port)) && (await free(port + 10_000))) ports.push(port);
  }
  return ports;
}

/**
 * A real 3-master Redis Cluster from the installed redis-server, on free loopback ports, nothing on disk. The
 * servers are this test's own children (never daemonised), so stopping ends exactly them.
 */
export async function startRedisCluster(): Promise<RedisClusterHandle> {
  const ports = await clusterPorts();
  const dirs = ports.map(() => mkdtempSync(join(tmpdir(), 'hc-redis-cluster-')));
  const servers: ChildProcess[] = ports.map((port, i) =>
    spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        'nodes.conf',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dirs[i],
      ],
      { stdio: 'ignore' },
    ),
  );
  const stop = async () => {
    for (const s of servers) if (s.exitCode === null && s.signalCode === null) s.kill('SIGTERM');
    await Promise.all(servers.map((s) => (s.exitCode === null ? new Promise((r) => s.once('exit', r)) : null)));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  };
  try {
    for (const port of ports) {
      const probe = new Redis(port, '127.0.0.1', {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      probe.on('error', () => undefined);
      for (let i = 0; ; i++) {
        try {
          await probe.connect();
          break;
        } catch {
          if (i > 50) throw new Error(`redis-server on ${port} did not start`);
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      probe.disconnect();
    }
    const create = spawnSync(
      'redis-cli',
      ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'],
      { encoding: 'utf8', timeout: 30_000 },
    );
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
    // Every node must agree the cluster is up before clients route by slot.
    for (const port of ports) {
      const node = new Redis(port, '127.0.0.1');
      try {
        for (let i = 0; !String(await node.cluster('INFO')).includes('cluster_state:ok'); i++) {
          if (i > 100) throw new Error(`cluster not ok on ${port}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      } finally {
        node.disconnect();
      }
    }
    return { nodes: ports.map((p) => `127.0.0.1:${p}`).join(','), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
