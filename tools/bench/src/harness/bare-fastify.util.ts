import { fork } from 'node:child_process';
import { join } from 'node:path';

import { freePort } from './api-process.util';
import { load, type LoadResult } from './load.util';
import { withCpu } from './process-cpu.util';

/** Measures the bare Fastify JSON endpoint with the same connections, in the same run as the benchmark. */
export async function measureBareFastify(seconds: number, connections: number): Promise<LoadResult> {
  const port = await freePort();
  const child = fork(join(__dirname, '..', 'bare-fastify.server.js'), [String(port)], { stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`bare Fastify exited with ${code}`)));
  });
  try {
    return await withCpu(child.pid, () =>
      load('bare Fastify GET / (JSON)', { url: `http://127.0.0.1:${port}/`, connections, duration: seconds }),
    );
  } finally {
    child.kill('SIGTERM');
  }
}
