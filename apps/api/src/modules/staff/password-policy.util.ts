export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * NIST SP 800-63B style: length over composition rules. Returns why a password is refused, or null.
 * (A breached-password list would be the next step; it needs a data file this repository does not ship.)
 */
export function passwordProblem(password: string, username: string): string | null {
  const chars = Array.from(password);
  if (chars.length < PASSWORD_MIN_LENGTH) return `At least ${PASSWORD_MIN_LENGTH} characters`;
  if (chars.length > PASSWORD_MAX_LENGTH) return `At most ${PASSWORD_MAX_LENGTH} characters`;
  if (new Set(chars).size < 4) return 'Use more than three different characters';
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    return 'The password must not contain the user name';
  return null;
}
