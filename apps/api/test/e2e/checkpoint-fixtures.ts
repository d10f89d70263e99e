import { randomUUID } from 'node:crypto';

import type { StaffRole } from '@healthcode/contracts';

import type { httpClient } from '../utils/http-client';
import { newStaff } from '../utils/staff.factory';
import type { TestApp } from '../utils/test-app';

/** A staff account (the shared factory) and a session token for it; these tests are about checkpoints, not login. */
export async function staffToken(
  t: TestApp,
  role: StaffRole,
  regionScope: string,
): Promise<{ id: string; token: string }> {
  const staff = await newStaff(t, role, regionScope);
  return { id: staff.id, token: staff.token };
}

type Http = ReturnType<typeof httpClient>;

/** Creates a checkpoint and one device credential for it; returns the device's Authorization header. */
export async function checkpointWithDevice(http: Http, adminToken: string, overrides: Record<string, unknown> = {}) {
  const created = await http.post(
    '/api/v1/checkpoints',
    {
      name: '龙翔桥站 A 口',
      kind: 'metro',
      region: '330106',
      place: 'Longxiangqiao station, exit A',
      admits: ['green'],
      ...overrides,
    },
    adminToken,
  );
  if (created.status !== 201) throw new Error(`create checkpoint: ${JSON.stringify(created.body)}`);
  const device = await http.post(`/api/v1/checkpoints/${created.body.id}/devices`, { label: 'gate 1' }, adminToken);
  if (device.status !== 201) throw new Error(`issue device: ${JSON.stringify(device.body)}`);
  return {
    checkpoint: created.body,
    device: device.body,
    auth: { authorization: device.body.authorization as string },
  };
}

let scanCounter = 0;
export const scanId = () => `scan-${Date.now().toString(36)}-${++scanCounter}-${randomUUID().slice(0, 8)}`;
