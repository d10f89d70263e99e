import type { ScanRequest } from '@healthcode/contracts';
import { clock } from '../services/clock';

/**
 * What the API's scan schema accepts. (Not read from `@healthcode/qr-token`: importing it would pull jose
 * into the WeChat and Alipay bundles, which cannot run it.)
 */
const MAX_TOKEN = 4096;

let counter = 0;

/** Unique per device: time, a counter and randomness, inside the API's `[A-Za-z0-9_-]{8,64}`. */
export function newClientScanId(now = clock.ms(), random = Math.random): string {
  counter = (counter + 1) % 1_679_616;
  const rand = Math.floor(random() * 2 ** 40).toString(36);
  return `${now.toString(36)}-${counter.toString(36)}-${rand}`.slice(0, 64);
}

export function newScan(token: string, now = clock.now()): ScanRequest {
  return { token: token.trim(), clientScanId: newClientScanId(now.getTime()), scannedAt: now.toISOString() };
}

/** Whether a scan may go into the upload queue (a batch with one bad item would be refused whole). */
export function isQueueable(scan: ScanRequest): boolean {
  return scan.token.length > 0 && scan.token.length <= MAX_TOKEN && /^[A-Za-z0-9_-]{8,64}$/.test(scan.clientScanId);
}

export function enqueue(queue: readonly ScanRequest[], scan: ScanRequest): ScanRequest[] {
  if (!isQueueable(scan) || queue.some((s) => s.clientScanId === scan.clientScanId)) return [...queue];
  return [...queue, scan];
}

export function withoutIds(queue: readonly ScanRequest[], ids: ReadonlySet<string>): ScanRequest[] {
  return queue.filter((s) => !ids.has(s.clientScanId));
}

/** Indexes of batch items the API named in a 400 (`scans.3.scannedAt`). */
export function rejectedIndexes(paths: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const p of paths) {
    const m = /^scans\.(\d+)\./.exec(p);
    if (m) out.add(Number(m[1]));
  }
  return out;
}
