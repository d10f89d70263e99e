import type { IdType } from '@healthcode/contracts';
import type { INestApplicationContext } from '@nestjs/common';

import { DevHostService } from '../../src/modules/identity/dev-host.service';
import { IdentityVerificationService } from '../../src/modules/verification/identity-verification.service';
import type { httpClient } from './http-client';

/** Medium tier: the dev host certifies `hostUser` as owning the number, then the resident verifies through it. */
export async function verifyThroughDevHost(
  app: INestApplicationContext,
  residentId: string,
  hostUser: string,
  idNumber: string,
  idType: IdType = 'resident-id',
): Promise<void> {
  await app.get(DevHostService).certify({ user: hostUser, idType, idNumber });
  await app.get(IdentityVerificationService).verify(residentId, { method: 'dev' });
}

/** HTTP: the same, as the mini-program's dev host does it. */
export async function verifyOverHttp(
  http: ReturnType<typeof httpClient>,
  token: string,
  hostUser: string,
  idNumber: string,
  idType: IdType = 'resident-id',
): Promise<void> {
  const cert = await http.post('/api/v1/dev-host/certifications', { user: hostUser, idType, idNumber });
  if (cert.status !== 204) throw new Error(`dev host certification failed: ${JSON.stringify(cert.body)}`);
  const verify = await http.post('/api/v1/me/verification', { method: 'dev' }, token);
  if (verify.status !== 200) throw new Error(`verification failed: ${JSON.stringify(verify.body)}`);
}
