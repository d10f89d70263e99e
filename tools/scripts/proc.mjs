// Child-process plumbing shared by start.mjs and test.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

/** The environment of every command the scripts run: Nx offline and without its daemon. */
function childEnv(env) {
  return { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', ...env };
}

/** Runs a command to completion, inheriting stdio; throws with the command line when it fails. */
export function run(cmd, args, { env, ...options } = {}) {
  const started = Date.now();
  const res = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    ...options,
    env: childEnv(env),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (res.status !== 0) {
    const err = new Error(`${cmd} ${args.join(' ')} failed (exit ${res.status ?? res.signal}) after ${seconds}s`);
    err.exitCode = res.status ?? 1;
    throw err;
  }
  return Number(seconds);
}

/**
 * Runs a command to completion without blocking, for steps that run side by side: each output line is prefixed with
 * `[name]` so interleaved logs stay readable. Resolves with the seconds taken; rejects with the command line.
 */
export function runAsync(name, cmd, args, { env, ...options } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(cmd, args, {
      cwd: root,
      ...options,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pipes = [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ].map(
      ([from, to]) =>
        new Promise((done) => {
          let rest = '';
          from.setEncoding('utf8');
          from.on('data', (chunk) => {
            const lines = (rest + chunk).split('\n');
            rest = lines.pop();
            for (const line of lines) to.write(`[${name}] ${line}\n`);
          });
          from.on('end', () => {
            if (rest) to.write(`[${name}] ${rest}\n`);
            done();
          });
        }),
    );
    child.on('error', reject);
    child.on('close', async (code, signal) => {
      await Promise.all(pipes);
      const seconds = Number(((Date.now() - started) / 1000).toFixed(1));
      if (code === 0) return resolve(seconds);
      const err = new Error(`${cmd} ${args.join(' ')} failed (exit ${code ?? signal}) after ${seconds}s`);
      err.exitCode = code ?? 1;
      reject(err);
    });
  });
}

/** Installs dependencies when node_modules is missing or older than the lock file. */
export function ensureInstalled() {
  const marker = join(root, 'node_modules/.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs)) return 0;
  console.log('[healthcode] installing dependencies (npm ci)…');
  return run('npm', [existsSync(lock) ? 'ci' : 'install', '--no-audit', '--no-fund']);
}

/** Starts a long-running child in its own process group so it and everything it spawns can be stopped together. */
export function startChild(name, cmd, args, env) {
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  child.name = name;
  return child;
}

export async function stopChildren(children, timeoutMs = 10_000) {
  const alive = children.filter((c) => c.exitCode === null && c.signalCode === null);
  for (const c of alive) {
    try {
      process.kill(-c.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + timeoutMs;
  while (alive.some((c) => c.exitCode === null && c.signalCode === null) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  for (const c of alive) {
    try {
      process.kill(-c.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export async function waitForHttp(url, timeoutMs, isAlive = () => true) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) return false;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

/** Why the browser tests cannot run (Debian's Chromium or the CJK fonts missing), or null when they can. */
export function chromiumProblem() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) return `Chromium is missing (${chromium}): the browser tests need it.`;
  const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  if (fonts.status === 0 && !/noto/i.test(fonts.stdout))
    return 'The Noto CJK fonts are missing: Chinese screens would render as boxes in the browser tests.';
  return null;
}

/**
 * `runAsync` in a fresh network namespace with only loopback (no MariaDB, no Redis, no outside network), so a test
 * that needs either fails loudly. Where namespaces are not allowed (no root, a restricted container), it runs the
 * command normally and says so.
 */
export function isolatedFromNetworkAsync(name, cmd, args, options = {}) {
  return runAsync(name, ...isolatedCommand(cmd, args), options);
}

let namespaces;
function isolatedCommand(cmd, args) {
  namespaces ??= spawnSync('unshare', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!namespaces) {
    console.log('[healthcode] no network namespace available here: running the unit tier with the network');
    return [cmd, args];
  }
  const quoted = [cmd, ...args].map((a) => `'${String(a).replace(/'/g, `'\\''`)}'`).join(' ');
  return ['unshare', ['-n', 'sh', '-c', `ip link set lo up 2>/dev/null; exec ${quoted}`]];
}
