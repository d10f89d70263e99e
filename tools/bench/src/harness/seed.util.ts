import { createHash, randomBytes, randomUUID } from 'node:crypto';

import type { KeyRing } from '@healthcode/qr-token';
import { SignJWT } from 'jose';
import type { Pool } from 'mysql2/promise';

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');

export interface SeededCode {
  residentId: string;
  codeId: string;
}

/** Stored green codes, written as the code service writes them (the scan and code-fetch paths only read these). */
export async function seedCodes(db: Pool, count: number): Promise<SeededCode[]> {
  const now = new Date();
  const codes: SeededCode[] = [];
  for (let i = 0; i < count; i += 1000) {
    const chunk = Array.from({ length: Math.min(1000, count - i) }, () => ({
      residentId: randomUUID(),
      codeId: randomBytes(16).toString('base64url'),
    }));
    const values = chunk.map(() => "(?, 'green', '[]', NULL, NULL, '[]', 1, ?, 1, ?, '330106', ?, NULL)").join(',');
    await db.query(
      `INSERT INTO resident_codes (resident_id, color, reasons, green_at, green_when, steps, rule_set_version, code_id, code_version, color_changed_at, region, evaluated_at, stale_at) VALUES ${values}`,
      chunk.flatMap((c) => [uuidBytes(c.residentId), c.codeId, now, now]),
    );
    // A token's code id resolves to its resident only through code_tokens, as CodeSignerService links it.
    await db.query(
      `INSERT INTO code_tokens (token_id, resident_id, expires_at) VALUES ${chunk.map(() => '(?, ?, ?)').join(',')}`,
      chunk.flatMap((c) => [c.codeId, uuidBytes(c.residentId), new Date(now.getTime() + 3_600_000)]),
    );
    codes.push(...chunk);
  }
  return codes;
}

/** QR tokens exactly as the API signs them (same key ring). */
export function signTokens(ring: KeyRing, codes: SeededCode[]): Promise<string[]> {
  return Promise.all(codes.map((c) => ring.sign({ cid: c.codeId, col: 'green', rsv: 1, cv: 1 })));
}

/** A resident bearer token as SessionTokenService issues it. */
export function residentSession(secret: Buffer, residentId: string): Promise<string> {
  return new SignJWT({ typ: 'resident' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(residentId)
    .setIssuer('healthcode')
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(secret);
}

/** A checkpoint with `devices` credentials; returns each device's Authorization header. */
export async function seedCheckpoint(
  db: Pool,
  devices: number,
): Promise<{ checkpointId: string; authorizations: string[] }> {
  const checkpointId = randomUUID();
  const now = new Date();
  await db.query(
    "INSERT INTO checkpoints (id, name, kind, region, place, admits, disabled, created_by, created_at) VALUES (?, 'Bench metro', 'metro', '330106', 'Exit A', '[\"green\"]', 0, NULL, ?)",
    [uuidBytes(checkpointId), now],
  );
  const authorizations: string[] = [];
  for (let i = 0; i < devices; i++) {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await db.query(
      'INSERT INTO checkpoint_devices (id, checkpoint_id, label, secret_hash, created_by, created_at, revoked_at) VALUES (?,?,?,?,NULL,?,NULL)',
      [uuidBytes(id), uuidBytes(checkpointId), `gate ${i}`, createHash('sha256').update(secret).digest(), now],
    );
    authorizations.push(`Device ${id}.${secret}`);
  }
  return { checkpointId, authorizations };
}

export { uuidBytes };
