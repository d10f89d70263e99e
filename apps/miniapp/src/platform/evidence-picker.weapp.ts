import Taro from '@tarojs/taro';

import type { EvidenceFile } from '../evidence/evidence-file.util';
import type { EvidencePicker } from './device.type';

function read(path: string, name: string): EvidenceFile {
  const bytes = Taro.getFileSystemManager().readFileSync(path) as ArrayBuffer;
  return { name, size: bytes.byteLength, bytes };
}

const cancelled = (e: unknown) => /cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? e));

/** WeChat: photos through `chooseImage`, PDFs and images from a chat through `chooseMessageFile`. */
export const evidencePicker: EvidencePicker = {
  sources: ['photo', 'file'],
  pick: async (source, max) => {
    try {
      if (source === 'photo') {
        const res = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
        return res.tempFilePaths.map((p, i) => read(p, `photo-${i + 1}${/\.png$/i.test(p) ? '.png' : '.jpg'}`));
      }
      const res = await Taro.chooseMessageFile({ count: max, type: 'file', extension: ['pdf', 'jpg', 'jpeg', 'png'] });
      return res.tempFiles.map((f) => read(f.path, f.name));
    } catch (e) {
      if (cancelled(e)) return [];
      throw e;
    }
  },
};
