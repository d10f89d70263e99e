import type { IdentityProofAdapter } from './identity-proof.type';

/** The Alipay global; declared here because only this file may touch it. */
declare const my: {
  getAuthCode(options: {
    scopes: string;
    success: (res: { authCode: string }) => void;
    fail: (err: unknown) => void;
  }): void;
};

/** Alipay real-name certification: the resident authorises `auth_user`; the server reads the certified number. */
export const identityProof: IdentityProofAdapter = {
  method: 'alipay',
  asksForIdNumber: false,
  prove: () =>
    new Promise((resolve, reject) => {
      my.getAuthCode({
        scopes: 'auth_user',
        success: (res) => resolve({ method: 'alipay', authCode: res.authCode }),
        fail: reject,
      });
    }),
};
