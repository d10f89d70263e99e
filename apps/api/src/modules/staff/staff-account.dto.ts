import { boundedText, regionScopeCode, STAFF_ROLES } from '@healthcode/contracts';
import { z } from 'zod';

import { PASSWORD_MAX_LENGTH, passwordProblem } from './password-policy.util';

/** Starts with a letter, so an ID or phone number typed into the user-name box can never be an account name. */
export const STAFF_USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,63}$/;

export const StaffUsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(STAFF_USERNAME_PATTERN, '3 to 64 characters: letters, digits and . _ -, starting with a letter');

/** '' (whole country) or a GB/T 2260 prefix. */
export const RegionScopeSchema = regionScopeCode();

const password = () => z.string().max(PASSWORD_MAX_LENGTH, `At most ${PASSWORD_MAX_LENGTH} characters`);

export const CreateStaffAccountRequestSchema = z
  .strictObject({
    username: StaffUsernameSchema,
    displayName: boundedText(64),
    role: z.enum(STAFF_ROLES),
    regionScope: RegionScopeSchema,
    password: password(),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, v.username);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });
export type CreateStaffAccountRequest = z.infer<typeof CreateStaffAccountRequestSchema>;

/** The target's user name is checked by the service, which knows it. */
export const ResetPasswordRequestSchema = z.strictObject({ password: password() }).superRefine((v, ctx) => {
  const problem = passwordProblem(v.password, '');
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
});
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequestSchema>;

/** The policy is applied by the service, which knows the user name and checks the current password first. */
export const ChangeOwnPasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1, 'Required').max(PASSWORD_MAX_LENGTH, `At most ${PASSWORD_MAX_LENGTH} characters`),
  newPassword: z.string().min(1, 'Required').max(PASSWORD_MAX_LENGTH, `At most ${PASSWORD_MAX_LENGTH} characters`),
});
export type ChangeOwnPasswordRequest = z.infer<typeof ChangeOwnPasswordRequestSchema>;

export const StaffIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'A staff account id (UUID)');

export type { StaffAccountView } from '@healthcode/contracts';
