export interface TokenBucket {
  tokens: number;
  updatedAtMs: number;
}

/**
 * Takes one token if available, refilling at `ratePerSec` up to `capacity` since the last call.
 * Mutates the bucket; returns false (and takes nothing) when it is empty.
 */
export function takeToken(bucket: TokenBucket, nowMs: number, ratePerSec: number, capacity: number): boolean {
  const elapsedSec = Math.max(0, nowMs - bucket.updatedAtMs) / 1000;
  bucket.tokens = Math.min(capacity, bucket.tokens + elapsedSec * ratePerSec);
  bucket.updatedAtMs = nowMs;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}
