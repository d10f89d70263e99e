import { SignJWT } from 'jose';

import { CARD_TOKEN_CLAIM_NAMES, findCardClaimProblem } from './card-token-claims.util';
import type { CardTokenClaims } from './card-token.model';
import { InvalidCodeTokenClaimsException } from './code-token-claims.exception';
import { CARD_TOKEN_TYP, CODE_TOKEN_ALG, QR_TOKEN_MAX_LENGTH } from './qr-token.constant';
import type { SigningKey } from './signing-key.util';

/**
 * Signs a printed card's QR payload (`typ` `hc-card+jwt`). Only `iss`, `crd`, `nbf` and `exp` are allowed:
 * anything else is refused with `InvalidCodeTokenClaimsException`, so nothing personal ends up on paper.
 */
export async function signCardToken(claims: CardTokenClaims, signingKey: SigningKey): Promise<string> {
  const unexpected = Object.keys(claims).find((name) => !CARD_TOKEN_CLAIM_NAMES.includes(name));
  if (unexpected !== undefined) throw new InvalidCodeTokenClaimsException(unexpected, 'is not a card token claim');
  const problem = findCardClaimProblem({ ...claims });
  if (problem) throw new InvalidCodeTokenClaimsException(problem.claim, problem.reason);
  const token = await new SignJWT({ iss: claims.iss, crd: claims.crd, nbf: claims.nbf, exp: claims.exp })
    .setProtectedHeader({ alg: CODE_TOKEN_ALG, kid: signingKey.kid, typ: CARD_TOKEN_TYP })
    .sign(signingKey.privateKey);
  if (token.length > QR_TOKEN_MAX_LENGTH) throw new RangeError('Card token exceeds QR_TOKEN_MAX_LENGTH');
  return token;
}
