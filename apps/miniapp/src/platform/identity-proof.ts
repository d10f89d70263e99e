// Type-checking and jest resolve `platform/identity-proof` to this file; Taro builds pick identity-proof.<platform>.ts.
export { identityProof } from './identity-proof.h5';
