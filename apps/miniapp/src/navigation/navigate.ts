import Taro from '@tarojs/taro';

import { PAGES, type PageName } from './routes.constant';

export function pageUrl(page: PageName, params?: Record<string, string>): string {
  const query = Object.entries(params ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return `/${PAGES[page]}${query ? `?${query}` : ''}`;
}

/** Opens a page on top of the current one (back returns here). */
export function openPage(page: PageName, params?: Record<string, string>): void {
  void Taro.navigateTo({ url: pageUrl(page, params) });
}

/** Swaps the current page: used between main tabs so the page stack (10 deep on WeChat) never fills. */
export function switchPage(page: PageName): void {
  void Taro.redirectTo({ url: pageUrl(page) });
}

/** Starts over at a page with an empty stack: after sign-in, sign-up, sign-out and deletion. */
export function restartAt(page: PageName): void {
  void Taro.reLaunch({ url: pageUrl(page) });
}

/**
 * Back to where the person came from; a page opened directly (a shared link, a reload in H5, a notification)
 * has nothing under it, so it goes to `fallback` instead of leaving the person stuck.
 */
export function goBack(fallback: PageName): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else switchPage(fallback);
}
