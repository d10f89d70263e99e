/**
 * The slice of `@tarojs/taro` the app uses, backed by memory: storage is a Map, `request` is a jest
 * mock each test programs, navigation calls are recorded.
 */
export const storage = new Map<string, unknown>();

export const request = jest.fn();
export const login = jest.fn(async () => ({ code: 'host-login-code', errMsg: 'login:ok' }));
export const navigateTo = jest.fn(async () => undefined);
export const redirectTo = jest.fn(async () => undefined);
export const reLaunch = jest.fn(async () => undefined);
export const navigateBack = jest.fn(async () => undefined);
export const setNavigationBarTitle = jest.fn(async () => undefined);
export const showToast = jest.fn(async () => undefined);

export const systemInfo = { language: 'zh_CN', windowWidth: 375, windowHeight: 667 };

const Taro = {
  request,
  login,
  navigateTo,
  redirectTo,
  reLaunch,
  navigateBack,
  setNavigationBarTitle,
  showToast,
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => {
    storage.set(key, value);
  },
  removeStorageSync: (key: string) => {
    storage.delete(key);
  },
  getSystemInfoSync: () => ({ ...systemInfo }),
};

export const useRouter = jest.fn(() => ({ params: {} as Record<string, string>, path: '' }));
export const useDidShow = jest.fn();
export const useDidHide = jest.fn();
export const useLoad = jest.fn();
export const useUnload = jest.fn();

export function resetTaroFake(): void {
  storage.clear();
  for (const fn of [request, login, navigateTo, redirectTo, reLaunch, navigateBack, setNavigationBarTitle, showToast])
    fn.mockClear();
  systemInfo.language = 'zh_CN';
  systemInfo.windowWidth = 375;
}

export default Taro;
