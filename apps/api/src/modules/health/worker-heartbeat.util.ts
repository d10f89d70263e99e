/** The Redis key of one worker's heartbeat; under the queue prefix, so it shares the queues' hash tag. */
export function heartbeatKey(queuePrefix: string, workerId: string): string {
  return `${queuePrefix}:heartbeat:worker:${workerId}`;
}

/** Whether a heartbeat value (epoch milliseconds, as written) is recent enough at `now`. */
export function isHeartbeatFresh(value: string | null, now: number, staleMs: number): boolean {
  if (value === null || !/^\d+$/.test(value)) return false;
  const age = now - Number(value);
  return age >= -staleMs && age < staleMs;
}
