import type { SubscribeAdapter } from './subscribe.type';

/** The browser build has no host messages: the dev channel's inbox (`/me/notifications`) shows them. */
export const subscriber: SubscribeAdapter = {
  host: null,
  request: async () => null,
};
