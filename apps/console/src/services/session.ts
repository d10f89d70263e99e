import type { StaffIdentity, StaffLoginResponse } from '@healthcode/contracts';
import { clock } from './clock';

/**
 * The staff token lives in sessionStorage: it dies with the tab, and is never shared across tabs
 * (a hotline agent's second tab signs in on its own). Readers subscribe so a 401 or a logout anywhere
 * sends every guarded route back to the login page.
 */
export interface StaffSession {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  staff: StaffIdentity;
}

const STORAGE_KEY = 'healthcode.console.session';
// setTimeout overflows above 2^31-1 ms and would fire at once.
const MAX_TIMER_MS = 2_147_483_647;

const listeners = new Set<() => void>();
let current: StaffSession | null | undefined;
let expiryTimer: ReturnType<typeof setTimeout> | undefined;

function isSession(value: unknown): value is StaffSession {
  const v = value as StaffSession | null;
  return (
    typeof v?.accessToken === 'string' &&
    typeof v.expiresAt === 'number' &&
    typeof v.staff?.role === 'string' &&
    typeof v.staff.regionScope === 'string'
  );
}

function readStorage(): StaffSession | null {
  try {
    const parsed: unknown = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    if (isSession(parsed) && parsed.expiresAt > clock.ms()) return parsed;
  } catch {
    // unreadable: treated as no session
  }
  window.sessionStorage.removeItem(STORAGE_KEY);
  return null;
}

function scheduleExpiry(session: StaffSession | null): void {
  clearTimeout(expiryTimer);
  if (session)
    expiryTimer = setTimeout(() => sessionStore.clear(), Math.min(session.expiresAt - clock.ms(), MAX_TIMER_MS));
}

function publish(next: StaffSession | null): void {
  current = next;
  scheduleExpiry(next);
  listeners.forEach((listener) => listener());
}

export const sessionStore = {
  get(): StaffSession | null {
    // First read after a page load: nothing observable changed, so nobody is notified.
    if (current === undefined) {
      current = readStorage();
      scheduleExpiry(current);
    }
    return current;
  },

  save(response: StaffLoginResponse): StaffSession {
    const session: StaffSession = {
      accessToken: response.accessToken,
      expiresAt: clock.ms() + response.expiresIn * 1000,
      staff: response.staff,
    };
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    publish(session);
    return session;
  },

  clear(): void {
    window.sessionStorage.removeItem(STORAGE_KEY);
    if (current !== null) publish(null);
  },

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** Tests only: forget the in-memory copy so the next read goes back to storage. */
  reset(): void {
    clearTimeout(expiryTimer);
    current = undefined;
  },
};
