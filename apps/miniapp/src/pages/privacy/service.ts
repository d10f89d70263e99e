import type { AccessLogEntry, DeletionReceipt } from '@healthcode/contracts';

import { request } from '../../services/request';
import { clearAccessToken } from '../../services/token-store';
import { clearAcceptedConsent } from '../../session/consent-store';

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
