import type { ScanRequest } from '@healthcode/contracts';
import Taro from '@tarojs/taro';

const QUEUE_KEY = 'hc.checkpoint.queue';

/** Scans taken on this device and not yet acknowledged by the API (kept across restarts). */
export function readQueue(): ScanRequest[] {
  const value = Taro.getStorageSync(QUEUE_KEY) as ScanRequest[] | '' | undefined;
  return Array.isArray(value) ? value : [];
}

export function writeQueue(queue: readonly ScanRequest[]): void {
  if (queue.length) Taro.setStorageSync(QUEUE_KEY, queue);
  else Taro.removeStorageSync(QUEUE_KEY);
}
