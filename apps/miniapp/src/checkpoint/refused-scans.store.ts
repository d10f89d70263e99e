import type { OfflineScanRefusal } from '@healthcode/contracts';
import Taro from '@tarojs/taro';

const REFUSED_KEY = 'hc.checkpoint.refused';
/** The operator sees the most recent refusals; older ones scroll away. */
const KEEP = 50;

/** An offline scan the API refused outright on upload (nothing was stored), kept for the operator to see. */
export interface RefusedScan {
  clientScanId: string;
  scannedAt: string;
  reason: OfflineScanRefusal;
  /** The API's own words, in the device's language. */
  message: string;
}

export function readRefusedScans(): RefusedScan[] {
  const value = Taro.getStorageSync(REFUSED_KEY) as RefusedScan[] | '' | undefined;
  return Array.isArray(value) ? value : [];
}

export function rememberRefusedScans(refused: readonly RefusedScan[]): void {
  if (refused.length === 0) return;
  const known = new Set(refused.map((r) => r.clientScanId));
  const kept = [...refused, ...readRefusedScans().filter((r) => !known.has(r.clientScanId))].slice(0, KEEP);
  Taro.setStorageSync(REFUSED_KEY, kept);
}

export function clearRefusedScans(): void {
  Taro.removeStorageSync(REFUSED_KEY);
}
