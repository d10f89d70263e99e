import Taro from '@tarojs/taro';

import { apiErrorFromResponse, networkError } from '../services/api-request-error';
import { buildUrl } from '../services/request';
import { readAccessToken } from '../services/token-store';
import { actingForHeader } from '../session/acting-for-header.util';
import { currentLocale } from '../i18n/i18n';
import type { CardDownloader } from './card-download.type';

/** Mini-programs: download to a temporary file, then open it in the host's document viewer (print or share from there). */
export const cardDownloader: CardDownloader = {
  async open(size) {
    const token = readAccessToken();
    let res: Taro.downloadFile.FileSuccessCallbackResult;
    try {
      res = await Taro.downloadFile({
        url: buildUrl('/me/card/pdf', { size }),
        header: {
          'Accept-Language': currentLocale(),
          ...(token ? { Authorization: `Bearer ${token}`, ...actingForHeader() } : {}),
        },
      });
    } catch {
      throw networkError();
    }
    if (res.statusCode !== 200) throw apiErrorFromResponse(res.statusCode, null);
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: true });
  },
};
