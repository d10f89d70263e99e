import type {
  CheckpointAdmissionRequest,
  CheckpointCreateRequest,
  CheckpointResponse,
  CheckpointStatsResponse,
  DeviceCredentialIssued,
  DeviceCredentialSummary,
} from '@healthcode/contracts';

import { request } from '../../services/request';

export const checkpointsQueryKey = ['checkpoints'] as const;
export const devicesQueryKey = (checkpointId: string) => [...checkpointsQueryKey, checkpointId, 'devices'] as const;

export function fetchCheckpoints(signal?: AbortSignal): Promise<{ items: CheckpointResponse[] }> {
  return request('/v1/checkpoints', { query: { includeDisabled: 'true' }, signal });
}

export function createCheckpoint(body: CheckpointCreateRequest): Promise<CheckpointResponse> {
  return request('/v1/checkpoints', { method: 'POST', body });
}

/** Which colours pass, of own codes and of trusted peers' codes. */
export function setAdmission(id: string, body: CheckpointAdmissionRequest): Promise<CheckpointResponse> {
  return request(`/v1/checkpoints/${id}/admission`, { method: 'PUT', body });
}

export function disableCheckpoint(id: string): Promise<CheckpointResponse> {
  return request(`/v1/checkpoints/${id}/disable`, { method: 'POST' });
}

export function fetchDevices(
  checkpointId: string,
  signal?: AbortSignal,
): Promise<{ items: DeviceCredentialSummary[] }> {
  return request(`/v1/checkpoints/${checkpointId}/devices`, { signal });
}

/** The secret comes back this once; only its hash is kept. */
export function issueDevice(checkpointId: string, label: string): Promise<DeviceCredentialIssued> {
  return request(`/v1/checkpoints/${checkpointId}/devices`, { method: 'POST', body: { label } });
}

export function revokeDevice(checkpointId: string, credentialId: string): Promise<DeviceCredentialSummary> {
  return request(`/v1/checkpoints/${checkpointId}/devices/${credentialId}/revoke`, { method: 'POST' });
}

export const statsQueryKey = (checkpointId: string) => [...checkpointsQueryKey, checkpointId, 'stats'] as const;

/** The last 24 hours: totals, reasons, and admitted and refused scans per hour. */
export function fetchStats(checkpointId: string, signal?: AbortSignal): Promise<CheckpointStatsResponse> {
  return request(`/v1/checkpoints/${checkpointId}/stats`, { signal });
}
