import type { PageName } from '../navigation/routes.constant';

export interface EntryState {
  signedIn: boolean;
  /** From GET /me/profile; undefined when not signed in. */
  registered?: boolean;
  acceptedConsent: string | null;
}

/** Where the app opens: sign in, then consent before anything is collected, then sign-up, then the code. */
export function entryTarget(state: EntryState): Extract<PageName, 'login' | 'consent' | 'signup' | 'code'> {
  if (!state.signedIn) return 'login';
  if (state.registered) return 'code';
  return state.acceptedConsent ? 'signup' : 'consent';
}
