import type { HostAdapter } from './host.type';

/** Browser (H5): served from the API's own origin under /app/, and signed in with the demo provider. */
const DEV_USER_KEY = 'hc.devUser';

/** The dev user signed in last (the dev host certifies identities for its own user). */
export function devUserName(): string {
  return globalThis.localStorage?.getItem(DEV_USER_KEY) ?? 'demo';
}

export const host: HostAdapter = {
  apiBase: '/api',
  provider: 'dev',
  asksForDemoName: true,
  loginCode: async (demoName) => {
    const user = demoName.trim() || 'demo';
    globalThis.localStorage?.setItem(DEV_USER_KEY, user);
    return `dev-${user}`;
  },
  responseFromFailure: () => null,
};
