import { useSyncExternalStore } from 'react';

import { type StaffSession, sessionStore } from '../services/session';

export function useSession(): StaffSession | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}
