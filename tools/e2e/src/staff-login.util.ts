import { generate } from 'otplib';

/** The password the demo seed gives every staff account. */
export const DEMO_PASSWORD = 'healthcode-demo';

const lastStep = new Map<string, number>();

/**
 * A fresh TOTP code: the API refuses a time step it has already accepted and accepts one step of drift, so a
 * third login inside one 30-second window waits for the clock.
 */
export async function totpCode(secret: string): Promise<string> {
  const used = lastStep.get(secret);
  let current = Math.floor(Date.now() / 30_000);
  while (used !== undefined && used + 1 > current + 1) {
    await new Promise((r) => setTimeout(r, 1000));
    current = Math.floor(Date.now() / 30_000);
  }
  const step = used === undefined ? current : Math.max(current, used + 1);
  lastStep.set(secret, step);
  return generate({ secret, epoch: step * 30 });
}

/**
 * A staff bearer token through the API's login route (the console's and the mini-program's specs set up with it),
 * with a fresh TOTP code where the account has a secret; throws unless the login succeeds.
 */
export async function staffApiToken(
  baseUrl: string,
  username: string,
  totpSecret?: string | null,
  password = DEMO_PASSWORD,
): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, ...(totpSecret ? { totp: await totpCode(totpSecret) } : {}) }),
  });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`staff login ${username}: ${res.status} ${JSON.stringify(body)}`);
  return body.accessToken as string;
}
