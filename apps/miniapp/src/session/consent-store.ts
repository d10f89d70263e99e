import Taro from '@tarojs/taro';

const CONSENT_KEY = 'hc.consentVersion';

/** The consent version the resident accepted on this device, sent with sign-up. */
export function saveAcceptedConsent(version: string): void {
  Taro.setStorageSync(CONSENT_KEY, version);
}

export function readAcceptedConsent(): string | null {
  const value: unknown = Taro.getStorageSync(CONSENT_KEY);
  return typeof value === 'string' && value ? value : null;
}

export function clearAcceptedConsent(): void {
  Taro.removeStorageSync(CONSENT_KEY);
}
