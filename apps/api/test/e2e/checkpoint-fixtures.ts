import { randomUUID } from 'node:crypto';

import type { StaffRole } from '@healthcode/contracts';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { newId } from '../../src/database/uuid-binary.transformer';
import { SessionTokenService } from '../../src/modules/auth/session-token.service';
import { StaffEntity } from '../../src/modules/staff/staff.entity';
import type { httpClient } from '../utils/http-client';

/** A staff account row plus a session token for it (no login round trip: these tests are about checkpoints). */
export async function staffToken(app: INestApplication, role: StaffRole, regionScope: string): Promise<{ id: string; token: string }> {
  const id = newId();
  await app.get(DataSource).getRepository(StaffEntity).insert({
    id,
    username: `cp-${role}-${randomUUID().slice(0, 8)}`,
    displayName: role,
    passwordHash: 'x',
    role,
    regionScope,
    totpSecretEnc: null,
    totpLastStep: null,
    disabled: false,
    sessionsValidAfter: null,
    lastLoginAt: null,
    createdBy: null,
    failedLogins: 0,
    lockedUntil: null,
    createdAt: new Date(),
  });
  const { accessToken } = await app.get(SessionTokenService).issue({ kind: 'staff', staffId: id, role, regionScope });
  return { id, token: accessToken };
}

type Http = ReturnType<typeof httpClient>;

/** Creates a checkpoint and one device credential for it; returns the device's Authorization header. */
export async function checkpointWithDevice(http: Http, adminToken: string, overrides: Record<string, unknown> = {}) {
  const created = await http.post('/api/v1/checkpoints', { name: '龙翔桥站 A 口', kind: 'metro', region: '330106', place: 'Longxiangqiao station, exit A', admits: ['green'], ...overrides }, adminToken);
  if (created.status !== 201) throw new Error(`create checkpoint: ${JSON.stringify(created.body)}`);
  const device = await http.post(`/api/v1/checkpoints/${created.body.id}/devices`, { label: 'gate 1' }, adminToken);
  if (device.status !== 201) throw new Error(`issue device: ${JSON.stringify(device.body)}`);
  return { checkpoint: created.body, device: device.body, auth: { authorization: device.body.authorization as string } };
}

let scanCounter = 0;
export const scanId = () => `scan-${Date.now().toString(36)}-${++scanCounter}-${randomUUID().slice(0, 8)}`;
