import Taro from '@tarojs/taro';

const ACTING_KEY = 'hc.actingFor';

/** The dependant the carer is acting for on this device: the pages marked `acting` use it. */
export interface ActingFor {
  dependantId: string;
  /** Masked, as the server gave it: shown in the banner. */
  name: string;
}

export function saveActingFor(actingFor: ActingFor): void {
  Taro.setStorageSync(ACTING_KEY, actingFor);
}

export function readActingFor(): ActingFor | null {
  const value = Taro.getStorageSync(ACTING_KEY) as ActingFor | '' | undefined;
  return value && typeof value.dependantId === 'string' ? value : null;
}

export function clearActingFor(): void {
  Taro.removeStorageSync(ACTING_KEY);
}
