import Taro from '@tarojs/taro';

import type { SubscribeAdapter } from './subscribe.type';

/** `my.requestSubscribeMessage({ entityIds })`: Alipay's subscription replaces the old `form_id`. */
export const subscriber: SubscribeAdapter = {
  host: 'alipay',
  request: async (entityIds) => {
    if (entityIds.length === 0) return null;
    const res = (await Taro.requestSubscribeMessage({ entityIds: entityIds.slice(0, 3) } as never)) as unknown;
    return res as Record<string, string>;
  },
};
