/**
 * Colour-change messages are collapsed into at most one per resident per window (an hour by default): the window
 * is a fixed interval of the epoch, its outbox row is keyed `color:<resident>:<window>`, and every change in the
 * window rewrites that row's colour while it is still pending. A change arriving after the window's message
 * went out goes to the next window, sent when that window opens.
 */
export function colorWindow(now: Date, windowMinutes: number): number {
  return Math.floor(now.getTime() / (windowMinutes * 60_000));
}

export function colorDedupeKey(residentId: string, window: number): string {
  return `color:${residentId}:${window}`;
}

/** When the window's message goes out: after the debounce, and never before its window opens. */
export function colorNotBefore(now: Date, window: number, windowMinutes: number, debounceSeconds: number): Date {
  return new Date(Math.max(now.getTime() + debounceSeconds * 1000, window * windowMinutes * 60_000));
}
