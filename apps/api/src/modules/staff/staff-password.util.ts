import { argon2id, hash, verify } from 'argon2';

/**
 * argon2id with OWASP's baseline (19 MiB, 2 passes, 1 lane): about 30 ms per hash here, which keeps a
 * login cheap for people and a guessing run slow. The encoded hash carries its own parameters, so
 * raising them later still verifies old hashes.
 */
const OPTIONS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(encoded: string, password: string): Promise<boolean> {
  try {
    return await verify(encoded, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/** Computes the dummy hash ahead of the first login, so the first unknown name costs no extra hash. */
export function warmUpPasswordCheck(): Promise<string> {
  return (dummy ??= hashPassword('healthcode-timing-equaliser'));
}

/** Spends the same time as a real check, so an unknown user name cannot be told apart by timing. */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummy ??= hashPassword('healthcode-timing-equaliser');
  await verifyPassword(await dummy, password);
  return false;
}
