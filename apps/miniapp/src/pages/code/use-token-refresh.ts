import { useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';

import { refreshDelayMs } from './code-refresh.util';

/**
 * Keeps the QR token fresh: fetches again shortly before `tokenExpiresAt`, and whenever the page
 * comes back into view (after a check-in or a declaration the colour may have changed).
 */
export function useTokenRefresh(tokenExpiresAt: string | undefined, refresh: () => void): void {
  useEffect(() => {
    if (!tokenExpiresAt) return undefined;
    const id = setTimeout(refresh, refreshDelayMs(tokenExpiresAt, Date.now()));
    return () => clearTimeout(id);
  }, [tokenExpiresAt, refresh]);

  const firstShow = useRef(true);
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else refresh();
  });
}
