import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn scores 0..4; below 3 means a password in (or close to) the breached and common lists. */
const MIN_STRENGTH = 3;

// Built once: loading the lists (the most common breached passwords, common words and names, keyboard
// patterns) is the expensive part; each check is then about a millisecond.
let strength: ZxcvbnFactory | undefined;
const estimator = () => (strength ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

/**
 * NIST SP 800-63B style: length over composition rules, and no password from a breached or common list
 * (`@zxcvbn-ts/language-common`, maintained upstream, rather than a hand-typed list), nor one built from
 * the user name. Returns why a password is refused, or null.
 */
export function passwordProblem(password: string, username: string): string | null {
  const chars = Array.from(password);
  if (chars.length < PASSWORD_MIN_LENGTH) return `At least ${PASSWORD_MIN_LENGTH} characters`;
  if (chars.length > PASSWORD_MAX_LENGTH) return `At most ${PASSWORD_MAX_LENGTH} characters`;
  if (new Set(chars).size < 4) return 'Use more than three different characters';
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    return 'The password must not contain the user name';
  // Only the first 100 characters are scored: enough to tell, and zxcvbn's matching grows with length.
  const { score } = estimator().check(password.slice(0, 100), username ? [username] : []);
  if (score < MIN_STRENGTH)
    return 'This password is in a list of breached or common passwords, or close to one: choose a longer passphrase of unrelated words';
  return null;
}
