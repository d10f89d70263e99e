import Taro from '@tarojs/taro';

import type { CodeScanner } from './device.type';

/** WeChat's own camera scanner. */
export const scanner: CodeScanner = {
  hasCamera: true,
  canPaste: false,
  scan: async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      return res.result;
    } catch (e) {
      if (/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? e))) return null;
      throw e;
    }
  },
};
