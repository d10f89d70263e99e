import Taro from '@tarojs/taro';

import type { HostAdapter } from './host.type';

/** WeChat: absolute API host from the build (`API_BASE`), login code from `wx.login`. */
export const host: HostAdapter = {
  apiBase: `${API_BASE.replace(/\/+$/, '')}/api`,
  provider: 'wechat',
  asksForDemoName: false,
  loginCode: async () => (await Taro.login()).code,
  responseFromFailure: () => null,
};
