import type { StaffLoginRequest, StaffLoginResponse } from '@healthcode/contracts';

import { saveOperator } from '../../checkpoint/checkpoint-store';
import { request } from '../../services/request';

export class NotAnOperatorError extends Error {
  readonly isNotAnOperator = true;
  constructor(readonly role: string) {
    super(`Not a checkpoint operator: ${role}`);
  }
}

/**
 * Staff sign-in for checkpoint mode. Only `checkpoint-operator` accounts may switch a device into it. The
 * session token is not kept: scans are authorised by the device credential (see README, "Checkpoint mode").
 */
export async function signInOperator(body: StaffLoginRequest): Promise<StaffLoginResponse> {
  const res = await request<StaffLoginResponse>('POST', '/staff/login', body, { anonymous: true });
  if (res.staff.role !== 'checkpoint-operator') throw new NotAnOperatorError(res.staff.role);
  saveOperator(res.staff);
  return res;
}
