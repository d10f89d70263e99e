/** Mirrors `StaffLoginRequestSchema` (contracts) without shipping zod to the login page. */
export const USERNAME_MAX_LENGTH = 64;
export const PASSWORD_MAX_LENGTH = 256;
export const TOTP_PATTERN = /^\d{6}$/;
