import { generate, generateSecret, generateURI, verify } from 'otplib';

export const TOTP_ISSUER = 'healthcode';
const PERIOD_SECONDS = 30;

export interface TotpEnrollment {
  /** Base32, for typing into an authenticator app. */
  secret: string;
  /** `otpauth://totp/…` for a QR code. */
  otpauthUrl: string;
}

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpEnrollment(username: string, secret: string): TotpEnrollment {
  return { secret, otpauthUrl: generateURI({ issuer: TOTP_ISSUER, label: username, secret }) };
}

/**
 * Checks a 6-digit code at `now`, accepting one step either side for clock drift. A code whose time step is
 * not after `lastStep` is refused, so an observed code cannot be replayed. Returns the accepted step.
 */
export async function checkTotp(
  secret: string,
  token: string,
  now: Date,
  lastStep: number | null,
): Promise<number | null> {
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: PERIOD_SECONDS,
    ...(lastStep != null ? { afterTimeStep: lastStep } : {}),
  });
  // The union includes HOTP's result type; a TOTP match always carries its time step.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** For tests and demos: the code an authenticator would show at `now`. */
export function totpAt(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}
