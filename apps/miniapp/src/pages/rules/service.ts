import Taro from '@tarojs/taro';

import { request } from '../../services/request';
import type { PublicRulesResponse, RuleSetChange } from './rules.model';

const REGION_KEY = 'hc.rulesRegion';

/** Public endpoints: sent without a token so they work the same signed in or not. */
export function fetchRules(region: string): Promise<PublicRulesResponse> {
  return request<PublicRulesResponse>('GET', '/rules', undefined, { query: { region }, anonymous: true });
}

export async function fetchChangelog(): Promise<RuleSetChange[]> {
  const { items } = await request<{ items: RuleSetChange[] }>('GET', '/rules/changelog', undefined, {
    anonymous: true,
  });
  return [...items].sort((a, b) => b.version - a.version);
}

/** The region last looked at on this device, so the page opens where the resident left it. */
export function readLastRegion(): string | null {
  const value: unknown = Taro.getStorageSync(REGION_KEY);
  return typeof value === 'string' && value ? value : null;
}

export function saveLastRegion(region: string | null): void {
  if (region) Taro.setStorageSync(REGION_KEY, region);
  else Taro.removeStorageSync(REGION_KEY);
}
