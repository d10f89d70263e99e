import Taro from '@tarojs/taro';
import { clock } from './clock';

const TOKEN_KEY = 'hc.accessToken';
/** Stop using a token a little before the server would refuse it. */
const EXPIRY_MARGIN_MS = 30_000;

interface StoredToken {
  token: string;
  expiresAt: number;
}

export function saveAccessToken(token: string, expiresInSeconds: number, now = clock.ms()): void {
  const stored: StoredToken = { token, expiresAt: now + expiresInSeconds * 1000 };
  Taro.setStorageSync(TOKEN_KEY, stored);
}

/** The stored bearer token, or null when there is none or it has (nearly) expired. */
export function readAccessToken(now = clock.ms()): string | null {
  const stored = Taro.getStorageSync(TOKEN_KEY) as StoredToken | '' | undefined;
  if (!stored || typeof stored.token !== 'string') return null;
  if (stored.expiresAt - EXPIRY_MARGIN_MS <= now) {
    clearAccessToken();
    return null;
  }
  return stored.token;
}

export function clearAccessToken(): void {
  Taro.removeStorageSync(TOKEN_KEY);
}
