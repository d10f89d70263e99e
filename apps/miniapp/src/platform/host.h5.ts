import type { HostAdapter } from './host.type';

/** Browser (H5): served from the API's own origin under /app/, and signed in with the demo provider. */
export const host: HostAdapter = {
  apiBase: '/api',
  provider: 'dev',
  asksForDemoName: true,
  loginCode: async (demoName) => `dev-${demoName.trim() || 'demo'}`,
  responseFromFailure: () => null,
};
