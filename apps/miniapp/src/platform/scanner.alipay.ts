import Taro from '@tarojs/taro';

import type { CodeScanner } from './device.type';

/** Alipay's camera scanner (`my.scan` through Taro; the text may come back as `code`). */
export const scanner: CodeScanner = {
  hasCamera: true,
  canPaste: false,
  scan: async () => {
    try {
      const res = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })) as {
        result?: string;
        code?: string;
      };
      return res.result ?? res.code ?? null;
    } catch (e) {
      // Alipay reports a cancelled scan as error 10.
      if ((e as { error?: number })?.error === 10 || /cancel/i.test(JSON.stringify(e ?? ''))) return null;
      throw e;
    }
  },
};
