import { SignJWT } from 'jose';

import { systemNow } from './clock';
import { InvalidCodeTokenClaimsException } from './code-token-claims.exception';
import { CODE_TOKEN_CLAIM_NAMES, findClaimProblem, pickClaims } from './code-token-claims.util';
import type { CodeTokenInput } from './code-token.model';
import { CODE_TOKEN_ALG, CODE_TOKEN_MAX_TTL_SEC, CODE_TOKEN_TYP, QR_TOKEN_MAX_LENGTH } from './qr-token.constant';
import type { SigningKey } from './signing-key.util';

export interface SignCodeTokenOptions {
  /** Default for `iat` when the claims leave it out. */
  readonly now?: Date;
}

/**
 * Signs the QR payload. Only the known claim names are allowed: anything else (a name, an ID number,
 * a phone) is refused with `InvalidCodeTokenClaimsException` instead of ending up in a QR code.
 */
export async function signCodeToken(
  claims: CodeTokenInput,
  signingKey: SigningKey,
  options: SignCodeTokenOptions = {},
): Promise<string> {
  const unexpected = Object.keys(claims).find((name) => !CODE_TOKEN_CLAIM_NAMES.includes(name));
  if (unexpected !== undefined) throw new InvalidCodeTokenClaimsException(unexpected, 'is not a code token claim');

  const iat = claims.iat ?? Math.floor((options.now ?? systemNow()).getTime() / 1000);
  const complete: Record<string, unknown> = { ...claims, iat, exp: claims.exp ?? iat + CODE_TOKEN_MAX_TTL_SEC };
  if (complete.cv === undefined) delete complete.cv;
  if (complete.iss === undefined) delete complete.iss;
  const problem = findClaimProblem(complete);
  if (problem) throw new InvalidCodeTokenClaimsException(problem.claim, problem.reason);

  const token = await new SignJWT({ ...pickClaims(complete) })
    .setProtectedHeader({ alg: CODE_TOKEN_ALG, kid: signingKey.kid, typ: CODE_TOKEN_TYP })
    .sign(signingKey.privateKey);
  if (token.length > QR_TOKEN_MAX_LENGTH) throw new RangeError('Code token exceeds QR_TOKEN_MAX_LENGTH');
  return token;
}
