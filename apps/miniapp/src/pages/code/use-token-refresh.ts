import { useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';

import { refreshDelayMs } from './code-refresh.util';
import { clock } from '../../services/clock';

/** Coming back to the page sooner than this after a load does not fetch again. */
export const SHOW_REFRESH_MIN_AGE_MS = 5_000;

/**
 * Keeps the QR token fresh: fetches again shortly before `tokenExpiresAt`, and when the page comes
 * back into view (after a check-in or a declaration the colour may have changed). Hosts report
 * "shown" more than once around navigation, hence the minimum age.
 */
export function useTokenRefresh(tokenExpiresAt: string | undefined, refresh: () => void): void {
  const loadedAt = useRef(clock.ms());

  useEffect(() => {
    loadedAt.current = clock.ms();
    if (!tokenExpiresAt) return undefined;
    const id = setTimeout(refresh, refreshDelayMs(tokenExpiresAt, clock.ms()));
    return () => clearTimeout(id);
  }, [tokenExpiresAt, refresh]);

  useDidShow(() => {
    if (clock.ms() - loadedAt.current >= SHOW_REFRESH_MIN_AGE_MS) refresh();
  });
}
