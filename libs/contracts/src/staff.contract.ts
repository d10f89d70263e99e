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

/** Step one again, for an account whose authenticator was reset (or a new privileged account). */
export const StaffTotpEnrollRequestSchema = StaffLoginRequestSchema.omit({ totp: true });
export type StaffTotpEnrollRequest = z.infer<typeof StaffTotpEnrollRequestSchema>;

/** The new secret, shown once to the staff member themselves; it takes effect with the first code they send. */
export interface StaffTotpEnrollment {
  /** Base32, for typing into an authenticator app. */
  secret: string;
  /** `otpauth://totp/…`, for a QR code. */
  otpauthUrl: string;
}

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
