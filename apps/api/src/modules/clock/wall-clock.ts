/**
 * The machine's clock, for the few readings that must agree with times stamped outside the injected Clock:
 * session and ticket tokens get `iat`/`exp` from jose, which reads the wall clock itself. Domain decisions
 * (colours, deadlines, retention) never use this: they take "now" from Clock.
 */
export const wallClock = {
  now: (): Date => new Date(),
  epochSeconds: (): number => Math.floor(Date.now() / 1000),
};
