import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const TICKS = 100;

/**
 * CPU seconds (user + system) a process has used so far, from /proc. CPU per request is the figure that
 * survives a loaded machine: throughput swings with what else runs on the cores, CPU time per request hardly.
 */
export function processCpuSeconds(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return NaN;
  }
}

/**
 * The local database server's pid (MariaDB or MySQL on this machine), or undefined when it runs elsewhere. Its CPU
 * per request is the other half of a request's cost on this machine: a scan that moves work into SQL looks cheaper
 * in the API's figure alone.
 */
export function databaseServerPid(): number | undefined {
  for (const name of ['mariadbd', 'mysqld']) {
    try {
      const pid = Number(execFileSync('pgrep', ['-x', '-o', name], { encoding: 'utf8' }).trim());
      if (pid > 0) return pid;
    } catch {
      // not running under this name
    }
  }
  return undefined;
}

const DB_PID = databaseServerPid();

/**
 * Runs `work` and adds the API process's CPU milliseconds per successful request to its result, and the local
 * database server's (it also serves anything else using it meanwhile: read it on a quiet machine).
 */
export async function withCpu<R extends { ok: number }>(
  pid: number | undefined,
  work: () => Promise<R>,
): Promise<R & { cpuMsPerRequest: number; dbCpuMsPerRequest: number }> {
  const before = processCpuSeconds(pid);
  const dbBefore = processCpuSeconds(DB_PID);
  const result = await work();
  const perRequest = (used: number) => Math.round((used * 1000 * 1000) / Math.max(result.ok, 1)) / 1000;
  const cpuMsPerRequest = perRequest(processCpuSeconds(pid) - before);
  const dbCpuMsPerRequest = perRequest(processCpuSeconds(DB_PID) - dbBefore);
  console.log(`[bench]   ${cpuMsPerRequest} ms of process CPU per request, ${dbCpuMsPerRequest} ms of the database's`);
  return { ...result, cpuMsPerRequest, dbCpuMsPerRequest };
}
