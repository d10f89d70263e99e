import Taro from '@tarojs/taro';

import type { EvidencePicker } from './device.type';

const cancelled = (e: unknown) => /cancel|取消/i.test(JSON.stringify(e ?? ''));

/** Alipay: photos and camera through `chooseImage` (Alipay has no chat-file picker for mini-programs). */
export const evidencePicker: EvidencePicker = {
  sources: ['photo'],
  pick: async (_source, max) => {
    try {
      const res = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      return res.tempFilePaths.map((p, i) => {
        const bytes = Taro.getFileSystemManager().readFileSync(p) as ArrayBuffer;
        return { name: `photo-${i + 1}${/\.png$/i.test(p) ? '.png' : '.jpg'}`, size: bytes.byteLength, bytes };
      });
    } catch (e) {
      if (cancelled(e)) return [];
      throw e;
    }
  },
};
