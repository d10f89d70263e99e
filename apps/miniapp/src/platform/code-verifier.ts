// Type-checking and jest resolve `platform/code-verifier` to this file; Taro builds pick code-verifier.<platform>.ts.
export { codeVerifier } from './code-verifier.h5';
