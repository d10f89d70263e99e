import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/** Refreshes when the page is shown again (back from another page), not on its first show. */
export function useRefreshOnReturn(refresh: () => void): void {
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    refresh();
  });
}
