export type {
  CodeColour,
  CodeTokenClaims,
  CodeTokenErrorCode,
  CodeTokenInput,
  CodeTokenVerifyOptions,
  CodeTokenVerifyResult,
} from './code-token.model';
export type { CryptoKey, JSONWebKeySet, JWK } from 'jose';
export {
  CODE_TOKEN_ALG,
  CODE_TOKEN_DEFAULT_CLOCK_TOLERANCE_SEC,
  CODE_TOKEN_MAX_TTL_SEC,
  CODE_TOKEN_TYP,
  QR_TOKEN_MAX_LENGTH,
} from './qr-token.constant';
export { CODE_TOKEN_CLAIM_NAMES } from './code-token-claims.util';
export { InvalidCodeTokenClaimsException } from './code-token-claims.exception';
export { generateCodeId } from './code-id.util';
export { generateSigningKey, importSigningKey, type GeneratedSigningKey, type SigningKey } from './signing-key.util';
export { buildJwks } from './jwks.util';
export { createJwksKeyResolver, type CodeTokenKeyResolver } from './key-resolver.util';
export { signCodeToken, type SignCodeTokenOptions } from './sign-code-token.util';
export {
  type CodeTokenSignatureCheck,
  isWellFormedToken,
  verifyCodeToken,
  verifyCodeTokenWith,
} from './verify-code-token.util';
export { KeyRing } from './key-ring';
export { createOfflineVerifier, type OfflineVerifier, type OfflineVerifierOptions } from './offline-verifier.util';
export { ISSUER_ID_PATTERN } from './code-token-claims.util';
export type { IssuedTokenVerifyResult, TokenIssuer, TrustedIssuer } from './trusted-issuer.model';
export {
  createTrustedVerifier,
  type TrustedVerifier,
  type TrustedVerifierOptions,
  withOwnIssuer,
} from './trusted-verifier.util';
export {
  ISSUER_DOCUMENT_TYP,
  readIssuerDocument,
  readTrustList,
  signIssuerDocument,
  signTrustList,
  TRUST_LIST_TYP,
  type IssuerDocument,
  type SignedDocumentError,
  type SignedDocumentResult,
  type TrustList,
} from './signed-document.util';
export { openOfflineTrustBundle, type OfflineTrustBundle, type OfflineTrustBundleResult } from './offline-bundle.util';
export {
  CARD_STATUS_LIST_TYP,
  CARD_TOKEN_DEFAULT_TTL_SEC,
  CARD_TOKEN_MAX_TTL_SEC,
  CARD_TOKEN_TYP,
} from './qr-token.constant';
export type {
  CardStatusList,
  CardStatusReason,
  CardTokenClaims,
  CardTokenErrorCode,
  CardTokenVerifyResult,
} from './card-token.model';
export { CARD_ID_PATTERN, CARD_TOKEN_CLAIM_NAMES, isCardId } from './card-token-claims.util';
export { signCardToken } from './sign-card-token.util';
export { tokenTypeOf, verifyCardToken, verifyCardTokenWith } from './verify-card-token.util';
export { readCardStatusList, signCardStatusList } from './card-status-list.util';
export {
  openOfflineCardVerifier,
  type OfflineCardCheck,
  type OfflineCardVerifier,
  type OfflineCardVerifierResult,
} from './offline-card-verifier.util';
