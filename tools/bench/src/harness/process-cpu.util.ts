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

/** Runs `work` and adds the process's CPU milliseconds per successful request to its result. */
export async function withCpu<R extends { ok: number }>(
  pid: number | undefined,
  work: () => Promise<R>,
): Promise<R & { cpuMsPerRequest: number }> {
  const before = processCpuSeconds(pid);
  const result = await work();
  const used = processCpuSeconds(pid) - before;
  const cpuMsPerRequest = Math.round((used * 1000 * 1000) / Math.max(result.ok, 1)) / 1000;
  console.log(`[bench]   ${cpuMsPerRequest} ms of process CPU per request`);
  return { ...result, cpuMsPerRequest };
}
