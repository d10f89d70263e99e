import type { AccessLogEntry, DeletionReceipt, MyScan } from '@healthcode/contracts';

import { request } from '../../services/request';
import { clearAccessToken } from '../../services/token-store';
import { clearAcceptedConsent } from '../../session/consent-store';
import type { RetentionSummary } from './retention.model';

export async function fetchAccessLog(): Promise<AccessLogEntry[]> {
  const { items } = await request<{ items: AccessLogEntry[] }>('GET', '/me/access-log');
  return [...items].sort((a, b) => b.at.localeCompare(a.at));
}

/** Erases the resident's data on the server, then forgets the session on this device. */
export async function deleteMyData(): Promise<DeletionReceipt> {
  const receipt = await request<DeletionReceipt>('DELETE', '/me');
  signOutLocally();
  return receipt;
}

export function signOutLocally(): void {
  clearAccessToken();
  clearAcceptedConsent();
}

export async function fetchMyScans(): Promise<MyScan[]> {
  const { items } = await request<{ items: MyScan[] }>('GET', '/me/scans');
  return [...items].sort((a, b) => b.scannedAt.localeCompare(a.scannedAt));
}

/** Every record with its deletion date, soonest first. */
export async function fetchRetention(): Promise<RetentionSummary> {
  const summary = await request<RetentionSummary>('GET', '/me/retention');
  return { ...summary, items: [...summary.items].sort((a, b) => a.deleteAt.localeCompare(b.deleteAt)) };
}
