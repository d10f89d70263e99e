import type { WechatVerifyStartResponse } from '@healthcode/contracts';
import Taro from '@tarojs/taro';

import { request } from '../services/request';
import type { IdentityProofAdapter } from './identity-proof.type';

/** The WeChat global; declared here because only this file may touch it. */
declare const wx: {
  requestFacialVerify(options: { verifyId: string; success: () => void; fail: (err: unknown) => void }): void;
};

/**
 * WeChat face-plus-ID check: a fresh login code proves who is asking, the server gets a verify id bound to the
 * profile's name and number, WeChat runs the face check, and the server confirms the result with WeChat.
 */
export const identityProof: IdentityProofAdapter = {
  method: 'wechat',
  asksForIdNumber: false,
  prove: async () => {
    const { code } = await Taro.login();
    const { verifyId } = await request<WechatVerifyStartResponse>('POST', '/me/verification/wechat', { code });
    await new Promise<void>((resolve, reject) => wx.requestFacialVerify({ verifyId, success: resolve, fail: reject }));
    return { method: 'wechat', verifyId };
  },
};
