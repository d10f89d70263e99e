/** Injection token: the enabled `IdentityVerifier` adapters (dev outside production, WeChat and Alipay when configured). */
export const IDENTITY_VERIFIERS = Symbol('IDENTITY_VERIFIERS');
