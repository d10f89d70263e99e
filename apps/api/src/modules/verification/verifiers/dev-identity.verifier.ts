import { Injectable } from '@nestjs/common';

import { DevHostIdentityRepository } from '../../identity/dev-host-identity.repository';
import {
  type IdentityProof,
  type IdentityVerifier,
  VerificationRefusedError,
  type VerificationSubject,
} from '../identity-verifier.interface';

/**
 * The dev host (demo and tests, never production): it knows which ID numbers each of its users owns, as WeChat
 * and Alipay know from their real-name certification, and confirms the profile's number when it is one of them.
 */
@Injectable()
export class DevIdentityVerifier implements IdentityVerifier {
  readonly method = 'dev' as const;

  constructor(private readonly identities: DevHostIdentityRepository) {}

  async verify(subject: VerificationSubject): Promise<IdentityProof> {
    if (subject.hostProvider !== 'dev')
      throw new VerificationRefusedError('The dev host verifies only accounts that logged in through it');
    if (!(await this.identities.owns(subject.hostKey, subject.idHmac)))
      throw new VerificationRefusedError(
        'The dev host does not know this ID number for your account: it verified a different ID number than the one in your profile',
      );
    return { idHmac: subject.idHmac, proofRef: null };
  }
}
