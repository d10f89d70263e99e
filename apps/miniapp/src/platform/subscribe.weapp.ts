import Taro from '@tarojs/taro';

import type { SubscribeAdapter } from './subscribe.type';

/** `wx.requestSubscribeMessage({ tmplIds })`: up to 3 ids, one-time templates allow one message per "accept". */
export const subscriber: SubscribeAdapter = {
  host: 'wechat',
  request: async (tmplIds) => {
    if (tmplIds.length === 0) return null;
    const res = (await Taro.requestSubscribeMessage({ tmplIds: tmplIds.slice(0, 3) } as never)) as unknown;
    return res as Record<string, string>;
  },
};
