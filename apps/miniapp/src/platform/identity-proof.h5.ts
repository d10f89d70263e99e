import { DevHostCertificationSchema } from '@healthcode/contracts';

import { request } from '../services/request';
import { devUserName } from './host.h5';
import type { IdentityProofAdapter } from './identity-proof.type';

/**
 * Browser demo: the dev host plays the part of WeChat's or Alipay's real-name record. It certifies that the
 * signed-in dev user owns the number typed here; the server's dev verifier then checks the profile against it.
 */
export const identityProof: IdentityProofAdapter = {
  method: 'dev',
  asksForIdNumber: true,
  prove: async ({ idType, idNumber }) => {
    const body = DevHostCertificationSchema.parse({ user: devUserName(), idType, idNumber: idNumber ?? '' });
    await request<void>('POST', '/dev-host/certifications', body, { anonymous: true });
    return { method: 'dev' };
  },
};
