/**
 * The app's one reading of the machine clock: pages, hooks and services take "now" from here (or from a
 * parameter defaulting to it), so there is one place a test or a future server-time offset can change.
 */
export const clock = {
  now: (): Date => new Date(),
  ms: (): number => Date.now(),
};
