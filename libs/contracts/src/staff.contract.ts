import { z } from 'zod';

export const STAFF_ROLES = [
  'hotline-agent',
  'supervisor',
  'region-admin',
  'auditor',
  'checkpoint-operator',
  'system-admin',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles that can change colours or rules log in with a second factor. */
export const TOTP_ROLES: readonly StaffRole[] = ['region-admin', 'supervisor', 'system-admin'];

export const StaffLoginRequestSchema = z.strictObject({
  username: z.string().trim().min(1, 'Required').max(64),
  password: z.string().min(1, 'Required').max(256),
  totp: z
    .string()
    .regex(/^\d{6}$/, 'Six digits from your authenticator app')
    .optional(),
});
export type StaffLoginRequest = z.infer<typeof StaffLoginRequestSchema>;

export interface StaffIdentity {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  /** GB/T 2260 prefix: '33' province, '3301' city, '330106' district; '' for the whole country. */
  regionScope: string;
}

export interface StaffLoginResponse {
  accessToken: string;
  expiresIn: number;
  staff: StaffIdentity;
}
