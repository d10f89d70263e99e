import { apiErrorFromResponse, networkError } from '../services/api-request-error';
import { buildUrl } from '../services/request';
import { readAccessToken } from '../services/token-store';
import { actingForHeader } from '../session/acting-for-header.util';
import { currentLocale } from '../i18n/i18n';
import type { CardDownloader } from './card-download.type';

/** Browser: fetch the PDF with the session's bearer token and save it through a download link. */
export const cardDownloader: CardDownloader = {
  async open(size) {
    const token = readAccessToken();
    let res: Response;
    try {
      res = await fetch(buildUrl('/me/card/pdf', { size }), {
        headers: {
          'Accept-Language': currentLocale(),
          ...(token ? { Authorization: `Bearer ${token}`, ...actingForHeader() } : {}),
        },
      });
    } catch {
      throw networkError();
    }
    if (!res.ok) throw apiErrorFromResponse(res.status, await res.json().catch(() => null));
    const url = URL.createObjectURL(await res.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `health-card-${size}.pdf`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
};
